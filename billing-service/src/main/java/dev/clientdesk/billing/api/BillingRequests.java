package dev.clientdesk.billing.api;

import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.Ending;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.Texts;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

public final class BillingRequests {

    private BillingRequests() {
    }

    @Schema(name = "CreateProject", description = "A contract: the fee, the deposit and the stages it is paid in."
            + " Deposit plus milestones must total exactly 100%.")
    public record CreateProject(
            @NotNull UUID clientId,
            @NotBlank @Size(max = 200) @Schema(example = "Brand identity") String title,
            @Size(max = 5000) @Schema(example = "Logo, palette and a one-page brand book") String scope,
            @NotNull @Valid @Schema(example = "{\"amount\": \"5000.00\", \"currency\": \"EUR\"}") Money totalFee,
            @Schema(description = "Percent of the fee paid up front; 20 when omitted, allowed 10 to 50", example = "20")
            BigDecimal depositPercent,
            @NotNull @Size(min = 1, max = 20) List<@NotNull @Valid MilestoneRequest> milestones,
            @Min(0) @Max(365) @Schema(description = "Days from sending an invoice to its due date; your default when omitted", example = "14")
            Integer paymentTermsDays,
            @Min(0) @Max(100) @Schema(description = "Revisions included in the fee", example = "2") Integer includedRevisions,
            @Valid @Schema(description = "Fee for each revision beyond the included ones") Money revisionFee,
            @DecimalMin("0") @DecimalMax("100") @Schema(description = "Percent of the unfinished fee due on cancellation", example = "10")
            BigDecimal cancellationFeePercent,
            @Min(1) @Max(720) @Schema(description = "Hours within which you answer messages", example = "48") Integer responseTimeHours,
            @Size(max = 2000) @Schema(example = "Email on weekdays; one call per stage") String communication,
            @Pattern(regexp = Texts.LOCALE_TAG, message = "must be a language tag such as en or tr")
            @Schema(description = "Language of the terms sheet", example = "tr") String locale) {
    }

    @Schema(name = "BillingSettings")
    public record SettingsDocument(
            @Schema(example = "EUR") @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String defaultCurrency,
            @NotNull @DecimalMin("1") @DecimalMax("100") @Schema(example = "20") BigDecimal defaultDepositPercent,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "10") BigDecimal minDepositPercent,
            @NotNull @DecimalMin("1") @DecimalMax("100") @Schema(example = "50") BigDecimal maxDepositPercent,
            @Min(0) @Max(365) @Schema(example = "14") int paymentTermsDays,
            @Min(0) @Max(100) @Schema(example = "2") int includedRevisions,
            @NotNull @DecimalMin("0") @Schema(description = "In the default currency", example = "80.00") BigDecimal revisionFee,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Schema(example = "25") BigDecimal cancellationFeePercent,
            @Min(1) @Max(720) @Schema(example = "24") int responseTimeHours,
            @Size(max = 64) @Schema(description = "IANA time zone of the workspace: today, due dates, the overdue"
                    + " check and the invoice year follow it; UTC until set, kept when omitted", example = "Asia/Almaty")
            String timeZone,
            @Schema(readOnly = true) Long version) {
    }

    @Schema(name = "NewPayment")
    public record NewPayment(
            @NotNull @Valid @Schema(example = "{\"amount\": \"500.00\", \"currency\": \"EUR\"}") Money amount,
            @Schema(description = "When the money arrived; now when omitted", example = "2026-11-20T14:05:00Z") Instant receivedAt,
            @Size(max = 200) @Schema(example = "bank transfer 2026-11-20") String reference) {
    }

    @Schema(name = "VoidInvoice")
    public record VoidInvoice(@Size(max = 500) @Schema(example = "Issued to the wrong company") String reason) {
    }

    @Schema(name = "NewTimeEntry")
    public record NewTimeEntry(
            @Min(1) @Max(1440) @Schema(example = "90") int minutes,
            @NotNull @Schema(example = "COMMUNICATION") dev.clientdesk.billing.service.TimeService.TimeKind kind,
            @Schema(description = "The day worked; today in the workspace's time zone when omitted", example = "2026-11-20")
            LocalDate date,
            @Size(max = 1000) @Schema(example = "Call about a fourth round of logo changes") String note) {
    }

    @Schema(name = "NewRevision")
    public record NewRevision(@Size(max = 2000) @Schema(example = "Darker logo variant") String note) {
    }

    @Schema(name = "Postponement", description = "New planned dates, as agreed in writing: every unfinished stage"
            + " that has a date moved by shiftDays, or new dates per stage in milestones (one of the two)."
            + " Completed stages keep their dates.", example = "{\"shiftDays\": 14}")
    public record Postponement(
            @Min(1) @Max(3650) @Schema(description = "Days to move every unfinished stage that has a planned date", example = "14")
            Integer shiftDays,
            @Size(min = 1, max = 20) @Schema(description = "New dates for unfinished stages")
            List<@NotNull @Valid StageDate> milestones) {
    }

    @Schema(name = "StageDate")
    public record StageDate(
            @NotNull @Schema(example = "7b2c4e91-5d3a-4f6b-9c8d-1e2f3a4b5c6d") UUID milestoneId,
            @NotNull @Schema(description = "Not in the past", example = "2027-01-29") LocalDate dueDate) {
    }

    @Schema(name = "ProjectChange", description = "A change of scope or fee, as agreed in writing. The deposit and"
            + " the completed stages keep their amounts; what they leave of the fee is split among the remaining"
            + " stages to the cent. Give totalFee, milestones or both.",
            example = "{\"totalFee\": {\"amount\": \"6500.00\", \"currency\": \"EUR\"}, \"milestones\": ["
                    + "{\"name\": \"Brand book\", \"percent\": 60, \"dueDate\": \"2026-12-29\"},"
                    + " {\"name\": \"Packaging\", \"percent\": 40}]}")
    public record ProjectChange(
            @Valid @Schema(description = "The new total fee in the project's currency; more than the deposit and"
                    + " completed stages already invoiced. The fee stays when omitted",
                    example = "{\"amount\": \"6500.00\", \"currency\": \"EUR\"}") Money totalFee,
            @Size(min = 1, max = 20) @Schema(description = "The stages that replace the remaining ones; each"
                    + " percent is a share of what is left of the fee, together exactly 100. When omitted the"
                    + " remaining stages stay and the rest of the fee is split in proportion to their amounts")
            List<@NotNull @Valid MilestoneRequest> milestones) {
    }

    @Schema(name = "CancelProject", description = "Ends one project; the client's other projects go on")
    public record CancelProject(
            @Schema(description = "Who ended it; the cancellation fee is due only when the client did."
                    + " FREELANCER when omitted", example = "CLIENT") Ending.EndedBy endedBy,
            @Schema(description = "Whether the stages already started are still finished and billed; true when"
                    + " omitted", example = "true") Boolean finishCommittedWork,
            @Size(max = 500) @SingleLine @Schema(example = "The client's budget was cut") String reason) {

        public Ending ending() {
            return Ending.of(endedBy, finishCommittedWork, reason);
        }
    }

    @Schema(name = "Milestone")
    public record MilestoneRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Concepts") String name,
            @NotNull @Schema(example = "30") BigDecimal percent,
            @Schema(example = "2026-12-15") LocalDate dueDate) {

        public Project.Stage toStage() {
            return new Project.Stage(name.trim(), percent, dueDate);
        }
    }
}
