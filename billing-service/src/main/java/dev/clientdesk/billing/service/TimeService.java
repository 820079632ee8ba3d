package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.MoneyTotal;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Time spent on a client's projects, and what the client is worth per hour. */
@ApplicationScoped
public class TimeService {

    public enum TimeKind { WORK, REVISION, COMMUNICATION, ADMIN }

    public record TimeEntry(UUID id, UUID projectId, UUID clientId, int minutes, TimeKind kind, LocalDate date,
            String note) {
    }

    /** Per currency: billed (not void), paid, refunded, outstanding, and the hourly rate the money kept buys you. */
    public record Economics(UUID clientId, BigDecimal hoursLogged, List<CurrencyTotals> totals) {
    }

    /** Sums, so totals: many invoices each below Money's bound may add up to more than it. */
    public record CurrencyTotals(MoneyTotal billed, MoneyTotal paid, MoneyTotal refunded, MoneyTotal outstanding,
            MoneyTotal effectiveHourlyRate) {
    }

    private final EntityManager em;
    private final ProjectService projects;
    private final BillingOutbox outbox;
    private final SettingsService settings;
    private final Clock clock;

    public TimeService(EntityManager em, ProjectService projects, BillingOutbox outbox, SettingsService settings,
            Clock clock) {
        this.em = em;
        this.projects = projects;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional
    public TimeEntry log(String tenantId, UUID projectId, int minutes, TimeKind kind, LocalDate date, String note) {
        Project project = projects.get(tenantId, projectId);
        project.requireOpenForWork("log time");
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.zone(tenantId));
        LocalDate day = date == null ? today : date;
        if (day.isAfter(today)) {
            throw ProblemException.invalidField("date", "must not be in the future");
        }
        TimeEntry entry = new TimeEntry(UUID.randomUUID(), projectId, project.clientId(), minutes, kind, day, note);
        em.createNativeQuery("""
                INSERT INTO time_entry (id, tenant_id, project_id, client_id, minutes, kind, work_date, note, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)""")
                .setParameter(1, entry.id()).setParameter(2, tenantId).setParameter(3, projectId)
                .setParameter(4, project.clientId()).setParameter(5, minutes).setParameter(6, kind.name())
                .setParameter(7, day).setParameter(8, note)
                .setParameter(9, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        outbox.publish(tenantId, project.clientId(), projectId, new BillingEvents.TimeLogged(entry.id(), projectId,
                project.clientId(), minutes, kind.name(), day));
        return entry;
    }

    public Economics economics(String tenantId, UUID clientId) {
        long minutes = ((Number) em.createNativeQuery(
                "SELECT COALESCE(SUM(minutes), 0) FROM time_entry WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT i.currency, SUM(i.amount), SUM(i.paid), COALESCE(MAX(r.refunded), 0) FROM invoice i
                LEFT JOIN (SELECT currency, SUM(amount) AS refunded FROM refund WHERE tenant_id = ?1 AND client_id = ?2
                           GROUP BY currency) r ON r.currency = i.currency
                WHERE i.tenant_id = ?1 AND i.client_id = ?2 AND i.status <> 'VOID'
                GROUP BY i.currency ORDER BY i.currency""")
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        if (rows.isEmpty() && minutes == 0) {
            throw ProblemException.notFound("client with billing history", clientId);
        }
        List<CurrencyTotals> totals = new ArrayList<>();
        for (Object[] row : rows) {
            String currency = ((String) row[0]).trim();
            MoneyTotal billed = new MoneyTotal((BigDecimal) row[1], currency);
            MoneyTotal paid = new MoneyTotal((BigDecimal) row[2], currency);
            MoneyTotal refunded = new MoneyTotal((BigDecimal) row[3], currency);
            MoneyTotal kept = paid.minus(refunded);
            MoneyTotal rate = kept.amount().signum() <= 0 ? null : kept.perHour(minutes);
            totals.add(new CurrencyTotals(billed, paid, refunded, billed.minus(paid), rate));
        }
        return new Economics(clientId, BigDecimal.valueOf(minutes).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP), totals);
    }
}
