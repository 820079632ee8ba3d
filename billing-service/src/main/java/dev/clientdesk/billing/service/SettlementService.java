package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Ending;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.domain.Milestone;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.ProjectStatus;
import dev.clientdesk.billing.domain.SettlementFigures;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Ends projects and settles them (docs/domain.md#ending-a-relationship: finish what was committed, refund per
 * contract, move on): offboarding a client ends every open project, cancelling a project ends that one. Stages
 * started before the end are still finished when asked to; the project winds down and is settled when the last of
 * them is completed. Settling voids the invoices nobody paid anything on, settles part-paid ones, and refunds what
 * was paid beyond {@link SettlementFigures earned} or bills the rest on a final invoice.
 */
@ApplicationScoped
public class SettlementService {

    /** Why invoices were voided and money refunded, in the events that say so. */
    private enum Occasion {
        OFFBOARDING("client offboarded", "on offboarding"),
        CANCELLATION("project cancelled", "on cancellation"),
        WOUND_DOWN("project cancelled, committed work finished", "once the committed work was finished");

        final String voidReason;
        final String refundReason;

        Occasion(String voidReason, String when) {
            this.voidReason = voidReason;
            this.refundReason = "prepaid money not earned, refunded per contract " + when;
        }
    }

    private static final List<ProjectStatus> OPEN = List.of(ProjectStatus.AWAITING_DEPOSIT, ProjectStatus.ACTIVE);

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

    public record Settlement(UUID projectId, Money earned, Money paid, Money refunded, Money cancellationFee,
            Invoice finalInvoice) {
    }

    /** A project ended: the stages it still finishes, or its settlement when it had none to finish. */
    public record Cancellation(Project project, List<Milestone> stagesToFinish, Settlement settlement) {
    }

    /**
     * Ends every open project of the client. Locks in the billing order (README): the projects, then the
     * invoices of those settled now; the invoice counter only afterwards, when a final invoice is issued.
     * Completing a stage meanwhile waits for its project and finds it ended. A project already winding down
     * keeps the ending it was given.
     * @return the settlements made now (projects winding down are settled later)
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Settlement> settleClient(String tenantId, UUID clientId, Ending ending) {
        List<Project> open = em.createQuery("FROM Project p WHERE p.tenantId = :tenant AND p.clientId = :client"
                        + " AND p.status IN :open ORDER BY p.createdAt, p.id", Project.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId).setParameter("open", OPEN)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        List<Project> settleNow = new ArrayList<>();
        for (Project project : open) {
            if (end(project, ending).isEmpty()) {
                settleNow.add(project);
            }
        }
        Map<UUID, List<Invoice>> invoices = lockInvoices(tenantId, settleNow);
        return settleNow.stream()
                .map(p -> settle(p, ending, invoices.getOrDefault(p.id(), List.of()), Occasion.OFFBOARDING))
                .toList();
    }

    /** Ends one project (409 unless it is open); the client's other projects go on. */
    @Transactional
    public Cancellation cancelProject(String tenantId, UUID projectId, Ending ending) {
        Project project = TenantOwned.lockOwned(em, Project.class, tenantId, projectId, "project");
        List<Milestone> toFinish = end(project, ending);
        if (!toFinish.isEmpty()) {
            return new Cancellation(project, toFinish, null);
        }
        List<Invoice> invoices = lockInvoices(tenantId, List.of(project)).getOrDefault(projectId, List.of());
        return new Cancellation(project, List.of(),
                settle(project, ending, invoices, Occasion.CANCELLATION));
    }

    /**
     * Before the last committed stage of a project winding down is invoiced: its invoices are locked now,
     * after the project and before the invoice counter (the billing lock order).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void prepareWoundDown(Project project) {
        lockInvoices(project.tenantId(), List.of(project));
    }

    /** The last committed stage was invoiced: the project is settled and cancelled. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Settlement settleWoundDown(Project project) {
        em.flush();
        List<Invoice> invoices = lockInvoices(project.tenantId(), List.of(project))
                .getOrDefault(project.id(), List.of());
        return settle(project, project.ending(), invoices, Occasion.WOUND_DOWN);
    }

    private List<Milestone> end(Project project, Ending ending) {
        List<Milestone> toFinish = project.end(ending);
        outbox.publish(project.tenantId(), project.clientId(), project.id(), new BillingEvents.ProjectCancelled(
                project.id(), project.clientId(), ending.endedBy().name(), ending.finishCommittedWork(),
                ending.reason(), toFinish.stream().map(m -> new BillingEvents.ProjectCancelled.StageToFinish(m.id(),
                        m.name(), m.amount())).toList()));
        return toFinish;
    }

    private Map<UUID, List<Invoice>> lockInvoices(String tenantId, List<Project> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("FROM Invoice i WHERE i.tenantId = :tenant AND i.projectId IN :projects"
                        + " ORDER BY i.id", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("projects", projects.stream().map(Project::id).toList())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .collect(Collectors.groupingBy(Invoice::projectId));
    }

    private Settlement settle(Project project, Ending ending, List<Invoice> invoices, Occasion occasion) {
        SettlementFigures figures = SettlementFigures.of(project, ending, invoices);
        Set<UUID> billedApart = project.invoicesOfFinishedCommitments();
        for (Invoice invoice : invoices) {
            if (billedApart.contains(invoice.id())) {
                continue;
            }
            boolean nothingPaid = invoice.paid().amount().signum() == 0;
            if (nothingPaid && (invoice.status() == InvoiceStatus.DRAFT || invoice.status() == InvoiceStatus.SENT)) {
                issuer.voidInvoice(invoice, occasion.voidReason);
            } else if (invoice.status() == InvoiceStatus.PARTIALLY_PAID) {
                invoice.settle();
            }
        }
        project.cancel();

        Money refunded = figures.refund();
        Invoice finalInvoice = null;
        if (refunded.amount().signum() > 0) {
            refund(project, refunded, occasion.refundReason);
        } else if (figures.shortfall().amount().signum() > 0) {
            finalInvoice = issuer.issue(project, Invoice.Kind.FINAL, project.title()
                    + (figures.cancellationFee().amount().signum() > 0
                            ? ": completed work, extras and cancellation fee per contract"
                            : ": completed work and extras per contract"), figures.shortfall());
            issuer.send(finalInvoice, project.paymentTermsDays());
        }
        outbox.publish(project.tenantId(), project.clientId(), project.id(), new BillingEvents.ProjectSettled(
                project.id(), project.clientId(), figures.earned(), figures.paid(), refunded,
                figures.cancellationFee(), finalInvoice == null ? null : finalInvoice.id()));
        return new Settlement(project.id(), figures.earned(), figures.paid(), refunded, figures.cancellationFee(),
                finalInvoice);
    }

    private void refund(Project project, Money amount, String reason) {
        UUID refundId = UUID.randomUUID();
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
