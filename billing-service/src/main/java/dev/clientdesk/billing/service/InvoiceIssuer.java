package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.Money;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Numbers, stores and announces a new invoice; every kind of invoice is issued here. */
@ApplicationScoped
public class InvoiceIssuer {

    private final EntityManager em;
    private final InvoiceNumbers numbers;
    private final BillingOutbox outbox;
    private final SettingsService settings;
    private final Clock clock;

    public InvoiceIssuer(EntityManager em, InvoiceNumbers numbers, BillingOutbox outbox, SettingsService settings,
            Clock clock) {
        this.em = em;
        this.numbers = numbers;
        this.outbox = outbox;
        this.settings = settings;
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Invoice issue(Project project, Invoice.Kind kind, String description, Money amount) {
        Instant now = now();
        String number = numbers.next(project.tenantId(), now.atZone(settings.zone(project.tenantId())).getYear());
        Invoice invoice = Invoice.issue(project, number, kind, description, amount, now);
        em.persist(invoice);
        outbox.publish(project.tenantId(), project.clientId(), invoice.id(), new BillingEvents.InvoiceIssued(
                invoice.id(), project.id(), project.clientId(), number, kind.name(), amount));
        return invoice;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void send(Invoice invoice, int paymentTermsDays) {
        invoice.send(paymentTermsDays, now(), settings.zone(invoice.tenantId()));
        outbox.publish(invoice.tenantId(), invoice.clientId(), invoice.id(), new BillingEvents.InvoiceSent(
                invoice.id(), invoice.projectId(), invoice.clientId(), invoice.number(), invoice.amount(),
                invoice.dueDate()));
    }

    /** Voids the invoice without making anything billable again (as a settlement does). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voidInvoice(Invoice invoice, String reason) {
        voidInvoice(invoice, reason, null);
    }

    /**
     * Voids the invoice; with its project (locked by the caller), the deposit or stage it billed becomes
     * billable again.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void voidInvoice(Invoice invoice, String reason, Project reopening) {
        invoice.voidInvoice();
        Project.Reopened reopened = reopening == null ? Project.Reopened.NOTHING
                : reopening.invoiceVoided(invoice.id(), invoice.kind());
        outbox.publish(invoice.tenantId(), invoice.clientId(), invoice.id(), new BillingEvents.InvoiceVoided(
                invoice.id(), invoice.projectId(), invoice.clientId(), invoice.number(), reason,
                invoice.kind().name(), reopened.item(), reopened.milestoneId()));
    }

    /** As precise as the database keeps it, so an invoice reads back exactly as it was answered. */
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
