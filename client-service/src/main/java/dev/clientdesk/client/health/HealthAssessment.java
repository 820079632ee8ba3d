package dev.clientdesk.client.health;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.money.MoneyTotal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a relationship (docs/domain.md#client-health): a client paying below your target rate while taking more
 * than the share of your time you allow them is the first to renegotiate; late payments, silences, exceptions and
 * incidents wear the score down; bad treatment repeated ends it. A client who has to be chased costs more: each
 * follow-up they needed before answering (one per conversation and week of silence) takes {@value #PER_NUDGE}
 * points, at most {@value #NUDGES_CAP}, and {@value #NUDGES_FOR_BOUNDARIES} or more call for boundaries. Without a
 * target hourly rate the rate is not judged, and the result says the setting is missing.
 */
public final class HealthAssessment {

    static final int BELOW_TARGET = 20;
    static final int OVER_TIME_SHARE = 15;
    static final int PER_LATE_PAYMENT = 10;
    static final int PER_SILENCE = 5;
    static final int PER_NUDGE = 5;
    static final int NUDGES_CAP = 20;
    static final int NUDGES_FOR_BOUNDARIES = 3;
    static final int PER_EXTRA_SPECIAL_REQUEST = 5;
    static final int FREE_SPECIAL_REQUESTS = 2;
    static final int PER_INCIDENT = 25;
    static final int PER_RED_FLAG = 3;
    static final int END_BELOW = 40;

    private HealthAssessment() {
    }

    public static Health assess(HealthFacts facts, Money targetHourlyRate, int maxBelowTargetSharePercent) {
        List<String> reasons = new ArrayList<>();
        int score = 100;
        BigDecimal hours = BigDecimal.valueOf(facts.minutesLogged()).divide(BigDecimal.valueOf(60), 2,
                RoundingMode.HALF_UP);
        MoneyTotal rate = effectiveRate(facts.paid(), facts.minutesLogged());
        BigDecimal share = facts.workspaceMinutesLogged() == 0 ? BigDecimal.ZERO
                : BigDecimal.valueOf(facts.minutesLogged() * 100).divide(
                        BigDecimal.valueOf(facts.workspaceMinutesLogged()), 1, RoundingMode.HALF_UP);

        boolean belowTarget = rate != null && targetHourlyRate != null
                && rate.currency().equals(targetHourlyRate.currency()) && rate.compareTo(targetHourlyRate) < 0;
        boolean overShare = belowTarget && share.compareTo(BigDecimal.valueOf(maxBelowTargetSharePercent)) > 0;
        if (belowTarget) {
            score -= BELOW_TARGET;
            reasons.add("Pays " + rate + " per hour, below your target of " + targetHourlyRate + ".");
        }
        if (overShare) {
            score -= OVER_TIME_SHARE;
            reasons.add("Takes " + share.toPlainString() + "% of your logged time; below-target clients may take "
                    + maxBelowTargetSharePercent + "%.");
        }
        score -= capped(facts.latePayments(), PER_LATE_PAYMENT, 30, reasons, "late payment(s)");
        score -= capped(facts.silentEpisodes(), PER_SILENCE, 15, reasons, "time(s) went silent after a follow-up");
        score -= capped(facts.nudges(), PER_NUDGE, NUDGES_CAP, reasons,
                "follow-up(s) needed after a week of silence before answering");
        int extraRequests = Math.max(0, facts.specialRequests() - FREE_SPECIAL_REQUESTS);
        score -= capped(extraRequests, PER_EXTRA_SPECIAL_REQUEST, 20, reasons,
                "special request(s) beyond the first " + FREE_SPECIAL_REQUESTS + "; be consistent with your policy");
        score -= capped(facts.incidents(), PER_INCIDENT, 50, reasons, "incident(s) of bad treatment");
        score -= capped(facts.redFlags(), PER_RED_FLAG, 15, reasons, "red flag(s) at screening");
        score = Math.max(0, Math.min(100, score));

        HealthRecommendation recommendation = recommend(score, facts, belowTarget, extraRequests);
        if (reasons.isEmpty()) {
            reasons.add("Nothing wears this relationship down.");
        }
        List<String> missingSettings = List.of();
        if (targetHourlyRate == null) {
            missingSettings = List.of("targetHourlyRate");
            reasons.add("No target hourly rate set, so the effective rate is not compared with anything.");
        }
        return new Health(facts.paid(), hours, rate, targetHourlyRate, share, facts.latePayments(),
                facts.silentEpisodes(), facts.nudges(), facts.specialRequests(), facts.incidents(), facts.redFlags(),
                score, List.copyOf(reasons), recommendation, missingSettings);
    }

    private static HealthRecommendation recommend(int score, HealthFacts facts, boolean belowTarget,
            int extraRequests) {
        if (facts.incidents() >= 2 || score < END_BELOW) {
            return HealthRecommendation.END_RELATIONSHIP;
        }
        if (belowTarget) {
            return HealthRecommendation.RAISE_RATE;
        }
        if (facts.incidents() == 1 || extraRequests > 0 || facts.silentEpisodes() >= 2 || facts.latePayments() >= 2
                || facts.nudges() >= NUDGES_FOR_BOUNDARIES) {
            return HealthRecommendation.SET_BOUNDARIES;
        }
        return HealthRecommendation.KEEP;
    }

    private static int capped(int count, int each, int cap, List<String> reasons, String what) {
        if (count <= 0) {
            return 0;
        }
        reasons.add(count + " " + what + ".");
        return Math.min(cap, count * each);
    }

    /** No rate before the first payment: unbilled work in progress is not a cheap client. */
    private static MoneyTotal effectiveRate(MoneyTotal paid, long minutes) {
        return paid == null || paid.amount().signum() == 0 ? null : paid.perHour(minutes);
    }
}
