package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.config.WithDefault;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Handled event ids are forgotten once older than the retention, and only then. */
@QuarkusTest
class ProcessedEventRetentionTest {

    @Inject
    EntityManager entityManager;
    @Inject
    ProcessedEvents processedEvents;
    @Inject
    KitConfig config;

    @Test
    void ids_older_than_the_retention_are_deleted_and_younger_ones_kept() {
        Duration retention = config.consumer().processedRetention();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String old = insert(now.minus(retention).minusHours(1));
        String young = insert(now.minus(retention).plusHours(1));
        String fresh = insert(now);

        processedEvents.forgetOldEvents();

        assertThat(exists(old)).as("older than the retention").isFalse();
        assertThat(exists(young)).as("just inside the retention").isTrue();
        assertThat(exists(fresh)).isTrue();
    }

    /** A record comes back at most as long as its topic keeps it; the ids must be remembered longer. */
    @Test
    void the_default_retention_outlasts_the_topics_retention() throws Exception {
        String declared = KitConfig.Consumer.class.getMethod("processedRetention").getAnnotation(WithDefault.class)
                .value();
        Duration retention = Duration.parse(declared);

        assertThat(retention).isGreaterThan(longestTopicRetention().multipliedBy(2));
    }

    private static Duration longestTopicRetention() throws IOException {
        String topics = Files.readString(Path.of("../deploy/k8s/examples/strimzi/topics.yaml"));
        Matcher matcher = Pattern.compile("name: ([a-z.0-9]+)\\n(?:.*\\n)*?\\s+retention\\.ms: (\\d+)").matcher(topics);
        Duration longest = Duration.ZERO;
        int topicsFound = 0;
        while (matcher.find()) {
            if (!matcher.group(1).endsWith(EventConsumer.DEAD_LETTER_SUFFIX)) {
                topicsFound++;
                Duration kept = Duration.ofMillis(Long.parseLong(matcher.group(2)));
                longest = kept.compareTo(longest) > 0 ? kept : longest;
            }
        }
        assertThat(topicsFound).isEqualTo(3);
        return longest;
    }

    private String insert(OffsetDateTime processedAt) {
        String id = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer_group, event_id, event_type, processed_at)
                VALUES ('retention-test', ?1, 'Tested', ?2)""")
                .setParameter(1, id).setParameter(2, processedAt).executeUpdate());
        return id;
    }

    private boolean exists(String id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM processed_event WHERE consumer_group = 'retention-test' AND event_id = ?1")
                .setParameter(1, id).getSingleResult()).intValue() == 1);
    }
}
