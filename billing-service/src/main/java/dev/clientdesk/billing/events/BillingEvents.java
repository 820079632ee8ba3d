package dev.clientdesk.billing.events;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What billing-service publishes on {@value #TOPIC}; the record name is the CloudEvents type. */
public final class BillingEvents {

    public static final String TOPIC = "billing.v1";

    private BillingEvents() {
    }

    public record ProjectContracted(UUID projectId, UUID clientId, String title, Money totalFee, Money deposit,
            int milestones) {
    }

    public record InvoiceIssued(UUID invoiceId, UUID projectId, UUID clientId, String number, String kind,
            Money amount) {
    }

    public record InvoiceSent(UUID invoiceId, UUID projectId, UUID clientId, String number, Money amount,
            LocalDate dueDate) {
    }

    public record PaymentReceived(UUID paymentId, UUID invoiceId, UUID projectId, UUID clientId, Money amount,
            Instant receivedAt) {
    }

    public record InvoicePaid(UUID invoiceId, UUID projectId, UUID clientId, String number, Money amount) {
    }

    public record DepositPaid(UUID projectId, UUID invoiceId, UUID clientId, Money amount) {
    }

    public record InvoiceOverdue(UUID invoiceId, UUID clientId, String number, Money outstanding, LocalDate dueDate) {
    }

    /**
     * {@code kind}, {@code billableAgain} and {@code milestoneId} were added later: older events lack them.
     * {@code billableAgain} is DEPOSIT (a new deposit invoice can be issued), MILESTONE (the stage
     * {@code milestoneId} can be completed again) or null (nothing, as on offboarding).
     */
    public record InvoiceVoided(UUID invoiceId, UUID projectId, UUID clientId, String number, String reason,
            String kind, String billableAgain, UUID milestoneId) {
    }

    /** The stages whose planned date changed; {@code shiftedByDays} when all were shifted alike, else null. */
    public record ProjectPostponed(UUID projectId, UUID clientId, Integer shiftedByDays,
            List<RescheduledStage> milestones) {
    }

    public record RescheduledStage(UUID milestoneId, String name, LocalDate previousDueDate, LocalDate dueDate) {
    }

    /** The fee before and after, and the whole schedule after the change (completed stages included). */
    public record ProjectChanged(UUID projectId, UUID clientId, Money previousFee, Money totalFee, Money deposit,
            List<ScheduledStage> milestones) {
    }

    public record ScheduledStage(UUID milestoneId, String name, BigDecimal percent, Money amount, LocalDate dueDate,
            String status) {
    }

    public record RefundIssued(UUID refundId, UUID projectId, UUID clientId, Money amount, String reason) {
    }

    public record TimeLogged(UUID entryId, UUID projectId, UUID clientId, int minutes, String kind, LocalDate date) {
    }

    public record RevisionRequested(UUID projectId, UUID clientId, int number, boolean billable, Money fee) {
    }

    /** A stage was started: if the project ends, it is committed work that may still be finished. */
    public record MilestoneStarted(UUID projectId, UUID clientId, UUID milestoneId, String name) {
    }

    /**
     * The project was ended (by offboarding the client, or on its own). The cancellation fee applies only when
     * {@code endedBy} is CLIENT; {@code stagesToFinish} are finished and billed before it is settled.
     */
    public record ProjectCancelled(UUID projectId, UUID clientId, String endedBy, boolean finishCommittedWork,
            String reason, List<StageToFinish> stagesToFinish) {

        public record StageToFinish(UUID milestoneId, String name, Money amount) {
        }
    }

    /** What the ended project came to: a refund when paid beyond earned, else a final invoice for the rest. */
    public record ProjectSettled(UUID projectId, UUID clientId, Money earned, Money paid, Money refunded,
            Money cancellationFee, UUID finalInvoiceId) {
    }
}
