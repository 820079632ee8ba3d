package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.money.MoneyTotal;

import java.math.BigDecimal;
import java.util.List;

/** A client's health: the numbers, a 0–100 score, why, and what to do. */
public record Health(MoneyTotal paid, BigDecimal hoursLogged, MoneyTotal effectiveHourlyRate, Money targetHourlyRate,
        BigDecimal shareOfLoggedTimePercent, int latePayments, int silentEpisodes, int specialRequests,
        int incidents, int redFlags, int score, List<String> reasons, HealthRecommendation recommendation) {
}
