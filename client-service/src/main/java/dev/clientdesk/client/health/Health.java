package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.money.MoneyTotal;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.math.BigDecimal;
import java.util.List;

/**
 * A client's health: the numbers, a 0–100 score, why, and what to do; {@code missingSettings} names the policy
 * settings left unset whose checks were skipped (no target hourly rate: the rate is compared with nothing).
 */
public record Health(MoneyTotal paid, BigDecimal hoursLogged, MoneyTotal effectiveHourlyRate, Money targetHourlyRate,
        BigDecimal shareOfLoggedTimePercent, int latePayments, int silentEpisodes,
        @Schema(description = "Follow-ups the client needed before answering (a week of silence each)") int nudges,
        int specialRequests, int incidents, int redFlags, int score, List<String> reasons,
        HealthRecommendation recommendation,
        @Schema(description = "Policy settings not set yet, so their checks were skipped", example = "[\"targetHourlyRate\"]")
        List<String> missingSettings) {
}
