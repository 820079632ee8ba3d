package dev.clientdesk.kit.idempotency;

import dev.clientdesk.kit.config.KitConfig;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Idempotency keys are honoured for the retention (24 hours) and then forgotten. */
@QuarkusTest
class IdempotencyKeyRetentionTest {

    @Inject
    EntityManager entityManager;
    @Inject
    IdempotencyKeyJanitor janitor;
    @Inject
    KitConfig config;

    @Test
    void keys_older_than_the_retention_are_deleted_and_younger_ones_kept() {
        Duration retention = config.idempotency().retention();
        assertThat(retention).isEqualTo(Duration.ofHours(24));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String old = insert(now.minus(retention).minusMinutes(5));
        String young = insert(now.minus(retention).plusMinutes(5));

        janitor.forgetExpiredKeys();

        assertThat(exists(old)).as("older than the retention").isFalse();
        assertThat(exists(young)).as("just inside the retention").isTrue();
    }

    private String insert(OffsetDateTime createdAt) {
        String key = UUID.randomUUID().toString();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                INSERT INTO idempotency_key (tenant_id, idem_key, request_hash, created_at)
                VALUES ('t-retention', ?1, 'hash', ?2)""")
                .setParameter(1, key).setParameter(2, createdAt).executeUpdate());
        return key;
    }

    private boolean exists(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "SELECT count(*) FROM idempotency_key WHERE tenant_id = 't-retention' AND idem_key = ?1")
                .setParameter(1, key).getSingleResult()).intValue() == 1);
    }
}
