package dev.clientdesk.client.domain;

import dev.clientdesk.client.health.Health;
import dev.clientdesk.client.health.HealthAssessment;
import dev.clientdesk.client.health.HealthFacts;
import dev.clientdesk.client.health.HealthRecommendation;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.money.MoneyTotal;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

class HealthAssessmentTest {

    private static final Money TARGET = Money.of("60.00", "EUR");

    @Test
    void a_well_paying_calm_client_is_kept() {
        Health health = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("1200", "EUR")), 600, 6000, 0, 0, 1, 0, 0, 0),
                TARGET, 20);
        assertThat(health.effectiveHourlyRate()).isEqualTo(MoneyTotal.of(Money.of("120.00", "EUR")));
        assertThat(health.hoursLogged()).isEqualByComparingTo("10");
        assertThat(health.shareOfLoggedTimePercent()).isEqualByComparingTo("10.0");
        assertThat(health.score()).isEqualTo(100);
        assertThat(health.recommendation()).isEqualTo(HealthRecommendation.KEEP);
    }

    @Test
    void below_target_is_a_raise_and_taking_too_much_time_on_top_costs_more() {
        Health cheap = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("300", "EUR")), 600, 6000, 0, 0, 0, 0, 0, 0),
                TARGET, 20);
        assertThat(cheap.effectiveHourlyRate()).isEqualTo(MoneyTotal.of(Money.of("30.00", "EUR")));
        assertThat(cheap.score()).isEqualTo(80);
        assertThat(cheap.recommendation()).isEqualTo(HealthRecommendation.RAISE_RATE);

        Health greedy = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("300", "EUR")), 600, 1200, 0, 0, 0, 0, 0, 0),
                TARGET, 20);
        assertThat(greedy.shareOfLoggedTimePercent()).isEqualByComparingTo("50.0");
        assertThat(greedy.score()).isEqualTo(65);
        assertThat(greedy.reasons()).anyMatch(r -> r.contains("50.0% of your logged time"));
    }

    @Test
    void exceptions_beyond_two_and_repeated_lateness_call_for_boundaries() {
        assertThat(HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 2, 0, 0, 0), TARGET, 20).recommendation())
                .isEqualTo(HealthRecommendation.KEEP);
        assertThat(HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 3, 0, 0, 0), TARGET, 20).recommendation())
                .isEqualTo(HealthRecommendation.SET_BOUNDARIES);
        assertThat(HealthAssessment.assess(new HealthFacts(null, 0, 0, 2, 0, 0, 0, 0, 0), TARGET, 20).recommendation())
                .isEqualTo(HealthRecommendation.SET_BOUNDARIES);
    }

    @Test
    void repeated_bad_treatment_or_a_low_score_ends_it() {
        assertThat(HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 0, 2, 0, 0), TARGET, 20).recommendation())
                .isEqualTo(HealthRecommendation.END_RELATIONSHIP);
        Health worn = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("100", "EUR")), 600, 600, 3, 3, 6, 0, 5, 0),
                TARGET, 20);
        assertThat(worn.score()).isLessThan(40).isGreaterThanOrEqualTo(0);
        assertThat(worn.recommendation()).isEqualTo(HealthRecommendation.END_RELATIONSHIP);
    }

    @Test
    void no_time_logged_means_no_rate_and_another_currency_is_not_compared() {
        Health none = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("100", "EUR")), 0, 0, 0, 0, 0, 0, 0, 0), TARGET, 20);
        assertThat(none.effectiveHourlyRate()).isNull();
        assertThat(none.shareOfLoggedTimePercent()).isEqualByComparingTo(BigDecimal.ZERO);
        Health unpaid = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.zero("EUR")), 600, 600, 0, 0, 0, 0, 0, 0), TARGET, 20);
        assertThat(unpaid.effectiveHourlyRate()).isNull();
        assertThat(unpaid.recommendation()).isEqualTo(HealthRecommendation.KEEP);
        Health usd = HealthAssessment.assess(new HealthFacts(MoneyTotal.of(Money.of("10", "USD")), 600, 600, 0, 0, 0, 0, 0, 0), TARGET, 20);
        assertThat(usd.recommendation()).isEqualTo(HealthRecommendation.KEEP);
    }

    @Test
    void each_follow_up_the_client_needed_costs_five_points_up_to_twenty_and_three_call_for_boundaries() {
        Health once = HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 0, 0, 0, 1), TARGET, 20);
        assertThat(once.nudges()).isEqualTo(1);
        assertThat(once.score()).isEqualTo(95);
        assertThat(once.recommendation()).isEqualTo(HealthRecommendation.KEEP);
        assertThat(once.reasons()).contains("1 follow-up(s) needed after a week of silence before answering.");

        Health chased = HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 0, 0, 0, 3), TARGET, 20);
        assertThat(chased.score()).isEqualTo(85);
        assertThat(chased.recommendation()).isEqualTo(HealthRecommendation.SET_BOUNDARIES);

        Health always = HealthAssessment.assess(new HealthFacts(null, 0, 0, 0, 0, 0, 0, 0, 9), TARGET, 20);
        assertThat(always.score()).isEqualTo(80);
    }

    @Test
    void without_a_target_rate_the_rate_is_not_judged_and_the_missing_setting_is_named() {
        HealthFacts cheap = new HealthFacts(MoneyTotal.of(Money.of("10", "EUR")), 600, 600, 0, 0, 0, 0, 0, 0);
        Health unset = HealthAssessment.assess(cheap, null, 20);
        assertThat(unset.missingSettings()).containsExactly("targetHourlyRate");
        assertThat(unset.recommendation()).isEqualTo(HealthRecommendation.KEEP);
        assertThat(unset.reasons()).anyMatch(r -> r.startsWith("No target hourly rate set"));

        Health set = HealthAssessment.assess(cheap, TARGET, 20);
        assertThat(set.missingSettings()).isEmpty();
        assertThat(set.recommendation()).isEqualTo(HealthRecommendation.RAISE_RATE);
    }
}
