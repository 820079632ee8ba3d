package dev.clientdesk.kit.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.messaging.Headers;
import dev.clientdesk.kit.sample.WidgetApi;
import dev.clientdesk.kit.testing.InfrastructureTestResource;
import dev.clientdesk.kit.testing.KafkaTopics;
import dev.clientdesk.kit.testing.TestTokens;
import dev.clientdesk.kit.testing.TopicReader;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.path.json.JsonPath;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class OutboxRelayTest {

    @Inject
    EntityManager em;

    @Inject
    OutboxRelay relay;

    @Inject
    MeterRegistry registry;

    @Test
    void publishes_a_cloud_event_keyed_by_aggregate_with_the_type_in_a_header() {
        String id = WidgetApi.create("tenant-relay", "first");

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil("widgets.v1", Duration.ofSeconds(20),
                rs -> rs.stream().anyMatch(r -> id.equals(r.key())));
        ConsumerRecord<String, byte[]> record = records.stream().filter(r -> id.equals(r.key())).findFirst()
                .orElseThrow();
        JsonNode envelope = TopicReader.json(record);

        assertThat(envelope.path("specversion").asText()).isEqualTo("1.0");
        assertThat(envelope.path("source").asText()).isEqualTo("sample-service");
        assertThat(envelope.path("type").asText()).isEqualTo("WidgetCreated");
        assertThat(envelope.path("subject").asText()).isEqualTo(id);
        assertThat(envelope.path("tenantid").asText()).isEqualTo("tenant-relay");
        assertThat(envelope.path("time").asText()).isNotBlank();
        assertThat(envelope.path("data").path("name").asText()).isEqualTo("first");
        assertThat(Headers.text(record.headers(), Headers.EVENT_TYPE)).isEqualTo("WidgetCreated");
        assertThat(Headers.text(record.headers(), Headers.EVENT_ID)).isEqualTo(envelope.path("id").asText());
    }

    @Test
    void events_written_while_the_broker_is_down_arrive_once_it_is_back() {
        InfrastructureTestResource.kafka().stop();
        List<String> ids = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                ids.add(WidgetApi.create("tenant-outage", "outage-" + i));
            }
            assertThat(unpublished(ids)).as("rows wait in the outbox while Kafka is down").isEqualTo(20);
        } finally {
            InfrastructureTestResource.kafka().start();
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(ids) == 0);
        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil("widgets.v1", Duration.ofSeconds(30),
                rs -> keys(rs).containsAll(ids));
        assertThat(keys(records)).containsAll(ids);
    }

    @Test
    void replicas_relaying_at_once_publish_each_row_exactly_once() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            ids.add(WidgetApi.create("tenant-replicas", "replica-" + i));
        }
        ExecutorService replicas = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> runs = new ArrayList<>();
            for (int r = 0; r < 3; r++) {
                runs.add(replicas.submit(() -> {
                    int total = 0;
                    for (int n = 0; n < 20; n++) {
                        total += relay.relayBatch();
                    }
                    return total;
                }));
            }
            for (Future<Integer> run : runs) {
                run.get();
            }
        } finally {
            replicas.shutdown();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(ids) == 0);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil("widgets.v1", Duration.ofSeconds(30),
                rs -> keys(rs).containsAll(ids));
        List<String> published = records.stream().map(ConsumerRecord::key).filter(ids::contains).toList();
        assertThat(published).hasSize(ids.size()).doesNotHaveDuplicates();
    }

    @Test
    void a_row_the_broker_refuses_for_good_is_set_aside_and_the_rest_flow() {
        String poisonKey = "poison-" + java.util.UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO outbox_event (id, topic, partition_key, event_type, envelope, created_at)
                VALUES (gen_random_uuid(), 'widgets.v1', ?1, 'Huge', ?2, now())""")
                .setParameter(1, poisonKey).setParameter(2, "x".repeat(2_000_000)).executeUpdate());
        String id = WidgetApi.create("tenant-poison", "after the poison");

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(id)) == 0);
        String failure = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT failure FROM outbox_event WHERE partition_key = ?1").setParameter(1, poisonKey)
                .getSingleResult());
        assertThat(failure).contains("RecordTooLarge");
    }

    @Test
    void a_record_too_large_for_its_topic_holds_its_key_until_an_operator_retries_it_after_the_fix() {
        String topic = "outsize-" + UUID.randomUUID().toString().substring(0, 8) + ".v1";
        KafkaTopics.create(topic, 1, Map.of("max.message.bytes", "50000"));
        String key = "outsize-" + UUID.randomUUID();
        String otherKey = "other-" + UUID.randomUUID();
        double rowsBefore = gauge("clientdesk.outbox.set_aside");
        double keysBefore = gauge("clientdesk.outbox.set_aside.keys");
        // One transaction: the large row and the two behind it reach the relay in the same batch.
        List<String> ids = insert(topic, List.of(key, key, otherKey, key),
                List.of("x".repeat(100_000), "", "", ""));
        String large = ids.get(0);

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(otherKey)) == 0
                && failure(large) != null);
        for (int i = 0; i < 3; i++) {
            relay.relayBatch();
        }
        assertThat(failure(large)).startsWith("RecordTooLargeException");
        assertThat(unpublished(List.of(key))).as("the large row and the two behind it").isEqualTo(3);
        assertThat(eventIds(topic)).as("only the other key got through").containsExactly(ids.get(2));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("clientdesk.outbox.set_aside")).isEqualTo(rowsBefore + 1);
            assertThat(gauge("clientdesk.outbox.set_aside.keys")).isEqualTo(keysBefore + 1);
        });

        given().header("Authorization", TestTokens.bearer("tenant-relay")).get("/v1/admin/outbox/set-aside")
                .then().statusCode(403).contentType("application/problem+json");
        JsonPath listed = TestTokens.asOperator("ops").get("/v1/admin/outbox/set-aside?size=100")
                .then().statusCode(200).extract().jsonPath();
        Map<String, Object> item = listed.getMap("items.find { it.eventId == '" + large + "' }");
        assertThat(item).containsEntry("topic", topic).containsEntry("partitionKey", key)
                .containsEntry("eventType", "Outsize").containsEntry("rowsWaiting", 2);
        assertThat((String) item.get("failure")).startsWith("RecordTooLargeException");
        assertThat((String) item.get("setAsideAt")).isNotBlank();

        KafkaTopics.setConfig(topic, "max.message.bytes", "1000000");
        TestTokens.asOperator("ops").post("/v1/admin/outbox/set-aside/" + large + "/retry").then().statusCode(204);

        await().atMost(Duration.ofSeconds(30)).until(() -> unpublished(List.of(key)) == 0);
        assertThat(eventIds(topic)).as("the large row first, then the rows that waited, in order")
                .containsExactly(ids.get(2), ids.get(0), ids.get(1), ids.get(3));
        assertThat(failure(large)).isNull();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(gauge("clientdesk.outbox.set_aside")).isEqualTo(rowsBefore);
            assertThat(gauge("clientdesk.outbox.set_aside.keys")).isEqualTo(keysBefore);
        });
        TestTokens.asOperator("ops").post("/v1/admin/outbox/set-aside/" + large + "/retry")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void an_event_for_a_topic_missing_from_the_broker_is_retried_until_the_topic_exists_and_never_set_aside() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String topic = "late." + suffix;
        // The broker creates a topic on first use, except one whose name collides with an existing topic ('.'
        // and '_' are the same to Kafka): until that one is deleted, the topic is missing, as during a deploy.
        String collider = "late_" + suffix;
        KafkaTopics.create(collider, 1, Map.of());
        String key = "late-" + suffix;
        double failuresBefore = registry.counter("clientdesk.outbox.relay.failures").count();
        String id = insert(topic, List.of(key), List.of("")).get(0);

        await().atMost(Duration.ofSeconds(30))
                .until(() -> registry.counter("clientdesk.outbox.relay.failures").count() >= failuresBefore + 2);
        assertThat(failure(id)).as("retried, not set aside").isNull();
        assertThat(unpublished(List.of(key))).isEqualTo(1);

        KafkaTopics.delete(List.of(collider));
        await().atMost(Duration.ofSeconds(60)).until(() -> unpublished(List.of(key)) == 0);
        assertThat(failure(id)).isNull();
        assertThat(eventIds(topic)).containsExactly(id);
    }

    /** Inserts one outbox row per key, in one transaction, in order; returns their event ids. */
    private List<String> insert(String topic, List<String> keys, List<String> padding) {
        List<String> ids = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < keys.size(); i++) {
                String id = UUID.randomUUID().toString();
                em.createNativeQuery("""
                        INSERT INTO outbox_event (id, topic, partition_key, event_type, envelope, created_at)
                        VALUES (CAST(?1 AS UUID), ?2, ?3, 'Outsize', ?4, now())""")
                        .setParameter(1, id).setParameter(2, topic).setParameter(3, keys.get(i))
                        .setParameter(4, "{\"pad\":\"" + padding.get(i) + "\"}").executeUpdate();
                ids.add(id);
            }
        });
        return ids;
    }

    private String failure(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery(
                "SELECT failure FROM outbox_event WHERE id = CAST(?1 AS UUID)").setParameter(1, eventId)
                .getSingleResult());
    }

    private static List<String> eventIds(String topic) {
        return KafkaTopics.readToEnd(topic).stream().map(r -> Headers.text(r.headers(), Headers.EVENT_ID)).toList();
    }

    private double gauge(String name) {
        return registry.get(name).gauge().value();
    }

    private long unpublished(List<String> keys) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND partition_key = ANY(?1)")
                .setParameter(1, keys.toArray(String[]::new)).getSingleResult()).longValue());
    }

    private static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toCollection(HashSet::new));
    }
}
