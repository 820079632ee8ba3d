package dev.clientdesk.billing.service;

import dev.clientdesk.billing.api.BillingRequests.CreateProject;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.PaymentSchedule.ScheduleException;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** Contracts, invoices and their events. */
@ApplicationScoped
public class BillingService {

    static final BigDecimal DEFAULT_DEPOSIT_PERCENT = BigDecimal.valueOf(20);
    static final BigDecimal MIN_DEPOSIT_PERCENT = BigDecimal.valueOf(10);
    static final BigDecimal MAX_DEPOSIT_PERCENT = BigDecimal.valueOf(50);
    static final int DEFAULT_PAYMENT_TERMS_DAYS = 14;

    private final EntityManager em;
    private final InvoiceNumbers numbers;
    private final OutboxWriter outbox;
    private final Clock clock;

    public BillingService(EntityManager em, InvoiceNumbers numbers, OutboxWriter outbox, Clock clock) {
        this.em = em;
        this.numbers = numbers;
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Contracted(Project project, Invoice depositInvoice) {
    }

    /** Contracts the project and issues its deposit invoice as a draft. */
    @Transactional
    public Contracted contract(String tenantId, CreateProject request) {
        BigDecimal deposit = request.depositPercent() == null ? DEFAULT_DEPOSIT_PERCENT : request.depositPercent();
        if (deposit.compareTo(MIN_DEPOSIT_PERCENT) < 0 || deposit.compareTo(MAX_DEPOSIT_PERCENT) > 0) {
            throw ProblemException.invalidField("depositPercent",
                    "must be between " + MIN_DEPOSIT_PERCENT + " and " + MAX_DEPOSIT_PERCENT + " percent");
        }
        int terms = request.paymentTermsDays() == null ? DEFAULT_PAYMENT_TERMS_DAYS : request.paymentTermsDays();
        List<Project.Stage> stages = request.milestones().stream()
                .map(m -> new Project.Stage(m.name().trim(), m.percent(), m.dueDate())).toList();
        Instant now = clock.instant();
        Project project;
        try {
            project = Project.contract(tenantId, request.clientId(), request.title().trim(), request.scope(),
                    request.totalFee(), deposit, stages, terms, now);
        } catch (ScheduleException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        em.persist(project);
        Invoice invoice = issue(project, Invoice.Kind.DEPOSIT, "Deposit for " + project.title(),
                project.depositAmount(), now);
        publish(project.clientId(), project.id(), tenantId, new BillingEvents.ProjectContracted(project.id(),
                project.clientId(), project.title(), project.fee(), project.depositAmount(),
                project.milestones().size()));
        return new Contracted(project, invoice);
    }

    @Transactional
    public Invoice send(String tenantId, UUID invoiceId) {
        Invoice invoice = invoice(tenantId, invoiceId);
        Project project = project(tenantId, invoice.projectId());
        invoice.send(project.paymentTermsDays(), clock.instant());
        publish(invoice.clientId(), invoice.id(), tenantId, new BillingEvents.InvoiceSent(invoice.id(),
                invoice.projectId(), invoice.clientId(), invoice.number(), invoice.amount(), invoice.dueDate()));
        return invoice;
    }

    public Project project(String tenantId, UUID id) {
        Project project = em.find(Project.class, id);
        if (project == null || !project.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("project", id);
        }
        return project;
    }

    public Invoice invoice(String tenantId, UUID id) {
        Invoice invoice = em.find(Invoice.class, id);
        if (invoice == null || !invoice.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("invoice", id);
        }
        return invoice;
    }

    public UUID depositInvoiceId(Project project) {
        return em.createQuery("SELECT i.id FROM Invoice i WHERE i.projectId = :project AND i.kind = :kind", UUID.class)
                .setParameter("project", project.id()).setParameter("kind", Invoice.Kind.DEPOSIT)
                .getResultStream().findFirst().orElse(null);
    }

    private Invoice issue(Project project, Invoice.Kind kind, String description,
            dev.clientdesk.kit.money.Money amount, Instant now) {
        String number = numbers.next(project.tenantId(), now.atZone(ZoneOffset.UTC).getYear());
        Invoice invoice = Invoice.issue(project, number, kind, description, amount, now);
        em.persist(invoice);
        publish(project.clientId(), invoice.id(), project.tenantId(), new BillingEvents.InvoiceIssued(invoice.id(),
                project.id(), project.clientId(), number, kind.name(), amount));
        return invoice;
    }

    private void publish(UUID clientId, UUID subject, String tenantId, Object event) {
        outbox.append(BillingEvents.TOPIC, clientId.toString(), subject.toString(), tenantId, event);
    }
}
