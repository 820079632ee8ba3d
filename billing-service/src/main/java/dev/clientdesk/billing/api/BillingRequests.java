package dev.clientdesk.billing.api;

import dev.clientdesk.kit.money.Money;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
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
            @Min(0) @Max(365) @Schema(description = "Days from sending an invoice to its due date; 14 when omitted", example = "14")
            Integer paymentTermsDays) {
    }

    @Schema(name = "Milestone")
    public record MilestoneRequest(
            @NotBlank @Size(max = 200) @Schema(example = "Concepts") String name,
            @NotNull @Schema(example = "30") BigDecimal percent,
            @Schema(example = "2026-12-15") LocalDate dueDate) {
    }
}
