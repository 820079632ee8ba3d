package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.messaging.Headers;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

/**
 * Events shaped exactly like a golden sample under {@code contracts/}, with a fresh event id, the test's
 * workspace and some data fields replaced, published the way the outbox relay publishes them (keyed by the
 * client id, with the CloudEvents headers).
 */
public final class GoldenEvents {

    private GoldenEvents() {
    }

    /** The sample's envelope with a new id, {@code tenantid} = tenant and the given data fields replaced. */
    public static ObjectNode event(String topic, String type, String tenant, Map<String, String> data) {
        ObjectNode event = (ObjectNode) Contracts.sample(topic, type).deepCopy();
        event.put("id", UUID.randomUUID().toString()).put("tenantid", tenant);
        ObjectNode fields = (ObjectNode) event.get("data");
        data.forEach((field, value) -> {
            if (field.contains(".")) {
                String[] path = field.split("\\.", 2);
                ((ObjectNode) fields.get(path[0])).put(path[1], value);
            } else {
                fields.put(field, value);
            }
        });
        return event;
    }

    /** Publishes a sample-shaped event keyed by {@code key}; returns its event id. */
    public static String publish(String topic, String type, String tenant, String key, Map<String, String> data) {
        ObjectNode event = event(topic, type, tenant, data);
        publish(topic, key, event);
        return event.path("id").asText();
    }

    /** Publishes an envelope as it is (a second call with the same envelope is a redelivery). */
    public static void publish(String topic, String key, ObjectNode event) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            producer.send(new ProducerRecord<>(topic, null, key, event.toString().getBytes(StandardCharsets.UTF_8),
                    Headers.envelope(event.path("id").asText(), event.path("type").asText()))).get();
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }
}
