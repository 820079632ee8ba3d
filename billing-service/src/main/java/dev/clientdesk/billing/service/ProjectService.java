package dev.clientdesk.billing.service;

import dev.clientdesk.billing.api.BillingRequests.CreateProject;
import dev.clientdesk.billing.api.BillingRequests.MilestoneRequest;
import dev.clientdesk.billing.domain.BillingSettings;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.domain.Milestone;
import dev.clientdesk.billing.domain.PaymentSchedule.ScheduleException;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.ProjectStatus;
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

import java.math.BigDecimal;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** Contracts and the work billed under them: milestones and revisions. */
@ApplicationScoped
public class ProjectService {

    private final EntityManager em;
    private final SettingsService settings;
    private final InvoiceIssuer invoices;
    private final BillingOutbox outbox;
    private final KnownClients knownClients;
    private final SettlementService settlements;
    private final Clock clock;

    public ProjectService(EntityManager em, SettingsService settings, InvoiceIssuer invoices, BillingOutbox outbox,
            KnownClients knownClients, SettlementService settlements, Clock clock) {
        this.em = em;
        this.settings = settings;
        this.invoices = invoices;
        this.outbox = outbox;
        this.knownClients = knownClients;
        this.settlements = settlements;
        this.clock = clock;
    }

    public record Contracted(Project project, Invoice depositInvoice) {
    }

    public record RevisionOutcome(UUID id, Project project, int number, boolean billable, Invoice invoice) {
    }

    /** Contracts the project from the workspace defaults and the request, and issues the deposit invoice. */
    @Transactional
    public Contracted contract(String tenantId, CreateProject request) {
        knownClients.requireContractable(tenantId, request.clientId());
        BillingSettings defaults = settings.current(tenantId);
        BigDecimal deposit = request.depositPercent() == null ? defaults.defaultDepositPercent()
                : request.depositPercent();
        if (deposit.compareTo(defaults.minDepositPercent()) < 0 || deposit.compareTo(defaults.maxDepositPercent()) > 0) {
            throw ProblemException.invalidField("depositPercent", "must be between " + defaults.minDepositPercent()
                    + " and " + defaults.maxDepositPercent() + " percent (your billing settings)");
        }
        Money revisionFee = request.revisionFee() != null ? request.revisionFee() : defaultRevisionFee(defaults,
                request.totalFee().currency());
        if (!revisionFee.currency().equals(request.totalFee().currency())) {
            throw ProblemException.invalidField("revisionFee", "must be in the fee's currency "
                    + request.totalFee().currency());
        }
        Project.Terms terms = new Project.Terms(
                orDefault(request.paymentTermsDays(), defaults.paymentTermsDays()),
                orDefault(request.includedRevisions(), defaults.includedRevisions()),
                revisionFee,
                request.cancellationFeePercent() == null ? defaults.cancellationFeePercent()
                        : request.cancellationFeePercent(),
                orDefault(request.responseTimeHours(), defaults.responseTimeHours()),
                request.communication(), request.locale());
        List<Project.Stage> stages = request.milestones().stream()
                .map(MilestoneRequest::toStage).toList();
        Project project;
        try {
            project = Project.contract(tenantId, request.clientId(), request.title().trim(), request.scope(),
                    request.totalFee(), deposit, stages, terms, clock.instant());
        } catch (ScheduleException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        em.persist(project);
        Invoice depositInvoice = issueDeposit(project);
        outbox.publish(tenantId, project.clientId(), project.id(), new BillingEvents.ProjectContracted(project.id(),
                project.clientId(), project.title(), project.fee(), project.depositAmount(),
                project.milestones().size()));
        return new Contracted(project, depositInvoice);
    }

    /**
     * Issues a new deposit invoice once the last one was voided: 409 while a deposit invoice is live (draft,
     * sent or paid) or the project no longer awaits its deposit.
     */
    @Transactional
    public Invoice reissueDeposit(String tenantId, UUID projectId) {
        Project project = lock(tenantId, projectId);
        if (project.status() == ProjectStatus.ACTIVE || project.status() == ProjectStatus.COMPLETED) {
            throw ProblemException.conflict("deposit-paid", "the deposit for project " + project.title()
                    + " is paid; there is nothing to invoice again");
        }
        if (project.status() != ProjectStatus.AWAITING_DEPOSIT) {
            throw ProblemException.conflict("illegal-project-state", "cannot invoice the deposit while project "
                    + project.title() + " is " + project.status());
        }
        em.createQuery("FROM Invoice i WHERE i.tenantId = :tenant AND i.projectId = :project AND i.kind = :kind"
                        + " AND i.status <> :void", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("project", projectId)
                .setParameter("kind", Invoice.Kind.DEPOSIT).setParameter("void", InvoiceStatus.VOID)
                .getResultStream().findFirst().ifPresent(live -> {
                    throw ProblemException.conflict("deposit-invoice-exists", "deposit invoice " + live.number()
                            + " of project " + project.title() + " is " + live.status() + "; void it first");
                });
        return issueDeposit(project);
    }

    private Invoice issueDeposit(Project project) {
        return invoices.issue(project, Invoice.Kind.DEPOSIT, "Deposit for " + project.title(), project.depositAmount());
    }

    /**
     * Completing a stage issues its invoice; before the deposit is paid this is a 409 that says why. The last
     * committed stage of a project winding down also settles the project.
     */
    @Transactional
    public Invoice completeMilestone(String tenantId, UUID projectId, UUID milestoneId) {
        Project project = lock(tenantId, projectId);
        Milestone milestone = project.completableMilestone(milestoneId);
        boolean settles = project.finishesWindingDown(milestoneId);
        if (settles) {
            settlements.prepareWoundDown(project);
        }
        Invoice invoice = invoices.issue(project, Invoice.Kind.MILESTONE, project.title() + ": " + milestone.name(),
                milestone.amount());
        project.completeMilestone(milestoneId, invoice.id());
        if (settles) {
            settlements.settleWoundDown(project);
        }
        return invoice;
    }

    /** Counts the revision; one beyond the included ones is invoiced at the disclosed fee. */
    @Transactional
    public RevisionOutcome requestRevision(String tenantId, UUID projectId, String note) {
        Project project = lock(tenantId, projectId);
        int number = project.recordRevision();
        boolean billable = project.isBillableRevision(number);
        Invoice invoice = billable ? invoices.issue(project, Invoice.Kind.REVISION,
                project.title() + ": revision " + number, project.terms().revisionFee()) : null;
        UUID revisionId = UUID.randomUUID();
        em.createNativeQuery("""
                INSERT INTO revision (id, tenant_id, project_id, number, note, billable, invoice_id, created_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""")
                .setParameter(1, revisionId).setParameter(2, tenantId).setParameter(3, projectId)
                .setParameter(4, number).setParameter(5, note).setParameter(6, billable)
                .setParameter(7, invoice == null ? null : invoice.id())
                .setParameter(8, java.time.OffsetDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .executeUpdate();
        outbox.publish(tenantId, project.clientId(), project.id(), new BillingEvents.RevisionRequested(project.id(),
                project.clientId(), number, billable, billable ? project.terms().revisionFee() : null));
        return new RevisionOutcome(revisionId, project, number, billable, invoice);
    }

    public Project get(String tenantId, UUID id) {
        Project project = TenantOwned.require(em.find(Project.class, id), tenantId, "project", id);
        return project;
    }

    /** The project row locked for this transaction, so concurrent changes to it queue up. */
    Project lock(String tenantId, UUID id) {
        return TenantOwned.lockOwned(em, Project.class, tenantId, id, "project");
    }

    public UUID depositInvoiceId(Project project) {
        return depositInvoiceIds(List.of(project)).get(project.id());
    }

    /**
     * Project id → its deposit invoice, for a whole page in one query: the newest one, since a voided deposit
     * invoice is replaced by the next and only one is live at a time.
     */
    public Map<UUID, UUID> depositInvoiceIds(List<Project> projects) {
        if (projects.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT i.projectId, i.id FROM Invoice i WHERE i.projectId IN :projects"
                        + " AND i.kind = :kind ORDER BY i.issuedAt, LENGTH(i.number), i.number", Object[].class)
                .setParameter("projects", projects.stream().map(Project::id).toList())
                .setParameter("kind", Invoice.Kind.DEPOSIT)
                .getResultStream().collect(Collectors.toMap(row -> (UUID) row[0], row -> (UUID) row[1],
                        (older, newer) -> newer));
    }

    public Page<Project> list(String tenantId, UUID clientId, ProjectStatus status, PageRequest page) {
        return PagedQuery.of(em, Project.class).where("tenantId", tenantId).where("clientId", clientId)
                .where("status", status).orderBy("e.createdAt DESC, e.id").page(page);
    }

    /** The workspace default applies in its own currency; in another one the request must state the fee. */
    private static Money defaultRevisionFee(BillingSettings defaults, String currency) {
        Money fee = defaults.revisionFee();
        if (fee.currency().equals(currency)) {
            return fee;
        }
        if (fee.amount().signum() == 0) {
            return Money.zero(currency);
        }
        throw ProblemException.invalidField("revisionFee", "your default revision fee is in " + fee.currency()
                + "; state the fee in " + currency + " for this project");
    }

    private static int orDefault(Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
