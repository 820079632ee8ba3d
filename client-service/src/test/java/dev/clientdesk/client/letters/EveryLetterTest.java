package dev.clientdesk.client.letters;

import dev.clientdesk.client.domain.EndedBy;
import dev.clientdesk.client.domain.Ending;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.LocaleFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every built-in letter in every language, rendered with the edge values a workspace meets: no, one and
 * several referral partners, a reason or none, a free-resources link or none, both ways of ending, budgets in
 * currencies with 0 and 3 decimals. Each result must read as a finished letter.
 */
class EveryLetterTest {

    private static final LetterCatalogue CATALOGUE = LetterCatalogue.load();
    private static final LetterRenderer RENDERER = new LetterRenderer(CATALOGUE);
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 9);
    private static final String SIGNATURE = "Elif Kaya, Studio Nar";
    private static final String URL = "https://studionar.example/free-guides";
    private static final Map<String, String> CLOSING = Map.of("en", "Kind regards,", "tr", "Saygılarımla,",
            "kk", "Құрметпен,", "ka", "პატივისცემით,", "bg", "С уважение,");
    private static final List<List<String>> REFERRALS = List.of(List.of(),
            List.of("Ana Petrova (ana@example.bg)"),
            List.of("Ana Petrova (ana@example.bg)", "Giorgi Beridze (giorgi@example.ge)", "Dana Sarsen (dana@example.kz)"));
    private static final List<Money> BUDGETS = Arrays.asList(null, Money.of("0", "JPY"), Money.of("1250000", "JPY"),
            Money.of("1234.567", "KWD"), Money.of("0.005", "BHD"), Money.of("4000.50", "EUR"));
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** What an empty value leaves behind: a space before punctuation, empty brackets, a colon with nothing after. */
    private static final Pattern HOLE = Pattern.compile(" [.,;:!?)]|\\(\\)|:\\s*[.\\n]|:$|(?<!\\.)\\.\\.(?!\\.)|,\\.",
            Pattern.MULTILINE);

    static Stream<String> languages() {
        return LetterCatalogue.LANGUAGES.stream();
    }

    record Case(LetterKind kind, LetterRenderer.Context context) {
    }

    static List<Case> everyCase() {
        List<Case> cases = new ArrayList<>();
        for (Money budget : BUDGETS) {
            for (String service : Arrays.asList("brand identity", null)) {
                cases.add(new Case(LetterKind.ACCEPTANCE, new LetterRenderer.Context("Aigerim Nurlanovna", service,
                        null, List.of(), SIGNATURE, URL, budget, null, TODAY)));
            }
        }
        for (List<String> referrals : REFERRALS) {
            for (String reason : Arrays.asList("it is outside the services I offer", null, "  two\n lines  ")) {
                for (String url : Arrays.asList(URL, null)) {
                    cases.add(new Case(LetterKind.DECLINE, new LetterRenderer.Context("Aigerim Nurlanovna", null,
                            reason, referrals, SIGNATURE, url, Money.of("1234.567", "KWD"), null, TODAY)));
                }
                for (EndedBy endedBy : EndedBy.values()) {
                    for (boolean finish : new boolean[] {true, false}) {
                        cases.add(new Case(LetterKind.TERMINATION, new LetterRenderer.Context("Aigerim Nurlanovna",
                                "brand identity", reason, referrals, SIGNATURE, URL, Money.of("0", "JPY"),
                                new Ending(endedBy, finish), TODAY)));
                    }
                }
            }
        }
        return cases;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void every_letter_reads_as_a_finished_letter_with_its_closing_and_signature(String language) {
        List<Case> cases = everyCase();
        assertThat(cases.stream().map(Case::kind).distinct()).containsExactlyInAnyOrder(LetterKind.values());
        for (Case c : cases) {
            Letter letter = RENDERER.render(c.kind(), language, null, c.context());
            String what = c.kind() + "/" + language + " " + c.context();
            String body = letter.body();

            assertThat(letter.locale()).isEqualTo(language);
            assertThat(letter.subject()).as(what).isNotBlank().doesNotContain("{", "}", "  ");
            assertThat(body).as(what)
                    .doesNotContain("{", "}")
                    .doesNotContain("  ")
                    .doesNotContain("\n\n\n")
                    .doesNotContainPattern(ISO_DATE)
                    .doesNotContainPattern(HOLE)
                    .doesNotContain("null")
                    .contains("Aigerim Nurlanovna")
                    .endsWith("\n\n" + CLOSING.get(language) + "\n" + SIGNATURE + "\n");
            assertThat(body.lines()).as(what).allMatch(line -> line.equals(line.strip()));
            if (!language.equals("ka")) { // Georgian script has no capitals in running text
                assertThat(body.lines().filter(line -> !line.isEmpty())).as(what + ": every line starts a sentence")
                        .allMatch(line -> !Character.isLowerCase(line.codePointAt(0)));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void money_in_an_acceptance_goes_through_the_locale_format_with_all_of_its_decimals(String language) {
        LocaleFormat format = LocaleFormat.of(language);
        for (Money budget : BUDGETS.subList(1, BUDGETS.size())) {
            String body = render(LetterKind.ACCEPTANCE, language, budget, null, List.of(), null, null).body();
            String shown = format.money(budget);
            assertThat(body).contains(shown);
            int decimals = Money.fractionDigits(budget.currency());
            String digits = shown.replaceAll("[^0-9.,]", "");
            if (decimals == 0) {
                assertThat(digits).as(shown).doesNotMatch(".*[.,]\\d{1,2}$");
            } else {
                assertThat(digits).as(shown).matches(".*[.,]\\d{" + decimals + "}$");
            }
        }
        assertThat(render(LetterKind.ACCEPTANCE, language, Money.of("1234.567", "KWD"), null, List.of(), null, null)
                .body()).doesNotContain("1234.567");
        assertThat(render(LetterKind.ACCEPTANCE, language, null, null, List.of(), null, null).body())
                .doesNotContain(CATALOGUE.phrase(language, "budget").split("\\{")[0].strip());
    }

    @ParameterizedTest
    @MethodSource("languages")
    void a_decline_keeps_the_referral_and_the_encouragement_with_a_plural_for_several_colleagues(String language) {
        String none = render(LetterKind.DECLINE, language, null, null, REFERRALS.get(0), null, null).body();
        String one = render(LetterKind.DECLINE, language, null, null, REFERRALS.get(1), null, null).body();
        String several = render(LetterKind.DECLINE, language, null, URL, REFERRALS.get(2), null, null).body();

        String singular = CATALOGUE.phrase(language, "referral.one").split("\\{")[0];
        String plural = CATALOGUE.phrase(language, "referral.other").split("\\{")[0];
        assertThat(none).doesNotContain(singular, plural).contains(CATALOGUE.phrase(language, "encouragement"));
        assertThat(one).contains(singular + "Ana Petrova (ana@example.bg).").doesNotContain(plural)
                .contains(CATALOGUE.phrase(language, "encouragement"));
        assertThat(several).contains(plural + "Ana Petrova (ana@example.bg), Giorgi Beridze (giorgi@example.ge) "
                        + CATALOGUE.phrase(language, "and") + " Dana Sarsen (dana@example.kz).")
                .contains(CATALOGUE.phrase(language, "encouragement.link").replace("{url}", URL))
                .doesNotContain(CATALOGUE.phrase(language, "encouragement"));
        assertThat(several.indexOf(plural)).isLessThan(several.indexOf(URL));
    }

    @ParameterizedTest
    @MethodSource("languages")
    void a_termination_says_exactly_what_billing_does_for_each_way_of_ending(String language) {
        String date = LocaleFormat.of(language).date(TODAY);
        for (EndedBy endedBy : EndedBy.values()) {
            for (boolean finish : new boolean[] {true, false}) {
                String body = render(LetterKind.TERMINATION, language, null, null, List.of(), null,
                        new Ending(endedBy, finish)).body();
                String work = CATALOGUE.phrase(language, finish ? "work.finish" : "work.stop").replace("{date}", date);
                String otherWork = CATALOGUE.phrase(language, finish ? "work.stop" : "work.finish").replace("{date}", date);
                EndedBy other = endedBy == EndedBy.CLIENT ? EndedBy.FREELANCER : EndedBy.CLIENT;
                assertThat(body).as(endedBy + " finish=" + finish)
                        .contains(CATALOGUE.phrase(language, "ending." + endedBy), work,
                                CATALOGUE.phrase(language, "fee." + endedBy), CATALOGUE.phrase(language, "refund"),
                                date)
                        .doesNotContain(otherWork, CATALOGUE.phrase(language, "fee." + other),
                                CATALOGUE.phrase(language, "ending." + other));
            }
        }
    }

    @Test
    void the_english_letters_read_as_written() {
        String decline = render(LetterKind.DECLINE, "en", null, URL, REFERRALS.get(2), null, null).body();
        assertThat(decline).contains("Colleagues who can help you with this: Ana Petrova (ana@example.bg), "
                + "Giorgi Beridze (giorgi@example.ge) and Dana Sarsen (dana@example.kz).\n\nI wish you every success "
                + "with it; the free guides I publish at " + URL + " are a good place to start.");

        String accepted = render(LetterKind.ACCEPTANCE, "en", Money.of("1234.567", "KWD"), null, List.of(), null,
                null).body();
        assertThat(accepted).startsWith("Dear Aigerim Nurlanovna,\n\nThank you for choosing me for your project.")
                .contains("The terms will be built around the budget you mentioned, KWD\u00a01,234.567.")
                .contains("deposit");

        String ended = render(LetterKind.TERMINATION, "en", null, null, List.of(), null,
                new Ending(EndedBy.CLIENT, false)).body();
        assertThat(ended).contains("Here is what happens to the work: it stops on 9 March 2026.",
                "As you are ending the contract, the cancellation fee it sets out is due");
    }

    @Test
    void georgian_and_kazakh_letters_open_with_their_customary_address() {
        for (LetterKind kind : LetterKind.values()) {
            String ka = render(kind, "ka", null, null, List.of(), null, null).body();
            String kk = render(kind, "kk", null, null, List.of(), null, null).body();
            assertThat(ka).as(kind.name()).startsWith("პატივცემულო Aigerim Nurlanovna,\n").doesNotContain("ძვირფას");
            assertThat(kk).as(kind.name()).startsWith("Құрметті Aigerim Nurlanovna!\n");
        }
    }

    private static Letter render(LetterKind kind, String language, Money budget, String url, List<String> referrals,
            String reason, Ending ending) {
        return RENDERER.render(kind, language, null, new LetterRenderer.Context("Aigerim Nurlanovna", null, reason,
                referrals, SIGNATURE, url, budget, ending, TODAY));
    }
}
