package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.money.MoneyTotal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The local record of what other services reported about each client, updated one event at a time. */
@ApplicationScoped
public class HealthProjection {

    /** What the projection knows of one client, and the workspace's logged time to compare it with. */
    public record Counters(MoneyTotal paidIn, long minutesLogged, long workspaceMinutesLogged, int latePayments,
            int silentEpisodes, int nudges) {
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

    /**
     * Counts a follow-up the client needed, once per conversation and attempt: the silence followup-service
     * reported (NoReplyForSevenDays) and the follow-up you then sent (FollowUpSent) are the same nudge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void nudged(String tenantId, UUID clientId, UUID conversationId, int attempt) {
        int recorded = em.createNativeQuery("""
                INSERT INTO client_nudge (tenant_id, client_id, conversation_id, attempt, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, conversationId)
                .setParameter(4, attempt).setParameter(5, now())
                .executeUpdate();
        if (recorded == 1) {
            add(tenantId, clientId, "nudges", 1);
        }
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
        if (column.equals("minutes_logged")) {
            em.createNativeQuery("""
                    INSERT INTO workspace_time (tenant_id, minutes_logged, updated_at) VALUES (?1, ?2, ?3)
                    ON CONFLICT (tenant_id) DO UPDATE SET minutes_logged = workspace_time.minutes_logged
                        + EXCLUDED.minutes_logged, updated_at = EXCLUDED.updated_at""")
                    .setParameter(1, tenantId).setParameter(2, amount).setParameter(3, now())
                    .executeUpdate();
        }
    }

    /**
     * One statement for everything a health assessment reads from the projection.
     * @param targetCurrency the currency payments are counted in (the target rate's), others are ignored; when
     *        null, the currency the client has paid most in; {@code paidIn} is null when neither is known
     */
    public Counters counters(String tenantId, UUID clientId, String targetCurrency) {
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH h AS (SELECT * FROM client_health WHERE tenant_id = ?1 AND client_id = ?2),
                     c AS (SELECT COALESCE(NULLIF(?3, ''), (SELECT key FROM h, jsonb_each_text(h.paid)
                                 ORDER BY value::numeric DESC, key LIMIT 1)) AS currency)
                SELECT c.currency, h.paid ->> c.currency, COALESCE(h.minutes_logged, 0),
                    COALESCE((SELECT minutes_logged FROM workspace_time WHERE tenant_id = ?1), 0),
                    COALESCE(h.late_payments, 0), COALESCE(h.silent_episodes, 0), COALESCE(h.nudges, 0)
                FROM c LEFT JOIN h ON true""")
                .setParameter(1, tenantId).setParameter(2, clientId)
                .setParameter(3, targetCurrency == null ? "" : targetCurrency)
                .getSingleResult();
        String currency = (String) row[0];
        MoneyTotal paid = currency == null ? null
                : new MoneyTotal(row[1] == null ? BigDecimal.ZERO : new BigDecimal((String) row[1]), currency);
        return new Counters(paid, ((Number) row[2]).longValue(), ((Number) row[3]).longValue(),
                ((Number) row[4]).intValue(), ((Number) row[5]).intValue(), ((Number) row[6]).intValue());
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
