package dev.clientdesk.billing.domain;

import dev.clientdesk.billing.domain.PaymentSchedule.ScheduleException;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** A contract with a client: the fee, the deposit and the stages it is paid in. */
@Entity
public class Project implements TenantOwned {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    @Id
    private UUID id;
    private String tenantId;
    private UUID clientId;
    private String title;
    private String scope;
    private BigDecimal feeAmount;
    private String currency;
    private BigDecimal depositPercent;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Milestone> milestones;
    private int paymentTermsDays;
    private int includedRevisions;
    private int revisionsUsed;
    private BigDecimal revisionFeeAmount;
    private BigDecimal cancellationFeePercent;
    private int responseTimeHours;
    private String communication;
    private String locale;
    @Enumerated(EnumType.STRING)
    private ProjectStatus status;
    private Instant createdAt;
    @Enumerated(EnumType.STRING)
    private Ending.EndedBy endedBy;
    private Boolean finishCommittedWork;
    private String endReason;
    /** The stages started before the project ended, finished while it winds down; billed by their own invoices. */
    @JdbcTypeCode(SqlTypes.JSON)
    private List<UUID> stagesToFinish;
    @Version
    private long version;

    protected Project() {
    }

    public record Stage(String name, BigDecimal percent, LocalDate dueDate) {
    }

    /**
     * Everything the contract states besides the fee and its schedule: every fee and condition is disclosed up
     * front (docs/domain.md#contracts).
     */
    public record Terms(int paymentTermsDays, int includedRevisions, Money revisionFee,
            BigDecimal cancellationFeePercent, int responseTimeHours, String communication, String locale) {
    }

    /**
     * Contracts a project; the deposit comes first in the schedule, so {@link #depositAmount()} and the
     * stages always add up to the fee.
     */
    public static Project contract(String tenantId, UUID clientId, String title, String scope, Money fee,
            BigDecimal depositPercent, List<Stage> stages, Terms terms, Instant now) {
        List<BigDecimal> percents = new ArrayList<>();
        percents.add(depositPercent);
        stages.forEach(stage -> percents.add(stage.percent()));
        List<Money> amounts = PaymentSchedule.allocate(fee, percents);

        Project project = new Project();
        project.id = UUID.randomUUID();
        project.tenantId = tenantId;
        project.clientId = clientId;
        project.title = title;
        project.scope = scope;
        project.feeAmount = fee.amount();
        project.currency = fee.currency();
        project.depositPercent = depositPercent;
        project.milestones = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            project.milestones.add(new Milestone(UUID.randomUUID(), stage.name(), stage.percent(), amounts.get(i + 1),
                    stage.dueDate(), Milestone.MilestoneStatus.PENDING, null));
        }
        fee.requireSameCurrency(terms.revisionFee());
        project.paymentTermsDays = terms.paymentTermsDays();
        project.includedRevisions = terms.includedRevisions();
        project.revisionFeeAmount = terms.revisionFee().amount();
        project.cancellationFeePercent = terms.cancellationFeePercent();
        project.responseTimeHours = terms.responseTimeHours();
        project.communication = terms.communication();
        project.locale = terms.locale();
        project.status = ProjectStatus.AWAITING_DEPOSIT;
        project.createdAt = now;
        return project;
    }

    /** The deposit invoice was paid: work can start and milestones can be billed. */
    public boolean depositPaid() {
        if (status != ProjectStatus.AWAITING_DEPOSIT) {
            return false;
        }
        status = ProjectStatus.ACTIVE;
        return true;
    }

    /**
     * The stage that may be completed now; refused while the deposit is unpaid, on a closed project, or
     * when the stage was already completed.
     */
    public Milestone completableMilestone(UUID milestoneId) {
        requireDepositPaid();
        if (status != ProjectStatus.WINDING_DOWN) {
            requireStatus(ProjectStatus.ACTIVE, "complete a milestone");
        }
        Milestone milestone = milestone(milestoneId);
        if (milestone.status() == Milestone.MilestoneStatus.INVOICED) {
            throw ProblemException.conflict("milestone-already-completed",
                    "milestone " + milestone.name() + " is already completed and invoiced");
        }
        if (status == ProjectStatus.WINDING_DOWN && !stagesToFinish.contains(milestoneId)) {
            throw ProblemException.conflict("milestone-not-committed", "project " + title + " has ended; only the"
                    + " stages started before it ended are finished, and " + milestone.name() + " was not started");
        }
        return milestone;
    }

    /** Starting a stage commits to it: if the project ends, a started stage may still be finished and billed. */
    public Milestone startMilestone(UUID milestoneId) {
        requireDepositPaid();
        requireStatus(ProjectStatus.ACTIVE, "start a milestone");
        Milestone milestone = milestone(milestoneId);
        if (milestone.status() != Milestone.MilestoneStatus.PENDING) {
            throw ProblemException.conflict("milestone-not-pending",
                    "milestone " + milestone.name() + " is " + milestone.status() + "; only a PENDING one can start");
        }
        Milestone started = milestone.started();
        milestones = milestones.stream().map(m -> m.id().equals(milestoneId) ? started : m).toList();
        return started;
    }

    private void requireDepositPaid() {
        if (status == ProjectStatus.AWAITING_DEPOSIT) {
            throw ProblemException.conflict("deposit-not-paid",
                    "the deposit for project " + title + " is not paid yet; work is billed only after it is");
        }
    }

    /**
     * Marks a stage done and billed by the given invoice; the last stage completes an ACTIVE project (one
     * winding down is settled instead, see SettlementService).
     */
    public void completeMilestone(UUID milestoneId, UUID invoiceId) {
        Milestone completed = completableMilestone(milestoneId).invoiced(invoiceId);
        milestones = milestones.stream().map(m -> m.id().equals(milestoneId) ? completed : m).toList();
        if (status == ProjectStatus.ACTIVE
                && milestones.stream().allMatch(m -> m.status() == Milestone.MilestoneStatus.INVOICED)) {
            status = ProjectStatus.COMPLETED;
        }
    }

    public Milestone milestone(UUID milestoneId) {
        return milestones.stream().filter(m -> m.id().equals(milestoneId)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("milestone", milestoneId));
    }

    /** Counts a revision; those beyond the included ones are billable at the disclosed fee. */
    public int recordRevision() {
        requireStatus(ProjectStatus.ACTIVE, "request a revision");
        return ++revisionsUsed;
    }

    public boolean isBillableRevision(int number) {
        return number > includedRevisions && revisionFeeAmount.signum() > 0;
    }

    public void cancel() {
        if (status == ProjectStatus.AWAITING_DEPOSIT || status == ProjectStatus.ACTIVE
                || status == ProjectStatus.WINDING_DOWN) {
            status = ProjectStatus.CANCELLED;
        }
    }

    /** What a voided invoice made billable again: the deposit, a stage, or nothing (on a closed project). */
    public record Reopened(String item, UUID milestoneId) {
        public static final Reopened NOTHING = new Reopened(null, null);
    }

    /**
     * One of the project's invoices was voided. A deposit invoice voided while the deposit is awaited can be
     * issued again; a stage whose invoice was voided is billable again, and a completed project is active again.
     */
    public Reopened invoiceVoided(UUID invoiceId, Invoice.Kind kind) {
        if (kind == Invoice.Kind.DEPOSIT && status == ProjectStatus.AWAITING_DEPOSIT) {
            return new Reopened(Invoice.Kind.DEPOSIT.name(), null);
        }
        if (kind != Invoice.Kind.MILESTONE
                || (status != ProjectStatus.ACTIVE && status != ProjectStatus.COMPLETED)) {
            return Reopened.NOTHING;
        }
        return milestones.stream().filter(m -> invoiceId.equals(m.invoiceId())).findFirst().map(billed -> {
            Milestone reopened = billed.reopened();
            milestones = milestones.stream().map(m -> m.id().equals(reopened.id()) ? reopened : m).toList();
            status = ProjectStatus.ACTIVE;
            return new Reopened(Invoice.Kind.MILESTONE.name(), reopened.id());
        }).orElse(Reopened.NOTHING);
    }

    /** A new planned date for one unfinished stage. */
    public record StageDate(UUID milestoneId, LocalDate dueDate) {
    }

    public record Rescheduled(UUID milestoneId, String name, LocalDate previousDueDate, LocalDate dueDate) {
    }

    /** Moves the given unfinished stages to new dates (none in the past); a completed stage keeps its date. */
    public List<Rescheduled> postpone(List<StageDate> dates, LocalDate today) {
        requireOpen("postpone");
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < dates.size(); i++) {
            StageDate date = dates.get(i);
            String field = "milestones[" + i + "]";
            Milestone stage = milestones.stream().filter(m -> m.id().equals(date.milestoneId())).findFirst()
                    .orElseThrow(() -> new ScheduleException(field + ".milestoneId", "is not a stage of this project"));
            if (!seen.add(stage.id())) {
                throw new ScheduleException(field + ".milestoneId", "names a stage already given");
            }
            if (stage.isInvoiced()) {
                throw ProblemException.conflict("milestone-already-completed", "milestone " + stage.name()
                        + " is already completed and invoiced; its date stays as it was");
            }
            if (date.dueDate().isBefore(today)) {
                throw new ScheduleException(field + ".dueDate", "must not be in the past");
            }
        }
        return reschedule(dates);
    }

    /** Shifts every unfinished stage that has a planned date by the given days; completed stages keep theirs. */
    public List<Rescheduled> postponeBy(int days) {
        requireOpen("postpone");
        List<StageDate> dates = milestones.stream().filter(m -> !m.isInvoiced() && m.dueDate() != null)
                .map(m -> new StageDate(m.id(), m.dueDate().plusDays(days))).toList();
        if (dates.isEmpty()) {
            throw fieldProblem("nothing-to-postpone", "shiftDays",
                    "no unfinished stage of project " + title + " has a planned date to shift; give the dates per stage");
        }
        return reschedule(dates);
    }

    private List<Rescheduled> reschedule(List<StageDate> dates) {
        List<Rescheduled> changed = new ArrayList<>();
        for (StageDate date : dates) {
            Milestone stage = milestone(date.milestoneId());
            if (!date.dueDate().equals(stage.dueDate())) {
                changed.add(new Rescheduled(stage.id(), stage.name(), stage.dueDate(), date.dueDate()));
            }
            milestones = milestones.stream().map(m -> m.id().equals(stage.id()) ? m.rescheduled(date.dueDate()) : m)
                    .toList();
        }
        return changed;
    }

    /**
     * Changes the fee, the remaining stages, or both. The deposit and the completed stages keep their amounts;
     * what is left of the fee is split among the remaining stages to the minor unit, by the shares given or,
     * without new stages, in proportion to the remaining stages as they stood. Every percent is then restated
     * as a share of the new fee.
     * @param newFee    the new total fee; null keeps the fee
     * @param newStages the stages that replace the remaining ones, their percents shares of what is left of the
     *                  fee (together exactly 100); null keeps the remaining stages
     */
    public void change(Money newFee, List<Stage> newStages) {
        requireOpen("change the scope or fee of");
        Money fee = newFee == null ? fee() : newFee;
        if (!fee.currency().equals(currency)) {
            throw new ScheduleException("totalFee.currency", "must stay in the project's currency " + currency);
        }
        Money deposit = depositAmount();
        Money invoiced = deposit.plus(completedWork());
        if (fee.compareTo(invoiced) <= 0) {
            throw fieldProblem("fee-below-invoiced", "totalFee.amount", "must be more than the " + invoiced
                    + " already invoiced for project " + title + " (deposit and completed stages), so the remaining"
                    + " stages have something to bill");
        }
        Money remaining = fee.minus(invoiced);
        List<Milestone> schedule = new ArrayList<>();
        if (newStages == null) {
            List<Money> amounts = PaymentSchedule.reproportion(remaining,
                    milestones.stream().filter(m -> !m.isInvoiced()).map(Milestone::amount).toList());
            int next = 0;
            for (Milestone m : milestones) {
                schedule.add(m.isInvoiced() ? m : m.reshared(m.percent(), amounts.get(next++)));
            }
        } else {
            List<Money> amounts = PaymentSchedule.allocateRemaining(remaining,
                    newStages.stream().map(Stage::percent).toList());
            milestones.stream().filter(Milestone::isInvoiced).forEach(schedule::add);
            for (int i = 0; i < newStages.size(); i++) {
                Stage stage = newStages.get(i);
                schedule.add(new Milestone(UUID.randomUUID(), stage.name(), stage.percent(), amounts.get(i),
                        stage.dueDate(), Milestone.MilestoneStatus.PENDING, null));
            }
        }
        feeAmount = fee.amount();
        milestones = schedule.stream().map(m -> m.reshared(shareOfFee(m.amount()), m.amount())).toList();
        depositPercent = shareOfFee(deposit);
    }

    /** A part's share of the fee in percent, to two decimals: what the terms sheet states. */
    private BigDecimal shareOfFee(Money part) {
        return part.amount().multiply(HUNDRED).divide(feeAmount, 2, RoundingMode.HALF_UP);
    }

    private void requireOpen(String action) {
        if (status != ProjectStatus.AWAITING_DEPOSIT && status != ProjectStatus.ACTIVE) {
            throw ProblemException.conflict("illegal-project-state",
                    "cannot " + action + " project " + title + " while it is " + status);
        }
    }

    private static ProblemException fieldProblem(String slug, String field, String message) {
        return new ProblemException(422, slug, "Unprocessable request", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    /**
     * Ends the project. With {@code finishCommittedWork} and stages started, it winds down until they are
     * completed; otherwise it is cancelled, to be settled now, and started stages count as unfinished.
     * @return the stages still to be finished, empty when the project is to be settled now
     */
    public List<Milestone> end(Ending ending) {
        if (status != ProjectStatus.AWAITING_DEPOSIT && status != ProjectStatus.ACTIVE) {
            throw ProblemException.conflict("illegal-project-state",
                    "cannot cancel project " + title + " while it is " + status);
        }
        endedBy = ending.endedBy();
        finishCommittedWork = ending.finishCommittedWork();
        endReason = ending.reason();
        List<Milestone> toFinish = ending.finishCommittedWork() ? milestones.stream()
                .filter(m -> m.status() == Milestone.MilestoneStatus.STARTED).toList() : List.of();
        stagesToFinish = toFinish.stream().map(Milestone::id).toList();
        status = toFinish.isEmpty() ? ProjectStatus.CANCELLED : ProjectStatus.WINDING_DOWN;
        return toFinish;
    }

    /** Whether completing this stage finishes the last of the committed work of a project winding down. */
    public boolean finishesWindingDown(UUID milestoneId) {
        return status == ProjectStatus.WINDING_DOWN && milestones.stream()
                .filter(m -> m.status() == Milestone.MilestoneStatus.STARTED && stagesToFinish.contains(m.id()))
                .allMatch(m -> m.id().equals(milestoneId));
    }

    /** How the project ended; null while it has not. */
    public Ending ending() {
        return endedBy == null ? null : new Ending(endedBy, Boolean.TRUE.equals(finishCommittedWork), endReason);
    }

    /** The invoices of the stages finished while winding down: billed as usual, left open by the settlement. */
    public Set<UUID> invoicesOfFinishedCommitments() {
        List<UUID> committed = stagesToFinish == null ? List.of() : stagesToFinish;
        return milestones.stream().filter(m -> committed.contains(m.id()) && m.invoiceId() != null)
                .map(Milestone::invoiceId).collect(Collectors.toSet());
    }

    /** No more time or revisions once the project is over. */
    public void requireOpenForWork(String action) {
        if (status == ProjectStatus.CANCELLED || status == ProjectStatus.COMPLETED) {
            throw ProblemException.conflict("illegal-project-state",
                    "cannot " + action + " while project " + title + " is " + status);
        }
    }

    private void requireStatus(ProjectStatus expected, String action) {
        if (status != expected) {
            throw ProblemException.conflict("illegal-project-state",
                    "cannot " + action + " while project " + title + " is " + status);
        }
    }

    /** Value of the stages already completed and billed. */
    public Money completedWork() {
        return milestones.stream().filter(m -> m.status() == Milestone.MilestoneStatus.INVOICED)
                .map(Milestone::amount).reduce(Money.zero(currency), Money::plus);
    }

    public Terms terms() {
        return new Terms(paymentTermsDays, includedRevisions, new Money(revisionFeeAmount, currency),
                cancellationFeePercent, responseTimeHours, communication, locale);
    }

    /** The fee less every stage: what the deposit invoice asks for. */
    public Money depositAmount() {
        Money stages = milestones.stream().map(Milestone::amount).reduce(Money.zero(currency), Money::plus);
        return fee().minus(stages);
    }

    public Money fee() {
        return new Money(feeAmount, currency);
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public String title() { return title; }
    public String scope() { return scope; }
    public BigDecimal depositPercent() { return depositPercent; }
    public List<Milestone> milestones() { return List.copyOf(milestones); }
    public int paymentTermsDays() { return paymentTermsDays; }
    public int revisionsUsed() { return revisionsUsed; }
    public BigDecimal cancellationFeePercent() { return cancellationFeePercent; }
    public String currency() { return currency; }
    public ProjectStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
