package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ScreenerTest {

    private static final ScreeningPolicy OPEN = new ScreeningPolicy(List.of("Brand identity", "web design"),
            Money.of("1000", "EUR"), FriendsAndFamilyPolicy.ACCEPT_WITH_CONTRACT);
    private static final IntakeSignals NO = IntakeSignals.NONE;

    static Stream<Arguments> eachSignalAndItsFlag() {
        return Stream.of(
                Arguments.of(signals(0), RedFlag.GUARANTEE_DEMANDED),
                Arguments.of(signals(1), RedFlag.ON_BEHALF_OF_SOMEONE_ELSE),
                Arguments.of(signals(2), RedFlag.REPEAT_OF_RESOLVED_ISSUE),
                Arguments.of(signals(3), RedFlag.DISRESPECTFUL),
                Arguments.of(signals(4), RedFlag.DISRESPECTFUL),
                Arguments.of(signals(5), RedFlag.EXPECTS_PERSONAL_TIME),
                Arguments.of(signals(6), RedFlag.EXPECTS_PERSONAL_TIME),
                Arguments.of(signals(7), RedFlag.WILL_NOT_PAY),
                Arguments.of(signals(8), RedFlag.WILL_NOT_PAY),
                Arguments.of(signals(9), RedFlag.WILL_NOT_PAY),
                Arguments.of(signals(10), RedFlag.DEPOSIT_HESITATION),
                Arguments.of(signals(11), RedFlag.SPECIAL_EXCEPTIONS));
    }

    @ParameterizedTest
    @MethodSource("eachSignalAndItsFlag")
    void each_signal_raises_exactly_its_own_flag(IntakeSignals signals, RedFlag expected) {
        Screening screening = Screener.screen(lead(signals), OPEN);

        assertThat(screening.flags()).extracting(Screening.Finding::code).containsExactly(expected);
        assertThat(screening.flags().get(0).reason()).isNotBlank();
        assertThat(screening.riskScore()).isEqualTo(expected.severity().weight());
    }

    @Test
    void a_clean_lead_raises_nothing_and_is_accepted() {
        Screening screening = Screener.screen(lead(NO), OPEN);
        assertThat(screening.flags()).isEmpty();
        assertThat(screening.riskScore()).isZero();
        assertThat(screening.recommendation()).isEqualTo(Recommendation.ACCEPT);
    }

    @Test
    void a_service_outside_the_offer_is_flagged_and_matching_ignores_case() {
        assertThat(Screener.screen(new Lead(Relationship.STRANGER, "tax advice", null, NO, false), OPEN)
                .has(RedFlag.OUTSIDE_SERVICES)).isTrue();
        assertThat(Screener.screen(new Lead(Relationship.STRANGER, " brand IDENTITY ", null, NO, false), OPEN)
                .has(RedFlag.OUTSIDE_SERVICES)).isFalse();
        ScreeningPolicy noServicesListed = new ScreeningPolicy(List.of(), null, FriendsAndFamilyPolicy.REVIEW);
        assertThat(Screener.screen(new Lead(Relationship.STRANGER, "anything", null, NO, false), noServicesListed)
                .flags()).isEmpty();
    }

    @Test
    void a_budget_below_the_minimum_in_the_same_currency_is_flagged() {
        assertThat(Screener.screen(withBudget("999.99", "EUR"), OPEN).has(RedFlag.BUDGET_BELOW_MINIMUM)).isTrue();
        assertThat(Screener.screen(withBudget("1000.00", "EUR"), OPEN).has(RedFlag.BUDGET_BELOW_MINIMUM)).isFalse();
        assertThat(Screener.screen(withBudget("10", "USD"), OPEN).has(RedFlag.BUDGET_BELOW_MINIMUM)).isFalse();
    }

    @Test
    void an_ended_client_coming_back_is_flagged_and_declined() {
        Screening screening = Screener.screen(new Lead(Relationship.STRANGER, "web design", null, NO, true), OPEN);
        assertThat(screening.has(RedFlag.PREVIOUSLY_ENDED)).isTrue();
        assertThat(screening.recommendation()).isEqualTo(Recommendation.DECLINE);
    }

    @Test
    void friends_and_family_follow_the_workspace_policy() {
        Lead friend = new Lead(Relationship.FRIEND, "web design", null, NO, false);
        Lead relative = new Lead(Relationship.FAMILY, "web design", null, NO, false);
        assertThat(Screener.screen(friend, policy(FriendsAndFamilyPolicy.DECLINE_AND_REFER)).recommendation())
                .isEqualTo(Recommendation.DECLINE);
        assertThat(Screener.screen(relative, policy(FriendsAndFamilyPolicy.REVIEW)).recommendation())
                .isEqualTo(Recommendation.REVIEW);
        Screening withContract = Screener.screen(friend, policy(FriendsAndFamilyPolicy.ACCEPT_WITH_CONTRACT));
        assertThat(withContract.has(RedFlag.FRIEND_OR_FAMILY)).isTrue();
        assertThat(withContract.recommendation()).isEqualTo(Recommendation.ACCEPT);
        assertThat(Screener.screen(new Lead(Relationship.REFERRAL, "web design", null, NO, false),
                policy(FriendsAndFamilyPolicy.DECLINE_AND_REFER)).flags()).isEmpty();
    }

    @Test
    void one_medium_flag_means_review_and_one_high_flag_means_decline() {
        assertThat(Screener.screen(lead(signals(10)), OPEN).recommendation()).isEqualTo(Recommendation.REVIEW);
        assertThat(Screener.screen(lead(signals(0)), OPEN).recommendation()).isEqualTo(Recommendation.DECLINE);
    }

    @Test
    void enough_medium_flags_together_mean_decline() {
        IntakeSignals two = signals(10).merge(signals(11));
        IntakeSignals three = two.merge(signals(2));
        assertThat(Screener.screen(lead(two), OPEN).recommendation()).isEqualTo(Recommendation.REVIEW);
        Screening screening = Screener.screen(lead(three), OPEN);
        assertThat(screening.riskScore()).isEqualTo(60);
        assertThat(screening.recommendation()).isEqualTo(Recommendation.DECLINE);
    }

    @Test
    void the_risk_score_is_capped_at_100() {
        IntakeSignals all = NO;
        for (int i = 0; i < 12; i++) {
            all = all.merge(signals(i));
        }
        Screening screening = Screener.screen(new Lead(Relationship.FAMILY, "tax advice", Money.of("1", "EUR"), all,
                true), OPEN);
        assertThat(screening.flags()).hasSize(RedFlag.values().length);
        assertThat(screening.riskScore()).isEqualTo(100);
        assertThat(screening.recommendation()).isEqualTo(Recommendation.DECLINE);
    }

    private static ScreeningPolicy policy(FriendsAndFamilyPolicy friendsAndFamily) {
        return new ScreeningPolicy(List.of(), null, friendsAndFamily);
    }

    private static Lead lead(IntakeSignals signals) {
        return new Lead(Relationship.STRANGER, "web design", Money.of("5000", "EUR"), signals, false);
    }

    private static Lead withBudget(String amount, String currency) {
        return new Lead(Relationship.STRANGER, "web design", Money.of(amount, currency), NO, false);
    }

    /** Signals with only the n-th answer set to yes, in declaration order. */
    static IntakeSignals signals(int n) {
        Boolean[] answers = new Boolean[12];
        answers[n] = Boolean.TRUE;
        return new IntakeSignals(answers[0], answers[1], answers[2], answers[3], answers[4], answers[5], answers[6],
                answers[7], answers[8], answers[9], answers[10], answers[11]);
    }
}
