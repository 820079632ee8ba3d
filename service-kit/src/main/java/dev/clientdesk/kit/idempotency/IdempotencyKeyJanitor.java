package dev.clientdesk.kit.idempotency;

import dev.clientdesk.kit.config.KitConfig;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keys are honoured for {@code clientdesk.idempotency.retention} (24 hours, as Stripe does), then forgotten. */
@ApplicationScoped
public class IdempotencyKeyJanitor {

    private final EntityManager entityManager;
    private final Clock clock;
    private final Duration retention;

    public IdempotencyKeyJanitor(EntityManager entityManager, Clock clock, KitConfig config) {
        this.entityManager = entityManager;
        this.clock = clock;
        this.retention = config.idempotency().retention();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetExpiredKeys() {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(retention))
                .executeUpdate();
    }
}
