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
        ScreeningPolicy strict = new ScreeningPolicy(OPEN.servicesOffered(), OPEN.minimumBudget(),
                OPEN.friendsAndFamily(), List.of(), List.of("tax advice"), "en");
        Screening screening = Screener.screen(new Lead(Relationship.FAMILY, "tax advice", null, Money.of("1", "EUR"),
                all, true), strict);
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

    @Test
    void a_requested_service_matches_an_offered_one_when_every_word_of_the_shorter_is_in_the_longer() {
        ScreeningPolicy logos = new ScreeningPolicy(List.of("Logo Design", "brand identity"), null,
                FriendsAndFamilyPolicy.REVIEW);
        for (String within : List.of("logo", "LOGO-design!", "  logo   design ", "logos",
                "brand identity and logo design", "Brand identity for a bakery")) {
            assertThat(Screener.screen(new Lead(Relationship.STRANGER, within, null, NO, false), logos)
                    .has(RedFlag.OUTSIDE_SERVICES)).as(within).isFalse();
        }
        for (String outside : List.of("interior design", "tax advice", "logistics")) {
            assertThat(Screener.screen(new Lead(Relationship.STRANGER, outside, null, NO, false), logos)
                    .has(RedFlag.OUTSIDE_SERVICES)).as(outside).isTrue();
        }
    }

    @Test
    void words_match_across_case_accents_punctuation_and_short_endings_but_not_unrelated_words() {
        assertThat(Words.of("Logo-Design, İSTANBUL! Tasarımı")).containsExactly("logo", "design", "istanbul",
                "tasarimi");
        assertThat(Words.allIn(List.of("want"), Words.of("wants"))).isTrue();
        assertThat(Words.allIn(Words.of("tasarım"), Words.of("Tasarımı"))).isTrue();
        assertThat(Words.allIn(List.of("art"), Words.of("article"))).isFalse();
        assertThat(Words.allIn(List.of("web"), Words.of("website"))).isFalse();
        assertThat(Words.allIn(List.of(), Words.of("anything"))).isFalse();
    }

    @Test
    void unwanted_and_ideal_traits_are_matched_against_what_the_lead_said_they_need() {
        ScreeningPolicy traits = new ScreeningPolicy(List.of(), null, FriendsAndFamilyPolicy.REVIEW,
                List.of("clear brief", "pays on time"), List.of("wants it yesterday", "unlimited revisions"), "en");
        Lead hurried = new Lead(Relationship.STRANGER, "logo", "A logo for my bakery. I have a clear brief and I want"
                + " it yesterday.", null, NO, false);

        Screening screening = Screener.screen(hurried, traits);

        assertThat(screening.finding(RedFlag.UNWANTED_TRAIT).traits()).containsExactly("wants it yesterday");
        assertThat(screening.finding(RedFlag.UNWANTED_TRAIT).reason())
                .isEqualTo("Matches what you don’t want in a client: “wants it yesterday”.");
        assertThat(screening.matchedIdealTraits()).containsExactly("clear brief");
        assertThat(screening.recommendation()).isEqualTo(Recommendation.REVIEW);

        Lead calm = new Lead(Relationship.STRANGER, "logo", "A logo for my bakery by March.", null, NO, false);
        Screening clean = Screener.screen(calm, traits);
        assertThat(clean.flags()).isEmpty();
        assertThat(clean.matchedIdealTraits()).isEmpty();
        assertThat(clean.recommendation()).isEqualTo(Recommendation.ACCEPT);
    }

    @Test
    void traits_match_in_the_leads_language_with_its_endings() {
        ScreeningPolicy turkish = new ScreeningPolicy(List.of(), null, FriendsAndFamilyPolicy.REVIEW, List.of(),
                List.of("acil teslim"), "tr");
        Screening screening = Screener.screen(new Lead(Relationship.STRANGER, "logo", "Acil teslimat istiyorum",
                null, NO, false), turkish);
        assertThat(screening.finding(RedFlag.UNWANTED_TRAIT).traits()).containsExactly("acil teslim");
        assertThat(screening.finding(RedFlag.UNWANTED_TRAIT).reason())
                .isEqualTo("Bir müşteride istemediğiniz özelliklerle örtüşüyor: “acil teslim”.");
    }

    @Test
    void reasons_follow_the_seeds_in_the_workspace_language() {
        ScreeningPolicy english = new ScreeningPolicy(List.of("web design"), null, FriendsAndFamilyPolicy.REVIEW,
                List.of(), List.of(), "en");
        Lead rude = new Lead(Relationship.STRANGER, "plumbing", null, null, signals(3), false);
        Screening screening = Screener.screen(rude, english);
        assertThat(screening.finding(RedFlag.OUTSIDE_SERVICES).reason())
                .contains("services, skills or values").contains("“well, I guess I can do this”");
        assertThat(screening.finding(RedFlag.DISRESPECTFUL).reason())
                .contains("ethics").contains("boundaries").contains("draining");

        ScreeningPolicy bulgarian = new ScreeningPolicy(List.of("web design"), null, FriendsAndFamilyPolicy.REVIEW,
                List.of(), List.of(), "bg-BG");
        assertThat(Screener.screen(rude, bulgarian).finding(RedFlag.OUTSIDE_SERVICES).reason())
                .contains("„Е, предполагам, че мога да направя и това“");
        ScreeningPolicy german = new ScreeningPolicy(List.of("web design"), null, FriendsAndFamilyPolicy.REVIEW,
                List.of(), List.of(), "de");
        assertThat(Screener.screen(rude, german).finding(RedFlag.DISRESPECTFUL).reason())
                .isEqualTo(screening.finding(RedFlag.DISRESPECTFUL).reason());
    }

    @Test
    void every_flag_has_its_own_reason_in_every_language() {
        for (RedFlag flag : RedFlag.values()) {
            String english = ScreeningReasons.reason(flag, "en", List.of("x"));
            for (String language : ScreeningReasons.LANGUAGES) {
                String reason = ScreeningReasons.reason(flag, language, List.of("x"));
                assertThat(reason).as(flag + " in " + language).isNotBlank().doesNotContain("{");
                if (!language.equals("en")) {
                    assertThat(reason).as(flag + " in " + language).isNotEqualTo(english);
                }
            }
        }
    }

    @Test
    void a_fresh_policy_names_the_settings_whose_checks_it_skips() {
        Screening fresh = Screener.screen(withBudget("1", "EUR"), new ScreeningPolicy(List.of(), null,
                FriendsAndFamilyPolicy.REVIEW));
        assertThat(fresh.flags()).isEmpty();
        assertThat(fresh.missingSettings()).containsExactly("servicesOffered", "minimumBudget");
        assertThat(Screener.screen(withBudget("1", "EUR"), OPEN).missingSettings()).isEmpty();
    }
}
