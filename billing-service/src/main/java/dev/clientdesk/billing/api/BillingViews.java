package dev.clientdesk.billing.api;

import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.domain.Milestone;
import dev.clientdesk.billing.domain.Payment;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.ProjectStatus;
import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.billing.domain.Refund;
import dev.clientdesk.billing.domain.Revision;
import dev.clientdesk.billing.domain.TimeEntry;
import dev.clientdesk.billing.service.TimeService;
import dev.clientdesk.kit.money.Money;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class BillingViews {

    private BillingViews() {
    }

    @Schema(name = "Project")
    public record ProjectView(UUID id, UUID clientId, String title, String scope, Money totalFee,
            BigDecimal depositPercent, Money deposit, UUID depositInvoiceId, List<Milestone> milestones,
            Project.Terms terms, int revisionsUsed, ProjectStatus status, Instant createdAt) {

        public static ProjectView of(Project project, UUID depositInvoiceId) {
            return new ProjectView(project.id(), project.clientId(), project.title(), project.scope(), project.fee(),
                    project.depositPercent(), project.depositAmount(), depositInvoiceId, project.milestones(),
                    project.terms(), project.revisionsUsed(), project.status(), project.createdAt());
        }
    }

    @Schema(name = "Settlement", description = "What an ended project came to")
    public record SettlementView(Money earned, Money paid, Money refunded, Money cancellationFee,
            UUID finalInvoiceId) {

        public static SettlementView of(SettlementService.Settlement settlement) {
            return settlement == null ? null : new SettlementView(settlement.earned(), settlement.paid(),
                    settlement.refunded(), settlement.cancellationFee(),
                    settlement.finalInvoice() == null ? null : settlement.finalInvoice().id());
        }
    }

    @Schema(name = "Cancellation", description = "The ended project; its settlement, or the started stages it"
            + " still finishes first (then the settlement is null and the project WINDING_DOWN)")
    public record CancellationView(ProjectView project, List<Milestone> stagesToFinish, SettlementView settlement) {
    }

    @Schema(name = "Invoice")
    public record InvoiceView(UUID id, String number, UUID projectId, UUID clientId, Invoice.Kind kind,
            String description, Money amount, Money paid, Money outstanding, InvoiceStatus status, Instant issuedAt,
            Instant sentAt, LocalDate dueDate) {

        public static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.id(), invoice.number(), invoice.projectId(), invoice.clientId(),
                    invoice.kind(), invoice.description(), invoice.amount(), invoice.paid(), invoice.outstanding(),
                    invoice.status(), invoice.issuedAt(), invoice.sentAt(), invoice.dueDate());
        }
    }

    @Schema(name = "Payment", description = "Money received against an invoice, and that invoice as it is now")
    public record PaymentView(UUID id, Money amount, Instant receivedAt,
            @Schema(example = "bank transfer 2026-11-20") String reference, InvoiceView invoice) {

        public static PaymentView of(Payment payment, Invoice invoice) {
            return new PaymentView(payment.id(), payment.amount(), payment.receivedAt(), payment.reference(),
                    InvoiceView.of(invoice));
        }
    }

    public static TimeService.TimeEntry timeEntry(TimeEntry entry) {
        return new TimeService.TimeEntry(entry.id(), entry.projectId(), entry.clientId(), entry.minutes(),
                TimeService.TimeKind.valueOf(entry.kind()), entry.workDate(), entry.note());
    }

    @Schema(name = "Revision", description = "A revision counted on a project; the invoice that billed it when it"
            + " was beyond the included ones")
    public record RevisionView(UUID id, UUID projectId, int number, String note, boolean billable,
            InvoiceView invoice) {

        public static RevisionView of(Revision revision, Invoice invoice) {
            return new RevisionView(revision.id(), revision.projectId(), revision.number(), revision.note(),
                    revision.billable(), invoice == null ? null : InvoiceView.of(invoice));
        }
    }

    @Schema(name = "Refund", description = "Prepaid money given back when a project was settled")
    public record RefundView(UUID id, UUID projectId, UUID clientId, Money amount, String reason, Instant createdAt) {

        public static RefundView of(Refund refund) {
            return new RefundView(refund.id(), refund.projectId(), refund.clientId(), refund.amount(),
                    refund.reason(), refund.createdAt());
        }
    }
}
