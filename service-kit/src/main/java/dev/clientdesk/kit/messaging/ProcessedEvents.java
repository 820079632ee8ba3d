package dev.clientdesk.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** The consumer's memory of what it already handled, written in the same transaction as the effect. */
@ApplicationScoped
public class ProcessedEvents {

    private final EntityManager entityManager;
    private final Clock clock;

    public ProcessedEvents(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
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
}
