package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The local record of what other services reported about each client, updated one event at a time. */
@ApplicationScoped
public class HealthProjection {

    public record Counters(Money paidIn, long minutesLogged, int latePayments, int silentEpisodes, int nudges) {
    }

    private final EntityManager em;
    private final Clock clock;

    public HealthProjection(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void paymentReceived(String tenantId, UUID clientId, Money amount) {
        ensureRow(tenantId, clientId);
        em.createNativeQuery("""
                UPDATE client_health SET paid = jsonb_set(paid, ARRAY[?3],
                    to_jsonb((COALESCE((paid ->> ?3)::numeric, 0) + CAST(?4 AS numeric))::text)), updated_at = ?5
                WHERE tenant_id = ?1 AND client_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, amount.currency())
                .setParameter(4, amount.amount().toPlainString()).setParameter(5, now())
                .executeUpdate();
    }

    /** Money given back no longer counts as paid. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void refundIssued(String tenantId, UUID clientId, Money amount) {
        paymentReceived(tenantId, clientId, new Money(amount.amount().negate(), amount.currency()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void add(String tenantId, UUID clientId, String column, long amount) {
        if (!List.of("minutes_logged", "late_payments", "silent_episodes", "nudges").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        ensureRow(tenantId, clientId);
        em.createNativeQuery("UPDATE client_health SET " + column + " = " + column + " + ?3, updated_at = ?4"
                        + " WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, amount).setParameter(4, now())
                .executeUpdate();
    }

    /**
     * @param currency the currency payments are counted in (the target rate's), others are ignored; null when
     *                 nothing is known to count in, and then {@code paidIn} is null
     */
    public Counters counters(String tenantId, UUID clientId, String currency) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT paid ->> ?3, minutes_logged, late_payments, silent_episodes, nudges FROM client_health
                WHERE tenant_id = ?1 AND client_id = ?2""")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, currency == null ? "" : currency)
                .getResultList();
        Money nothing = currency == null ? null : Money.zero(currency);
        if (rows.isEmpty()) {
            return new Counters(nothing, 0, 0, 0, 0);
        }
        Object[] row = rows.get(0);
        Money paid = row[0] == null ? nothing : new Money(new BigDecimal((String) row[0]), currency);
        return new Counters(paid, ((Number) row[1]).longValue(), ((Number) row[2]).intValue(),
                ((Number) row[3]).intValue(), ((Number) row[4]).intValue());
    }

    /** The currency a client has paid most in, when the workspace set no target rate. */
    public Optional<String> mainCurrency(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<String> currencies = em.createNativeQuery("""
                SELECT key FROM client_health, jsonb_each_text(paid)
                WHERE tenant_id = ?1 AND client_id = ?2 ORDER BY value::numeric DESC LIMIT 1""")
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        return currencies.stream().findFirst();
    }

    public long workspaceMinutes(String tenantId) {
        return ((Number) em.createNativeQuery(
                "SELECT COALESCE(SUM(minutes_logged), 0) FROM client_health WHERE tenant_id = ?1")
                .setParameter(1, tenantId).getSingleResult()).longValue();
    }

    private void ensureRow(String tenantId, UUID clientId) {
        em.createNativeQuery("""
                INSERT INTO client_health (tenant_id, client_id, paid, minutes_logged, late_payments,
                    silent_episodes, nudges, updated_at)
                VALUES (?1, ?2, '{}'::jsonb, 0, 0, 0, 0, ?3) ON CONFLICT DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, now())
                .executeUpdate();
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock.withZone(ZoneOffset.UTC));
    }
}
