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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Publishes outbox rows to Kafka. Each batch is claimed with {@code FOR UPDATE SKIP LOCKED}, so several
 * replicas share the work without publishing a row twice, and is marked published only after the broker
 * acknowledged every record. A failure that may pass (broker down, topic missing, access refused: see
 * {@link SendFailures}) leaves the rows in the outbox and the relay tries again after a growing pause. A row
 * the broker can never accept is set aside, and the later rows of its key wait behind it until an operator
 * retries it ({@link OutboxSetAside}): one client's events stay in order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(10);

    /*
     * The statements of every batch. Each costs what the batch size says, however long the backlog: the claim
     * walks the unpublished-seq index from its start and probes the small index of rows set aside, the second
     * descends the (partition_key, seq) index once per key (OutboxDrainPlanTest reads their plans).
     */

    /** ?1 batch size. Rows behind a row set aside of their key are not claimed: they wait for it. */
    static final String CLAIM = """
            SELECT o.seq, CAST(o.id AS TEXT), o.topic, o.partition_key, o.event_type, o.envelope
            FROM outbox_event o
            WHERE o.published_at IS NULL AND o.failed_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM outbox_event f WHERE f.failed_at IS NOT NULL
                  AND f.published_at IS NULL AND f.partition_key = o.partition_key AND f.seq < o.seq)
            ORDER BY o.seq LIMIT ?1 FOR UPDATE OF o SKIP LOCKED""";

    /** ?1 the keys of the batch, ?2 the seqs it claimed: per key, the oldest unpublished seq not claimed. */
    static final String OLDEST_UNCLAIMED = """
            SELECT k.key, (SELECT o.seq FROM outbox_event o
                WHERE o.published_at IS NULL AND o.partition_key = k.key AND o.seq <> ALL(?2)
                ORDER BY o.seq LIMIT 1)
            FROM unnest(CAST(?1 AS TEXT[])) AS k(key)""";

    /** ?1 when, ?2 the seqs the broker acknowledged. */
    static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = ?1 WHERE seq = ANY(?2)";

    private final EntityManager entityManager;
    private final KafkaClients kafkaClients;
    private final KitConfig config;
    private final Clock clock;
    private final Counter published;
    private final Counter failures;
    private final OutboxSetAside setAside;

    private volatile boolean running;
    private Thread worker;
    private KafkaProducer<String, byte[]> producer;
    private Instant nextCleanup = Instant.EPOCH;
    private int consecutiveFailures;

    public OutboxRelay(EntityManager entityManager, KafkaClients kafkaClients, KitConfig config, Clock clock,
            MeterRegistry registry, OutboxSetAside setAside) {
        this.entityManager = entityManager;
        this.kafkaClients = kafkaClients;
        this.config = config;
        this.clock = clock;
        this.published = registry.counter("clientdesk.outbox.published");
        this.failures = registry.counter("clientdesk.outbox.relay.failures");
        this.setAside = setAside;
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
                consecutiveFailures = 0;
                cleanupIfDue();
                setAside.refreshIfDue();
                if (relayed < config.outbox().batchSize()) {
                    sleep(config.outbox().pollInterval());
                }
            } catch (RuntimeException e) {
                if (!running) {
                    return;
                }
                failures.increment();
                Duration backoff = backoff(++consecutiveFailures, config.outbox().retryBackoff(),
                        config.outbox().retryBackoffMax());
                LOG.warnf("outbox relay failed, retrying in %s: %s", backoff, e.getMessage());
                // An idempotent producer that timed out may be stuck on a sequence gap: start afresh.
                closeProducer();
                sleep(backoff);
            }
        }
    }

    /** The pause after the n-th failure in a row: doubling from retry-backoff, at most retry-backoff-max. */
    static Duration backoff(int failuresInARow, Duration first, Duration max) {
        Duration pause = first;
        for (int i = 1; i < failuresInARow && pause.compareTo(max) < 0; i++) {
            pause = pause.multipliedBy(2);
        }
        return pause.compareTo(max) < 0 ? pause : max;
    }

    /** Publishes one batch; returns how many rows were relayed (published or set aside). */
    public int relayBatch() {
        BatchOutcome outcome = QuarkusTransaction.requiringNew().call(this::publishClaimedRows);
        if (outcome.setAside() > 0) {
            setAside.refresh(); // after the commit, so the gauges count them
        }
        if (outcome.brokerFailure() != null) {
            throw outcome.brokerFailure();
        }
        return outcome.relayed();
    }

    /** What a batch did; a broker failure is raised only after the rows acknowledged before it are marked. */
    private record BatchOutcome(int relayed, int setAside, RuntimeException brokerFailure) {
    }

    private BatchOutcome publishClaimedRows() {
        List<OutboxRow> claimed = claimBatch();
        List<OutboxRow> rows = sendable(publishable(claimed, oldestUnclaimed(claimed)),
                config.outbox().largeRecordBytes());
        if (rows.isEmpty()) {
            return new BatchOutcome(0, 0, null);
        }
        KafkaProducer<String, byte[]> kafka = producer();
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            Future<RecordMetadata> ack = kafka.send(new ProducerRecord<>(row.topic(), null, row.partitionKey(),
                    row.envelope().getBytes(StandardCharsets.UTF_8), Headers.envelope(row.id(), row.eventType())));
            acks.add(ack);
            if (ack.isDone() && failedRetriably(ack)) {
                break; // the broker is unreachable: do not wait max.block.ms for each remaining row
            }
        }
        kafka.flush();
        List<Long> sent = new ArrayList<>();
        int relayed = 0;
        RuntimeException brokerFailure = null;
        for (int i = 0; i < acks.size() && brokerFailure == null; i++) {
            try {
                String refusal = awaitAck(acks.get(i));
                if (refusal == null) {
                    sent.add(rows.get(i).seq());
                } else {
                    setAside(rows.get(i), refusal);
                }
                relayed++;
            } catch (IllegalStateException e) {
                brokerFailure = e;
            }
        }
        entityManager.createNativeQuery(MARK_PUBLISHED)
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, sent.toArray(Long[]::new))
                .executeUpdate();
        published.increment(sent.size());
        return new BatchOutcome(relayed, relayed - sent.size(), brokerFailure);
    }

    private static boolean failedRetriably(Future<RecordMetadata> ack) {
        try {
            ack.get();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (ExecutionException e) {
            return !SendFailures.refusedForGood(e);
        }
    }

    @SuppressWarnings("unchecked")
    private List<OutboxRow> claimBatch() {
        List<Object[]> result = entityManager.createNativeQuery(CLAIM)
                .setParameter(1, config.outbox().batchSize())
                .getResultList();
        return result.stream().map(OutboxRow::of).toList();
    }

    /**
     * Per key, the oldest unpublished row this batch did not claim: another replica holds it, it is set aside,
     * or it is newer. One descent of the (partition_key, seq) index per key, so the cost follows the batch,
     * not the backlog.
     */
    @SuppressWarnings("unchecked")
    private Map<String, Long> oldestUnclaimed(List<OutboxRow> claimed) {
        Map<String, Long> oldest = new HashMap<>();
        if (claimed.isEmpty()) {
            return oldest;
        }
        List<Object[]> rows = entityManager.createNativeQuery(OLDEST_UNCLAIMED)
                .setParameter(1, claimed.stream().map(OutboxRow::partitionKey).distinct().toArray(String[]::new))
                .setParameter(2, claimed.stream().map(OutboxRow::seq).toArray(Long[]::new))
                .getResultList();
        for (Object[] row : rows) {
            if (row[1] != null) {
                oldest.put((String) row[0], ((Number) row[1]).longValue());
            }
        }
        return oldest;
    }

    /**
     * Keeps one key's events in order across replicas: a claimed row is published only if no older row of its
     * key is outside this batch; the rest wait for a later batch.
     */
    static List<OutboxRow> publishable(List<OutboxRow> claimed, Map<String, Long> oldestUnclaimed) {
        return claimed.stream()
                .filter(row -> row.seq() < oldestUnclaimed.getOrDefault(row.partitionKey(), Long.MAX_VALUE))
                .toList();
    }

    /**
     * Cuts each key's run after a record larger than {@code largeRecordBytes}: such a record may be refused
     * (too large for its topic), and the rows behind it must not reach the broker before that is known. They
     * go in the next batch, or wait behind it if it is set aside.
     */
    static List<OutboxRow> sendable(List<OutboxRow> rows, int largeRecordBytes) {
        Set<String> waiting = new HashSet<>();
        List<OutboxRow> sendable = new ArrayList<>(rows.size());
        for (OutboxRow row : rows) {
            if (waiting.contains(row.partitionKey())) {
                continue;
            }
            sendable.add(row);
            // Chars bound the UTF-8 size from below, so only a row that may be large is measured in bytes.
            if (row.envelope().length() * 3 > largeRecordBytes
                    && row.envelope().getBytes(StandardCharsets.UTF_8).length > largeRecordBytes) {
                waiting.add(row.partitionKey());
            }
        }
        return sendable;
    }

    private void setAside(OutboxRow row, String refusal) {
        LOG.errorf("outbox event %s (%s) refused by the broker and set aside: %s", row.id(), row.eventType(),
                refusal);
        failures.increment();
        entityManager.createNativeQuery("UPDATE outbox_event SET failed_at = ?1, failure = ?2 WHERE seq = ?3")
                .setParameter(1, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(2, refusal).setParameter(3, row.seq())
                .executeUpdate();
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

    /**
     * @return null when the broker acknowledged, the reason when it refused the record for good
     * @throws IllegalStateException when the failure may pass (broker down, timeout): the batch is retried
     */
    private static String awaitAck(Future<RecordMetadata> ack) {
        try {
            ack.get(30, TimeUnit.SECONDS);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker", e);
        } catch (ExecutionException e) {
            if (!SendFailures.refusedForGood(e)) {
                throw new IllegalStateException("broker did not acknowledge: " + e.getCause(), e);
            }
            return SendFailures.describe(e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("broker did not acknowledge in time", e);
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

    record OutboxRow(long seq, String id, String topic, String partitionKey, String eventType,
            String envelope) {
        static OutboxRow of(Object[] columns) {
            return new OutboxRow(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    (String) columns[3], (String) columns[4], (String) columns[5]);
        }
    }
}
