package dev.clientdesk.kit.reliability;

import dev.clientdesk.kit.messaging.EventConsumer;
import dev.clientdesk.kit.messaging.Headers;
import dev.clientdesk.kit.sample.WidgetApi;
import dev.clientdesk.kit.testing.InfrastructureTestResource;
import dev.clientdesk.kit.testing.KafkaTopics;
import dev.clientdesk.kit.testing.Redelivery;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A thousand business writes made while the broker is down are all published once it is back, none of them
 * twice (the relay stops at the first send the broker cannot take, so nothing it sent is sent again), and
 * the consumer's effect happens exactly once for each of them.
 */
@QuarkusTest
class BrokerOutageTest {

    private static final int WRITES = 1000;
    private static final String TOPIC = "widgets.v1";
    private static final String GROUP = "sample-service";

    @Inject
    EntityManager em;

    @Inject
    MeterRegistry registry;

    @Test
    void a_thousand_writes_during_a_broker_outage_are_all_delivered_and_each_has_exactly_one_effect()
            throws Exception {
        String tenant = "tenant-broker-outage-" + UUID.randomUUID();
        double relayFailuresBefore = registry.counter("clientdesk.outbox.relay.failures").count();
        List<String> widgetIds = new ArrayList<>();

        InfrastructureTestResource.kafka().stop();
        long started = System.nanoTime();
        long restarting = 0;
        try {
            ExecutorService clients = Executors.newFixedThreadPool(4);
            try {
                List<Future<String>> writes = new ArrayList<>();
                for (int i = 0; i < WRITES; i++) {
                    String name = "outage-" + i;
                    writes.add(clients.submit(() -> WidgetApi.create(tenant, name)));
                }
                for (Future<String> write : writes) {
                    widgetIds.add(write.get());
                }
            } finally {
                clients.shutdown();
            }
            assertThat(new HashSet<>(widgetIds)).hasSize(WRITES);

            long written = System.nanoTime();
            // The broker stays down a while longer: nothing gets out meanwhile.
            await("nothing published while the broker is down").during(Duration.ofSeconds(5))
                    .atMost(Duration.ofSeconds(15))
                    .until(() -> unpublished(widgetIds) == WRITES);
            System.out.printf("broker-outage: %d writes in %d ms with the broker down%n", WRITES,
                    (written - started) / 1_000_000);
        } finally {
            restarting = System.nanoTime();
            InfrastructureTestResource.kafka().start();
        }

        long restarted = System.nanoTime();
        await("every outbox row published after the restart").atMost(Duration.ofSeconds(60))
                .until(() -> unpublished(widgetIds) == 0);
        // Everything on the topic now, duplicates included, has been read by the consumer.
        KafkaTopics.awaitCaughtUp(GROUP, List.of(TOPIC), Duration.ofSeconds(60));
        System.out.printf("broker-outage: down %d ms, restart took %d ms, all published and consumed %d ms after%n",
                (restarting - started) / 1_000_000, (restarted - restarting) / 1_000_000,
                (System.nanoTime() - restarted) / 1_000_000);
        assertThat(registry.counter("clientdesk.outbox.relay.failures").count())
                .as("the relay met the outage").isGreaterThan(relayFailuresBefore);

        List<String> outboxRows = eventIds(widgetIds);
        assertThat(outboxRows).as("one outbox event per write").hasSize(WRITES).doesNotHaveDuplicates();
        Set<String> eventIds = new HashSet<>(outboxRows);

        Map<String, Integer> copiesOnTopic = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : KafkaTopics.readToEnd(TOPIC)) {
            String id = Headers.text(record.headers(), Headers.EVENT_ID);
            if (id != null && eventIds.contains(id)) {
                copiesOnTopic.merge(id, 1, Integer::sum);
            }
        }
        int delivered = copiesOnTopic.size();
        int duplicates = copiesOnTopic.values().stream().mapToInt(n -> n - 1).sum();
        long effects = count("SELECT count(*) FROM widget_seen WHERE event_id = ANY(?1)", eventIds);
        long effectsByWidget = count("SELECT count(DISTINCT widget_id) FROM widget_seen WHERE widget_id = ANY(?1)",
                widgetIds);
        long processed = count("SELECT count(*) FROM processed_event WHERE consumer_group = '" + GROUP
                + "' AND event_id = ANY(?1)", eventIds);
        List<String> deadLettered = KafkaTopics.existing(List.of(TOPIC + EventConsumer.DEAD_LETTER_SUFFIX)).isEmpty()
                ? List.of()
                : KafkaTopics.readToEnd(TOPIC + EventConsumer.DEAD_LETTER_SUFFIX).stream()
                        .map(Redelivery::eventId).filter(eventIds::contains).toList();

        System.out.printf("RELIABILITY broker-outage written=%d delivered=%d duplicatesOnTopic=%d effects=%d%n",
                WRITES, delivered, duplicates, effects);

        assertThat(delivered).as("events on the topic, by event id").isEqualTo(WRITES);
        assertThat(duplicates).as("records on the topic repeating an event id").isZero();
        assertThat(effects).as("effect rows for the events").isEqualTo(WRITES);
        assertThat(effectsByWidget).as("widgets with an effect").isEqualTo(WRITES);
        assertThat(processed).as("processed_event rows for the events").isEqualTo(WRITES);
        assertThat(deadLettered).as("events that went to the dead-letter topic").isEmpty();
    }

    private long unpublished(List<String> widgetIds) {
        return count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND partition_key = ANY(?1)",
                widgetIds);
    }

    @SuppressWarnings("unchecked")
    private List<String> eventIds(List<String> widgetIds) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "SELECT CAST(id AS TEXT) FROM outbox_event WHERE partition_key = ANY(?1)")
                .setParameter(1, widgetIds.toArray(String[]::new)).getResultList());
    }

    private long count(String sql, Collection<String> values) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(sql)
                .setParameter(1, values.toArray(String[]::new)).getSingleResult()).longValue());
    }
}
