package dev.clientdesk.kit.outbox;

import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.ClusterAuthorizationException;
import org.apache.kafka.common.errors.CorruptRecordException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.TransactionalIdAuthorizationException;
import org.apache.kafka.common.errors.UnknownServerException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.ExecutionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failed sends set a row aside: only records the broker can never accept; everything else is retried. */
class SendFailuresTest {

    @Test
    void records_that_can_never_be_accepted_are_set_aside() {
        List<Throwable> forGood = List.of(new RecordTooLargeException("too large"),
                new InvalidRecordException("invalid"), new CorruptRecordException("corrupt"),
                new InvalidTopicException("bad name"));
        assertThat(forGood).allSatisfy(failure -> {
            assertThat(SendFailures.refusedForGood(failure)).as(failure.toString()).isTrue();
            assertThat(SendFailures.refusedForGood(new ExecutionException(failure))).isTrue();
        });
    }

    @Test
    void refusals_an_operator_or_the_cluster_can_lift_are_retried() {
        List<Throwable> passing = List.of(new TopicAuthorizationException("no ACL"),
                new ClusterAuthorizationException("no ACL"), new TransactionalIdAuthorizationException("no ACL"),
                new UnknownTopicOrPartitionException("missing"), new NotLeaderOrFollowerException("moved"),
                new TimeoutException("not present in metadata"), new UnknownServerException("?"),
                new KafkaException("closed"), new IllegalStateException("anything else"));
        assertThat(passing).allSatisfy(failure -> {
            assertThat(SendFailures.refusedForGood(failure)).as(failure.toString()).isFalse();
            assertThat(SendFailures.refusedForGood(new ExecutionException(failure))).isFalse();
        });
    }

    @Test
    void the_reason_names_the_broker_error() {
        assertThat(SendFailures.describe(new ExecutionException(new RecordTooLargeException("1048576 bytes"))))
                .isEqualTo("RecordTooLargeException: 1048576 bytes");
    }
}
