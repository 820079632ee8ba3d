package dev.clientdesk.billing.api;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.Texts;

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

    @Schema(name = "Milestone")
    public record MilestoneRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Concepts") String name,
            @NotNull @Schema(example = "30") BigDecimal percent,
            @Schema(example = "2026-12-15") LocalDate dueDate) {
    }
}
