package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** The invoice life cycle after issuing: sending, payments, voiding, and noticing what is overdue. */
@ApplicationScoped
public class InvoiceService {

    private final EntityManager em;
    private final ProjectService projects;
    private final InvoiceIssuer issuer;
    private final BillingOutbox outbox;
    private final Clock clock;

    public InvoiceService(EntityManager em, ProjectService projects, InvoiceIssuer issuer, BillingOutbox outbox,
            Clock clock) {
        this.em = em;
        this.projects = projects;
        this.issuer = issuer;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Payment(UUID id, Invoice invoice, Money amount, Instant receivedAt) {
    }

    @Transactional
    public Invoice send(String tenantId, UUID invoiceId) {
        Invoice invoice = lock(tenantId, invoiceId);
        issuer.send(invoice, projects.get(tenantId, invoice.projectId()).paymentTermsDays());
        return invoice;
    }

    /** Voids an unpaid invoice; the deposit or stage it billed becomes billable again. */
    @Transactional
    public Invoice voidInvoice(String tenantId, UUID invoiceId, String reason) {
        Invoice invoice = lockWithProject(tenantId, invoiceId);
        issuer.voidInvoice(invoice, reason == null || reason.isBlank() ? "voided" : reason,
                projects.get(tenantId, invoice.projectId()));
        return invoice;
    }

    /**
     * Records a payment. The invoice row is locked for the transaction, so concurrent payments are applied
     * one after another and can never collect more than the invoice asks for.
     */
    @Transactional
    public Payment pay(String tenantId, UUID invoiceId, Money amount, Instant receivedAt, String reference) {
        Invoice invoice = lockWithProject(tenantId, invoiceId);
        // As precise as the database keeps it, so the payment reads back as it was answered.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant received = receivedAt == null ? now : receivedAt;
        if (received.isAfter(now)) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        boolean settled = invoice.pay(amount);
        UUID paymentId = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO payment (id, tenant_id, invoice_id, amount, currency, received_at, reference, recorded_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, paymentId).setParameter(2, tenantId).setParameter(3, invoiceId)
                .setParameter(4, amount.amount()).setParameter(5, amount.currency())
                .setParameter(6, OffsetDateTime.ofInstant(received, ZoneOffset.UTC)).setParameter(7, reference)
                .setParameter(8, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                .executeUpdate();
        outbox.publish(tenantId, invoice.clientId(), invoice.id(), new BillingEvents.PaymentReceived(paymentId,
                invoice.id(), invoice.projectId(), invoice.clientId(), amount, received));
        if (settled) {
            outbox.publish(tenantId, invoice.clientId(), invoice.id(), new BillingEvents.InvoicePaid(invoice.id(),
                    invoice.projectId(), invoice.clientId(), invoice.number(), invoice.amount()));
            if (invoice.kind() == Invoice.Kind.DEPOSIT) {
                Project project = projects.get(tenantId, invoice.projectId());
                if (project.depositPaid()) {
                    outbox.publish(tenantId, invoice.clientId(), project.id(), new BillingEvents.DepositPaid(
                            project.id(), invoice.id(), invoice.clientId(), invoice.amount()));
                }
            }
        }
        return new Payment(paymentId, invoice, amount, received);
    }

    /**
     * Marks open invoices past their due date (after the workspace's midnight) and announces each once. Rows are claimed with SKIP LOCKED so
     * several replicas can run the check at once.
     * @return how many invoices became overdue
     */
    @Transactional
    public int markOverdue(int limit) {
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM invoice WHERE status IN ('SENT', 'PARTIALLY_PAID') AND overdue_notified_at IS NULL
                AND overdue_from < ?1 ORDER BY overdue_from LIMIT ?2 FOR UPDATE SKIP LOCKED""")
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, limit).getResultList();
        for (UUID id : due) {
            Invoice invoice = em.find(Invoice.class, id);
            if (invoice.isOverdue(now) && invoice.markOverdue(now)) {
                outbox.publish(invoice.tenantId(), invoice.clientId(), invoice.id(), new BillingEvents.InvoiceOverdue(
                        invoice.id(), invoice.clientId(), invoice.number(), invoice.outstanding(), invoice.dueDate()));
            }
        }
        return due.size();
    }

    public Invoice get(String tenantId, UUID id) {
        Invoice invoice = TenantOwned.require(em.find(Invoice.class, id), tenantId, "invoice", id);
        return invoice;
    }

    /** The invoice's project row, then the invoice row: the billing lock order (README). */
    private Invoice lockWithProject(String tenantId, UUID id) {
        UUID projectId = em.createQuery("SELECT i.projectId FROM Invoice i WHERE i.id = :id AND i.tenantId = :tenant",
                        UUID.class).setParameter("id", id).setParameter("tenant", tenantId)
                .getResultStream().findFirst().orElseThrow(() -> ProblemException.notFound("invoice", id));
        projects.lock(tenantId, projectId);
        return lock(tenantId, id);
    }

    private Invoice lock(String tenantId, UUID id) {
        return TenantOwned.lockOwned(em, Invoice.class, tenantId, id, "invoice");
    }

    public Page<Invoice> list(String tenantId, UUID clientId, InvoiceStatus status, boolean overdueOnly,
            PageRequest page) {
        return PagedQuery.of(em, Invoice.class).where("tenantId", tenantId).where("clientId", clientId)
                .where("status", status)
                .whereIn("status", overdueOnly ? List.of(InvoiceStatus.SENT, InvoiceStatus.PARTIALLY_PAID) : null)
                .whereBefore("overdueFrom", overdueOnly ? clock.instant() : null)
                .orderBy("e.issuedAt DESC, e.id").page(page);
    }
}
