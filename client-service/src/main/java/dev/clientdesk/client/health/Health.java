package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.util.List;

/** A client's health: the numbers, a 0–100 score, why, and what to do. */
public record Health(Money paid, BigDecimal hoursLogged, Money effectiveHourlyRate, Money targetHourlyRate,
        BigDecimal shareOfLoggedTimePercent, int latePayments, int silentEpisodes, int specialRequests,
        int incidents, int redFlags, int score, List<String> reasons, HealthRecommendation recommendation) {
}
