package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.ProjectStatus;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.Money;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Settles a client's open projects when the relationship ends (seed 003: fulfil what is committed, refund per
 * contract, move on). Per project, what was earned is the completed stages, the extras already billed
 * (revisions beyond the included ones, earlier final invoices) and the cancellation fee on the unfinished
 * rest. Invoices nobody paid anything on are voided, part-paid ones are settled; then if the client paid more
 * than was earned the difference is refunded, if less a final invoice asks for it.
 */
@ApplicationScoped
public class SettlementService {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<Invoice.Kind> EXTRAS = Set.of(Invoice.Kind.REVISION, Invoice.Kind.FINAL);

    private final EntityManager em;
    private final InvoiceIssuer issuer;
    private final BillingOutbox outbox;
    private final Clock clock;

    public SettlementService(EntityManager em, InvoiceIssuer issuer, BillingOutbox outbox, Clock clock) {
        this.em = em;
        this.issuer = issuer;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Settlement(UUID projectId, Money earned, Money paid, Money refunded, Invoice finalInvoice) {
    }

    /**
     * Locks in the billing order (README): every open project of the client, then all their invoices; the
     * invoice counter only afterwards, when a final invoice is issued. Completing a stage meanwhile waits for
     * its project and finds it cancelled.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Settlement> settleClient(String tenantId, UUID clientId) {
        List<Project> open = em.createQuery("FROM Project p WHERE p.tenantId = :tenant AND p.clientId = :client"
                        + " AND p.status IN :open ORDER BY p.createdAt, p.id", Project.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId)
                .setParameter("open", List.of(ProjectStatus.AWAITING_DEPOSIT, ProjectStatus.ACTIVE))
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (open.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Invoice>> invoices = em.createQuery("FROM Invoice i WHERE i.tenantId = :tenant"
                        + " AND i.projectId IN :projects ORDER BY i.id", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("projects", open.stream().map(Project::id).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.groupingBy(Invoice::projectId));
        return open.stream().map(p -> settle(p, invoices.getOrDefault(p.id(), List.of())))
                .flatMap(java.util.Optional::stream).toList();
    }

    private java.util.Optional<Settlement> settle(Project project, List<Invoice> invoices) {
        if (project.status() != ProjectStatus.AWAITING_DEPOSIT && project.status() != ProjectStatus.ACTIVE) {
            return java.util.Optional.empty();
        }
        Money zero = Money.zero(project.currency());
        Money extras = invoices.stream().filter(i -> EXTRAS.contains(i.kind()) && i.status() != InvoiceStatus.VOID)
                .map(Invoice::amount).reduce(zero, Money::plus);
        Money completed = project.completedWork();
        BigDecimal cancellationFee = project.fee().minus(completed).amount()
                .multiply(project.cancellationFeePercent())
                .divide(HUNDRED, Money.fractionDigits(project.currency()), RoundingMode.HALF_UP);
        Money earned = completed.plus(extras).plus(new Money(cancellationFee, project.currency()));

        for (Invoice invoice : invoices) {
            boolean nothingPaid = invoice.paid().amount().signum() == 0;
            if (nothingPaid && (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.SENT)) {
                issuer.voidInvoice(invoice, "client offboarded");
            } else if (invoice.status() == InvoiceStatus.PARTIALLY_PAID) {
                invoice.settle();
            }
        }
        Money paid = invoices.stream().map(Invoice::paid).reduce(zero, Money::plus);
        project.cancel();

        Money refunded = zero;
        Invoice finalInvoice = null;
        if (paid.compareTo(earned) > 0) {
            refunded = paid.minus(earned);
            refund(project, refunded);
        } else if (earned.compareTo(paid) > 0) {
            finalInvoice = issuer.issue(project, Invoice.Kind.FINAL, project.title()
                    + ": completed work, extras and cancellation fee per contract", earned.minus(paid));
            issuer.send(finalInvoice, project.paymentTermsDays());
        }
        return java.util.Optional.of(new Settlement(project.id(), earned, paid, refunded, finalInvoice));
    }

    private void refund(Project project, Money amount) {
        UUID refundId = UUID.randomUUID();
        String reason = "prepaid money not earned, refunded per contract on offboarding";
        em.createNativeQuery("""
                INSERT INTO refund (id, tenant_id, project_id, client_id, amount, currency, reason, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, refundId).setParameter(2, project.tenantId()).setParameter(3, project.id())
                .setParameter(4, project.clientId()).setParameter(5, amount.amount())
                .setParameter(6, amount.currency()).setParameter(7, reason)
                .setParameter(8, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .executeUpdate();
        outbox.publish(project.tenantId(), project.clientId(), project.id(), new BillingEvents.RefundIssued(refundId,
                project.id(), project.clientId(), amount, reason));
    }
}
