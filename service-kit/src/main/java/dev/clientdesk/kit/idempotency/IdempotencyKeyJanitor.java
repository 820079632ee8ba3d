package dev.clientdesk.kit.idempotency;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Keys are honoured for 24 hours, as Stripe does; older ones are forgotten. */
@ApplicationScoped
public class IdempotencyKeyJanitor {

    static final Duration KEPT_FOR = Duration.ofHours(24);

    private final EntityManager entityManager;
    private final Clock clock;

    public IdempotencyKeyJanitor(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    public void forgetExpiredKeys() {
        entityManager.createNativeQuery("DELETE FROM idempotency_key WHERE created_at < ?1")
                .setParameter(1, OffsetDateTime.now(clock.withZone(ZoneOffset.UTC)).minus(KEPT_FOR))
                .executeUpdate();
    }
}
