package dev.clientdesk.kit.outbox;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The outbox rows the broker refused for good ({@link SendFailures}), each holding back the later rows of
 * its key: what an operator lists, and retries once the cause is fixed (a topic's size limit raised, say).
 * Gauges {@code clientdesk.outbox.set_aside} (rows) and {@code clientdesk.outbox.set_aside.keys} (keys whose
 * later rows wait) make them visible without a query.
 */
@ApplicationScoped
public class OutboxSetAside {

    /** One row set aside, and how many later rows of its key wait behind it. */
    public record SetAsideEvent(UUID eventId, String topic, String partitionKey, String eventType,
            Instant createdAt, Instant setAsideAt, String failure, long rowsWaiting) {
    }

    private final EntityManager entityManager;
    private final KitConfig config;
    private final Clock clock;
    private final AtomicLong rows = new AtomicLong();
    private final AtomicLong keys = new AtomicLong();
    private volatile Instant nextRefresh = Instant.EPOCH;

    public OutboxSetAside(EntityManager entityManager, KitConfig config, Clock clock, MeterRegistry registry) {
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
        registry.gauge("clientdesk.outbox.set_aside", rows);
        registry.gauge("clientdesk.outbox.set_aside.keys", keys);
    }

    @SuppressWarnings("unchecked")
    public Page<SetAsideEvent> list(PageRequest page) {
        List<Object[]> result = QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery("""
                SELECT CAST(f.id AS TEXT), f.topic, f.partition_key, f.event_type, f.created_at, f.failed_at,
                       f.failure, (SELECT count(*) FROM outbox_event b WHERE b.published_at IS NULL
                                   AND b.partition_key = f.partition_key AND b.seq > f.seq)
                FROM outbox_event f WHERE f.failed_at IS NOT NULL AND f.published_at IS NULL
                ORDER BY f.seq OFFSET ?1 LIMIT ?2""")
                .setParameter(1, page.offset()).setParameter(2, page.fetchSize())
                .getResultList());
        Long total = page.includeTotal ? counts()[0] : null;
        return Page.of(result.stream().map(OutboxSetAside::event).toList(), page, total);
    }

    /**
     * Puts a row set aside back in line: the relay sends it again, and the rows of its key behind it follow
     * once it is published. If the cause is still there it is set aside again.
     */
    public void retry(UUID eventId) {
        int updated = QuarkusTransaction.joiningExisting().call(() -> entityManager.createNativeQuery("""
                UPDATE outbox_event SET failed_at = NULL, failure = NULL
                WHERE id = ?1 AND failed_at IS NOT NULL AND published_at IS NULL""")
                .setParameter(1, eventId).executeUpdate());
        if (updated == 0) {
            throw ProblemException.notFound("set-aside outbox event", eventId);
        }
        refresh();
    }

    void refreshIfDue() {
        if (!clock.instant().isBefore(nextRefresh)) {
            refresh();
        }
    }

    void refresh() {
        nextRefresh = clock.instant().plus(config.outbox().setAsideRefresh());
        long[] counts = QuarkusTransaction.requiringNew().call(this::counts);
        rows.set(counts[0]);
        keys.set(counts[1]);
    }

    private long[] counts() {
        Object[] counts = (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), count(DISTINCT partition_key) FROM outbox_event
                WHERE failed_at IS NOT NULL AND published_at IS NULL""").getSingleResult();
        return new long[] {((Number) counts[0]).longValue(), ((Number) counts[1]).longValue()};
    }

    private static SetAsideEvent event(Object[] c) {
        return new SetAsideEvent(UUID.fromString((String) c[0]), (String) c[1], (String) c[2], (String) c[3],
                instant(c[4]), instant(c[5]), (String) c[6], ((Number) c[7]).longValue());
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
