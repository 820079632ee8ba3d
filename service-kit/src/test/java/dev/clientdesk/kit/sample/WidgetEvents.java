package dev.clientdesk.kit.sample;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.testing.TopicReader;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/** WidgetCreated events sent from outside the service, and what the sample handler made of them. */
@ApplicationScoped
public class WidgetEvents {

    public static final String TOPIC = "widgets.v1";

    private final EntityManager em;
    private final CloudEventCodec codec;

    public WidgetEvents(EntityManager em, CloudEventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    public String envelope(String eventId, String widgetId, String name) {
        return codec.encode(CloudEvent.of(eventId, "test", "WidgetCreated", widgetId, Instant.now(), "t",
                TopicReader.parse("{\"widgetId\":\"" + widgetId + "\",\"name\":\"" + name + "\"}")));
    }

    /** Sends a WidgetCreated for a new widget under {@code key}; returns the widget id. */
    public String send(String key, String name) {
        String widgetId = UUID.randomUUID().toString();
        TopicReader.send(TOPIC, key, envelope(UUID.randomUUID().toString(), widgetId, name));
        return widgetId;
    }

    /**
     * A key whose records land on another partition than {@code key}'s (the producer's default partitioner):
     * a record behind a failing one on its partition waits for it.
     */
    public static String keyOnAnotherPartitionThan(String key, int partitions) {
        while (true) {
            String candidate = UUID.randomUUID().toString();
            if (partition(candidate, partitions) != partition(key, partitions)) {
                return candidate;
            }
        }
    }

    private static int partition(String key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    public long seen(String widgetId) {
        return count("SELECT count(*) FROM widget_seen WHERE widget_id = ?1", widgetId);
    }

    /** The order in which the handler applied the widget's event. */
    public long seq(String widgetId) {
        return count("SELECT max(seq) FROM widget_seen WHERE widget_id = ?1", widgetId);
    }

    public long processed(String eventId) {
        return count("SELECT count(*) FROM processed_event WHERE event_id = ?1", eventId);
    }

    private long count(String sql, String parameter) {
        return QuarkusTransaction.requiringNew().call(() ->
                ((Number) em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult()).longValue());
    }
}
