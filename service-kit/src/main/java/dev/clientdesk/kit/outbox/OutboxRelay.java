package dev.clientdesk.kit.outbox;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.messaging.Headers;
import dev.clientdesk.kit.messaging.KafkaClients;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Publishes outbox rows to Kafka. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas share the work without publishing a row twice, and is marked published only after the broker
 * acknowledged every record. If the broker is down the transaction rolls back and the rows wait.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    private final EntityManager entityManager;
    private final KafkaClients kafkaClients;
    private final KitConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Instant nextCleanup = Instant.EPOCH;

    public OutboxRelay(EntityManager entityManager, KafkaClients kafkaClients, KitConfig config, Clock clock,
            MeterRegistry registry) {
        this.entityManager = entityManager;
        this.kafkaClients = kafkaClients;
        this.config = config;
        this.clock = clock;
        this.published = registry.counter("clientdesk.outbox.published");
        this.failures = registry.counter("clientdesk.outbox.relay.failures");
    }

    void onStart(@Observes StartupEvent event) {
        if (!config.outbox().relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.interrupt();
            worker.join(10_000);
        }
        closeProducer();
    }

    private void run() {
        while (running) {
            try {
                int relayed = relayBatch();
                cleanupIfDue();
                if (relayed < config.outbox().batchSize()) {
                    sleep(config.outbox().pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                LOG.warnf("outbox relay failed, retrying in %s: %s", config.outbox().retryBackoff(), e.getMessage());
                // An idempotent producer that timed out may be stuck on a sequence gap: start afresh.
                closeProducer();
                sleep(config.outbox().retryBackoff());
            }
        }
    }

    /** Publishes one batch; returns how many rows were published. */
    public int relayBatch() {
        return QuarkusTransaction.requiringNew().call(this::publishClaimedRows);
    }

    private int publishClaimedRows() {
        List<OutboxRow> rows = publishableRows(claimBatch());
        if (rows.isEmpty()) {
            return 0;
        }
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            acks.add(kafka.send(new ProducerRecord<>(row.topic(), null, row.partitionKey(),
                    row.envelope().getBytes(StandardCharsets.UTF_8), Headers.envelope(row.id(), row.eventType()))));
        }
        kafka.flush();
        for (Future<RecordMetadata> ack : acks) {
            awaitAck(ack);
        }
        entityManager.createNativeQuery("UPDATE outbox_event SET published_at = ?1 WHERE seq = ANY(?2)")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, rows.stream().map(OutboxRow::seq).toArray(Long[]::new))
                .executeUpdate();
        published.increment(rows.size());
        return rows.size();
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRow> claimBatch() {
        List<Object[]> result = entityManager.createNativeQuery("""
                SELECT seq, CAST(id AS TEXT), topic, partition_key, event_type, envelope
                FROM outbox_event WHERE published_at IS NULL
                ORDER BY seq LIMIT ?1 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, config.outbox().batchSize())
                .getResultList();
        return result.stream().map(OutboxRow::of).toList();
    }

    /**
     * Keeps one key's events in order across replicas: if another replica holds an older unpublished row
     * for a key, this batch leaves that key's rows for later.
     */
    @SuppressWarnings("unchecked")
    private List<OutboxRow> publishableRows(List<OutboxRow> claimed) {
        if (claimed.isEmpty()) {
            return claimed;
        }
        Map<String, Long> firstClaimed = new HashMap<>();
        for (OutboxRow row : claimed) {
            firstClaimed.putIfAbsent(row.partitionKey(), row.seq());
        }
        List<Object[]> oldest = entityManager.createNativeQuery("""
                SELECT partition_key, MIN(seq) FROM outbox_event
                WHERE published_at IS NULL AND partition_key = ANY(?1) GROUP BY partition_key""")
                .setParameter(1, firstClaimed.keySet().toArray(String[]::new))
                .getResultList();
        Map<String, Long> oldestUnpublished = new HashMap<>();
        for (Object[] row : oldest) {
            oldestUnpublished.put((String) row[0], ((Number) row[1]).longValue());
        }
        return claimed.stream()
                .filter(row -> oldestUnpublished.getOrDefault(row.partitionKey(), row.seq())
                        >= firstClaimed.get(row.partitionKey()))
                .toList();
    }

    private void cleanupIfDue() {
        Instant now = clock.instant();
        if (now.isBefore(nextCleanup)) {
            return;
        }
        nextCleanup = now.plus(CLEANUP_EVERY);
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("DELETE FROM outbox_event WHERE published_at < ?1")
                .setParameter(1, OffsetDateTime.ofInstant(now.minus(config.outbox().retention()), ZoneOffset.UTC))
                .executeUpdate());
    }

    private static void awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (Exception e) {
            throw new IllegalStateException("broker did not acknowledge: " + e.getMessage(), e);
        }
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafkaClients.producer(config.serviceName() + "-outbox-relay");
        }
        return producer;
    }

    private synchronized void closeProducer() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record OutboxRow(long seq, String id, String topic, String partitionKey, String eventType,
            String envelope) {
        static OutboxRow of(Object[] columns) {
            return new OutboxRow(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    (String) columns[3], (String) columns[4], (String) columns[5]);
        }
    }
}
