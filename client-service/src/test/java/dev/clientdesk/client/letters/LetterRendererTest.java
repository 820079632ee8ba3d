package dev.clientdesk.client.letters;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class LetterRendererTest {

    private static final LetterCatalogue CATALOGUE = LetterCatalogue.load();
    private static final LetterRenderer RENDERER = new LetterRenderer(CATALOGUE);

    static LetterRenderer.Context context(String clientName, String service, String reason, List<String> referrals,
            String signature) {
        return new LetterRenderer.Context(clientName, service, reason, referrals, signature, null, null, null,
                LocalDate.of(2026, 11, 24));
    }

    static Stream<Arguments> everyKindAndLanguage() {
        return LetterCatalogue.LANGUAGES.stream()
                .flatMap(language -> Stream.of(LetterKind.values()).map(kind -> Arguments.of(kind, language)));
    }

    @ParameterizedTest
    @MethodSource("everyKindAndLanguage")
    void renders_every_language_with_no_placeholder_left(LetterKind kind, String language) {
        for (var context : List.of(
                context("Aigerim", "brand identity", "outside my services", List.of("Giorgi (g@example.ge)"), "Elif"),
                context("Aigerim", null, null, List.of(), ""))) {
            Letter letter = RENDERER.render(kind, language, null, context);

            assertThat(letter.locale()).isEqualTo(language);
            assertThat(letter.subject()).isNotBlank().doesNotContain("{", "}");
            assertThat(letter.body()).contains("Aigerim").doesNotContain("{", "}").doesNotContain("\n\n\n");
        }
    }

    @ParameterizedTest
    @MethodSource("everyLanguage")
    void a_decline_gives_the_reason_only_when_given_and_keeps_the_encouragement_beside_the_referral(String language) {
        Letter withReason = RENDERER.render(LetterKind.DECLINE, language, null,
                context("N", "web", "REASON-TEXT", List.of("PARTNER-NAME"), "SIG"));
        Letter without = RENDERER.render(LetterKind.DECLINE, language, null,
                context("N", "web", null, List.of(), "SIG"));

        assertThat(withReason.body()).contains("REASON-TEXT", "PARTNER-NAME", "SIG")
                .contains(CATALOGUE.phrase(language, "encouragement"));
        assertThat(without.body()).doesNotContain("REASON-TEXT", "PARTNER-NAME")
                .contains(CATALOGUE.phrase(language, "encouragement"));
    }

    static Stream<String> everyLanguage() {
        return LetterCatalogue.LANGUAGES.stream();
    }

    @Test
    void the_english_decline_follows_the_seed_order_and_never_apologises() {
        String body = RENDERER.render(LetterKind.DECLINE, "en", null, context("Sam",
                "a logo", "it is outside my services", List.of("Ana (ana@example.com)"), "Elif")).body();

        int thanks = body.indexOf("Thank you");
        int no = body.indexOf("decided not to take on");
        int reason = body.indexOf("it is outside my services");
        int referral = body.indexOf("Ana (ana@example.com)");
        assertThat(thanks).isNotNegative().isLessThan(no);
        assertThat(no).isLessThan(reason);
        assertThat(reason).isLessThan(referral);
        assertThat(body.toLowerCase()).doesNotContain("sorry", "apolog", "unfortunately", "maybe");
    }

    @Test
    void a_workspace_override_wins_and_an_unknown_language_falls_back_to_english() {
        LetterTemplate own = new LetterTemplate("Re: {service}", "Hi {clientName}, no thanks. {referralParagraph}\n{signature}");
        Letter letter = RENDERER.render(LetterKind.DECLINE, "kk-KZ", own,
                context("Dana", "SEO", null, List.of(), "Elif"));
        assertThat(letter.subject()).isEqualTo("Re: SEO");
        assertThat(letter.body()).startsWith("Hi Dana, no thanks.").contains("Elif");
        assertThat(letter.locale()).isEqualTo("kk");

        assertThat(RENDERER.render(LetterKind.DECLINE, "de", null,
                context("Jan", null, null, List.of(), "")).locale()).isEqualTo("en");
        assertThat(own.unknownPlaceholders(LetterKind.DECLINE)).isEmpty();
        assertThat(new LetterTemplate("{nope}", "{clientName} {amount}").unknownPlaceholders(LetterKind.DECLINE))
                .containsExactly("{nope}", "{amount}");
        assertThat(new LetterTemplate("Welcome", "{clientName} {budgetParagraph} {reasonParagraph}")
                .unknownPlaceholders(LetterKind.ACCEPTANCE)).containsExactly("{reasonParagraph}");
        assertThat(new LetterTemplate("Ending", "{endingParagraph} {settlementParagraph} {budgetParagraph}")
                .unknownPlaceholders(LetterKind.TERMINATION)).containsExactly("{budgetParagraph}");
    }
}
