package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.DoubleSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replays every record of the topics a service consumes into the same topics and partitions, waits until
 * the service's consumer group has read past all of them, and reports what changed. A service whose
 * consumer is idempotent changes nothing.
 */
public final class Redelivery {

    /**
     * @param replayed          records produced again
     * @param alreadyProcessed  of those, how many carry an event id the group recorded in processed_event before
     *                          the replay: each must take the consumer's "seen it" path
     * @param handledDelta      how much the consumer's {@code clientdesk.events.handled} counter moved
     * @param processedBefore   processed_event rows of the group before the replay
     * @param processedAfter    and after it
     * @param committedUpTo     end offsets after the replay, which the group's committed offsets reached
     */
    public record Outcome(int replayed, long alreadyProcessed, double handledDelta, long processedBefore,
            long processedAfter, Map<String, String> before, Map<String, String> after,
            Map<TopicPartition, Long> committedUpTo) {

        public boolean stateChanged() {
            return !before.equals(after);
        }

        /** Reports the replay and asserts it changed nothing, though at least {@code seeded} records were re-read. */
        public void assertChangedNothing(String service, int seeded) {
            System.out.printf("RELIABILITY redelivery %s replayed=%d stateChanged=%s%n", service, replayed,
                    stateChanged());
            assertThat(replayed).as("records replayed").isGreaterThanOrEqualTo(seeded);
            assertThat(changes()).as("tables changed by the redelivery").isEmpty();
            assertThat(processedAfter).as("no event counted as new").isEqualTo(processedBefore);
            assertThat(alreadyProcessed).as("replayed records the group had processed").isGreaterThanOrEqualTo(seeded);
            assertThat(handledDelta).as("replayed events the consumer went through again (skip path)")
                    .isGreaterThanOrEqualTo((double) alreadyProcessed);
        }

        /** The tables whose snapshot differs, with before → after. */
        public List<String> changes() {
            List<String> changes = new ArrayList<>();
            for (String table : before.keySet()) {
                if (!Objects.equals(before.get(table), after.get(table))) {
                    changes.add(table + ": " + before.get(table) + " -> " + after.get(table));
                }
            }
            after.keySet().stream().filter(t -> !before.containsKey(t)).forEach(t -> changes.add(t + ": new"));
            return changes;
        }
    }

    private Redelivery() {
    }

    /**
     * @param consumerGroup the service's group id ({@code clientdesk.service-name})
     * @param topics        the topics the service consumes
     * @param database      the service's database
     * @param handled       reads the service's {@code clientdesk.events.handled} counter
     */
    public static Outcome replayEverything(String consumerGroup, List<String> topics, DataSource database,
            DoubleSupplier handled, Duration timeout) {
        KafkaTopics.awaitCaughtUp(consumerGroup, topics, timeout);
        Map<String, String> before = StateSnapshot.take(database);
        long processedBefore = processed(database, consumerGroup);
        double handledBefore = handled.getAsDouble();

        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        for (String topic : topics) {
            records.addAll(KafkaTopics.readToEnd(topic));
        }
        long alreadyProcessed = records.stream().map(Redelivery::eventId).filter(Objects::nonNull)
                .filter(id -> StateSnapshot.count(database,
                        "SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_id = ?",
                        consumerGroup, id) > 0)
                .count();
        KafkaTopics.produceAgain(records);
        Map<TopicPartition, Long> reached = KafkaTopics.awaitCaughtUp(consumerGroup, topics, timeout);

        return new Outcome(records.size(), alreadyProcessed, handled.getAsDouble() - handledBefore, processedBefore,
                processed(database, consumerGroup), before, StateSnapshot.take(database), reached);
    }

    /** The CloudEvent id of a record (its envelope's {@code id}); null when the value is not an envelope. */
    public static String eventId(ConsumerRecord<String, byte[]> record) {
        JsonNode envelope = TopicReader.json(record);
        String id = envelope.path("id").asText(null);
        return id == null || id.isBlank() ? null : id;
    }

    private static long processed(DataSource database, String consumerGroup) {
        return StateSnapshot.count(database, "SELECT count(*) FROM processed_event WHERE consumer_group = ?",
                consumerGroup);
    }
}
