package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The consumer's memory of what it already handled, written in the same transaction as the effect, and
 * forgotten after {@code clientdesk.consumer.processed-retention}, longer than a record can be redelivered.
 */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    public ProcessedEvents(EntityManager entityManager, Clock clock, KitConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = config.consumer().processedRetention();
    }

    /** @return true the first time this group sees the event id, false for a redelivery */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(String consumerGroup, String eventId, String eventType) {
        return entityManager.createNativeQuery("""
                INSERT INTO processed_event (consumer_group, event_id, event_type, processed_at)
                VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                .setParameter(1, consumerGroup)
                .setParameter(2, eventId)
                .setParameter(3, eventType)
                .setParameter(4, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)))
                .executeUpdate() == 1;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetOldEvents() {
        entityManager.createNativeQuery("DELETE FROM processed_event WHERE processed_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention))
                .executeUpdate();
    }
}
