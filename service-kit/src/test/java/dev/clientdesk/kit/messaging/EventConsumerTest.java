package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import io.micrometer.core.instrument.MeterRegistry;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class EventConsumerTest {

    @Inject
    EntityManager em;

    @Inject
    CloudEventCodec codec;

    @Inject
    MeterRegistry registry;

    @Test
    void a_redelivered_event_has_one_effect() {
        String widgetId = UUID.randomUUID().toString();
        String event = widgetCreated(UUID.randomUUID().toString(), widgetId, "twice");
        double skippedBefore = registry.counter("clientdesk.events.duplicates_skipped").count();

        TopicReader.send("widgets.v1", widgetId, event);
        TopicReader.send("widgets.v1", widgetId, event);
        String marker = UUID.randomUUID().toString();
        TopicReader.send("widgets.v1", marker, widgetCreated(UUID.randomUUID().toString(), marker, "after"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(marker) == 1);
        assertThat(seen(widgetId)).isEqualTo(1);
        assertThat(registry.counter("clientdesk.events.duplicates_skipped").count()).isGreaterThan(skippedBefore);
    }

    @Test
    void poison_messages_go_to_the_dead_letter_topic_at_once_and_bugs_after_their_attempts() {
        String key = UUID.randomUUID().toString();
        String failingId = UUID.randomUUID().toString();
        TopicReader.send("widgets.v1", key, "this is not json");
        TopicReader.send("widgets.v1", key, widgetCreated(failingId, key, "poison pill"));
        String healthy = UUID.randomUUID().toString();
        TopicReader.send("widgets.v1", key, widgetCreated(UUID.randomUUID().toString(), healthy, "healthy"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seen(healthy) == 1);
        List<ConsumerRecord<String, byte[]>> dead = TopicReader.readUntil("widgets.v1.dlt", Duration.ofSeconds(20),
                rs -> rs.stream().filter(r -> key.equals(r.key())).count() >= 2);
        List<ConsumerRecord<String, byte[]>> ours = dead.stream().filter(r -> key.equals(r.key())).toList();
        assertThat(ours).hasSize(2);
        assertThat(Headers.text(ours.get(0).headers(), Headers.DLT_ERROR)).contains("not a JSON CloudEvent");
        assertThat(Headers.text(ours.get(1).headers(), Headers.DLT_ERROR)).contains("cannot digest poison pill");
        assertThat(Headers.text(ours.get(1).headers(), Headers.DLT_ORIGINAL_TOPIC)).isEqualTo("widgets.v1");
        var poison = ours.get(0).headers();
        assertThat(Headers.text(poison, Headers.DLT_ATTEMPTS)).as("poison is never retried").isEqualTo("1");
        assertThat(Headers.text(poison, Headers.DLT_CONSUMER_GROUP)).isEqualTo("sample-service");
        assertThat(Headers.text(poison, Headers.DLT_ERROR_CLASS)).endsWith("MalformedEventException");
        assertThat(Headers.text(poison, Headers.DLT_ORIGINAL_TOPIC)).isEqualTo("widgets.v1");
        assertThat(Headers.text(poison, Headers.DLT_ORIGINAL_PARTITION)).matches("\\d+");
        assertThat(Long.parseLong(Headers.text(poison, Headers.DLT_ORIGINAL_OFFSET)))
                .isLessThan(Long.parseLong(Headers.text(ours.get(1).headers(), Headers.DLT_ORIGINAL_OFFSET)));
        assertThat(Headers.text(ours.get(1).headers(), Headers.DLT_ATTEMPTS)).as("a bug gets max-attempts tries")
                .isEqualTo("3");
        assertThat(Headers.text(ours.get(1).headers(), Headers.DLT_ERROR_CLASS))
                .isEqualTo(IllegalStateException.class.getName());
        assertThat(processed(failingId)).as("a failed event is not recorded as processed").isZero();
    }

    private String widgetCreated(String eventId, String widgetId, String name) {
        return codec.encode(CloudEvent.of(eventId, "test", "WidgetCreated", widgetId, Instant.now(), "t",
                TopicReader.parse("{\"widgetId\":\"" + widgetId + "\",\"name\":\"" + name + "\"}")));
    }

    private long seen(String widgetId) {
        return count("SELECT count(*) FROM widget_seen WHERE widget_id = ?1", widgetId);
    }

    private long processed(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId);
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }
}
