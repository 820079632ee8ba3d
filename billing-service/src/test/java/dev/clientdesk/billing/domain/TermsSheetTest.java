package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The terms sheet in each language, rendered for edge values: 0, 1 and 3 included revisions, free and paid
 * revisions, stages with and without a date, no deposit, JPY (no decimals) and KWD (three), no cancellation
 * fee, no communication line.
 */
class TermsSheetTest {

    /** What a native reader expects to see in one language. Spaces stand for any space the format uses. */
    record Expected(String language, String fee, String percent, String date, String yen, String dinar,
            String deposit20, String noDeposit, String oneRevision, String threeRevisions, String noneIncluded,
            String furtherFree, String allFree, String clientCancels, String contractorEnds, String noFee,
            String notGuaranteed) {
        @Override
        public String toString() {
            return language;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("[{}]");
    private static final Pattern DOUBLED_SPACE = Pattern.compile("[ \u00a0\u202f]{2,}");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    /** How Money.toString() writes an amount: "250.00 EUR", with a plain space. */
    private static final Pattern RAW_MONEY = Pattern.compile("\\d [A-Z]{3}\\b");
    /** What an empty value leaves behind: "()", "„“", " ,", " .", a dangling colon. */
    private static final Pattern EMPTY_VALUE = Pattern.compile("\\(\\)|„“|“”|«»|\"\"|\\s[,.;:]|:$|^\\s|\\s$");
    /** A zero that is not part of a larger number: "0 days", "0 revisions", "JPY 0". */
    private static final Pattern BARE_ZERO = Pattern.compile("(?<![\\d.,])0(?![\\d.,])");
    private static final List<String> FORBIDDEN = List.of("kapora", "депозит", "ძვირფასო");

    private static final Instant NOW = Instant.parse("2026-11-02T10:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);

    private static final TermsSheet.Facts EUR = contract("1250.00", "EUR", "20",
            List.of(new Project.Stage("Design", new BigDecimal("40"), DAY),
                    new Project.Stage("Build", new BigDecimal("40"), null)),
            new Project.Terms(14, 1, Money.of("60.00", "EUR"), new BigDecimal("12.5"), 1, "Email on weekdays", "en"));
    private static final TermsSheet.Facts JPY = contract("125000", "JPY", "10",
            List.of(new Project.Stage("All", new BigDecimal("90"), null)),
            new Project.Terms(0, 0, Money.zero("JPY"), BigDecimal.ZERO, 48, null, "en"));
    private static final TermsSheet.Facts KWD = contract("1250.500", "KWD", "20",
            List.of(new Project.Stage("Draft", new BigDecimal("30"), DAY),
                    new Project.Stage("Final", new BigDecimal("50"), DAY.plusDays(21))),
            new Project.Terms(1, 3, Money.of("12.250", "KWD"), new BigDecimal("25"), 24, "  ", "en"));
    private static final TermsSheet.Facts NO_DEPOSIT = new TermsSheet.Facts("Audit", Money.of("1000.00", "EUR"),
            BigDecimal.ZERO, Money.zero("EUR"),
            List.of(new TermsSheet.Facts.Stage("Audit", new BigDecimal("100"), Money.of("1000.00", "EUR"), null)),
            new Project.Terms(30, 3, Money.zero("EUR"), BigDecimal.TEN, 2, null, "en"));
    private static final TermsSheet.Facts NONE_INCLUDED_PAID = contract("800.00", "EUR", "25",
            List.of(new Project.Stage("All", new BigDecimal("75"), null)),
            new Project.Terms(7, 0, Money.of("80.00", "EUR"), BigDecimal.TEN, 12, null, "en"));
    private static final TermsSheet.Facts ONE_FREE = contract("800.00", "EUR", "25",
            List.of(new Project.Stage("All", new BigDecimal("75"), null)),
            new Project.Terms(7, 1, Money.zero("EUR"), BigDecimal.TEN, 12, null, "en"));

    /** One test per language, each over every edge case above. */
    static Stream<Expected> languages() {
        return Stream.of(
                new Expected("en", "EUR 1,250.00", "12.5%", "15 December 2026", "JPY 125,000", "KWD 1,250.500",
                        "A deposit of 20% (EUR 250.00)", "No deposit is due",
                        "The fee includes 1 revision;", "The fee includes 3 revisions;",
                        "The fee includes no revisions; each revision costs EUR 80.00.",
                        "further revisions are free of charge", "Revisions are free of charge.",
                        "If the client cancels the project", "If the contractor ends the project",
                        "no cancellation fee is due", "possible, not guaranteed"),
                new Expected("tr", "1.250,00 EUR", "%12,5", "15.12.2026", "125.000 JPY", "1.250,500 KWD",
                        "%20 oranında ön ödeme (250,00 EUR)", "ön ödeme alınmaz",
                        "Ücrete 1 revizyon dahildir;", "Ücrete 3 revizyon dahildir;",
                        "Ücrete revizyon dahil değildir; her revizyon 80,00 EUR olarak ücretlendirilir.",
                        "ek revizyonlar da ücretsizdir", "Revizyonlar ücretsizdir.",
                        "Müşteri projeyi iptal ederse", "Hizmet veren projeyi sonlandırırsa",
                        "iptal ücreti alınmaz", "mümkündür, ancak garanti edilmez"),
                new Expected("kk", "1 250,00 EUR", "12,5%", "15.12.2026", "125 000 JPY", "1 250,500 KWD",
                        "20% мөлшерінде аванс (250,00 EUR)", "аванс төленбейді",
                        "Құнға 1 түзету кіреді;", "Құнға 3 түзету кіреді;",
                        "Құнға түзету кірмейді; әр түзетудің құны — 80,00 EUR.",
                        "қосымша түзетулер де тегін", "Түзетулер тегін жасалады.",
                        "Тапсырыс беруші жобадан бас тартса", "Орындаушы жобаны тоқтатса",
                        "бас тарту ақысы алынбайды", "мүмкін, бірақ оларға кепілдік берілмейді"),
                new Expected("ka", "1 250,00 EUR", "12,5%", "15.12.2026", "125 000 JPY", "1 250,500 KWD",
                        "ავანსი: ღირებულების 20% (250,00 EUR)", "ავანსი არ გადაიხდება",
                        "ღირებულებაში შედის 1 შესწორება;", "ღირებულებაში შედის 3 შესწორება;",
                        "ღირებულებაში შესწორებები არ შედის; თითოეული შესწორება ღირს 80,00 EUR.",
                        "დამატებითი შესწორებებიც უფასოა", "შესწორებები უფასოა.",
                        "თუ დამკვეთი პროექტს გააუქმებს", "თუ შემსრულებელი პროექტს შეწყვეტს",
                        "გაუქმების საფასური არ გადაიხდება", "შესაძლებელია, მაგრამ გარანტირებული არ არის"),
                new Expected("bg", "1 250,00 EUR", "12,5 %", "15.12.2026 г.", "125 000 JPY", "1 250,500 KWD",
                        "аванс в размер на 20 % от цената (250,00 EUR)", "не се плаща аванс",
                        "В цената е включена 1 корекция;", "В цената са включени 3 корекции;",
                        "В цената не са включени корекции; всяка корекция струва 80,00 EUR.",
                        "следващите корекции също са безплатни", "Корекциите са безплатни.",
                        "Ако клиентът прекрати проекта", "Ако изпълнителят прекрати проекта",
                        "не се дължи такса за прекратяване", "възможни, но не са гарантирани"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("languages")
    void reads_well_with_edge_values(Expected expected) {
        for (TermsSheet.Facts facts : List.of(EUR, JPY, KWD, NO_DEPOSIT, NONE_INCLUDED_PAID, ONE_FREE)) {
            TermsSheet.Sheet sheet = TermsSheet.of(facts, expected.language());
            assertThat(sheet.language()).isEqualTo(expected.language());
            everyLineReadsWell(sheet);
            assertThat(sheet.terms()).as("the results are possible, not promised")
                    .anyMatch(line -> line.contains(expected.notGuaranteed()));
            assertThat(line(sheet, expected.contractorEnds())).as("the contractor ending it never owes a fee")
                    .contains(expected.noFee());
        }

        List<String> eur = plain(TermsSheet.of(EUR, expected.language()));
        assertThat(eur).anyMatch(line -> line.contains(expected.fee()))
                .anyMatch(line -> line.contains(expected.date()))
                .anyMatch(line -> line.contains(expected.deposit20()))
                .anyMatch(line -> line.contains(expected.oneRevision()))
                .anyMatch(line -> line.contains("Email on weekdays"));
        assertThat(line(eur, expected.clientCancels())).contains(expected.percent()).doesNotContain(expected.noFee());

        List<String> yen = plain(TermsSheet.of(JPY, expected.language()));
        assertThat(String.join("\n", yen)).contains(expected.yen());
        assertThat(line(yen, expected.clientCancels())).as("no cancellation fee: its own sentence")
                .contains(expected.noFee()).doesNotContainPattern("\\d");
        assertThat(yen).as("0 revisions, 0 days, a fee of 0: sentences of their own, never a bare zero")
                .contains(expected.allFree()).noneMatch(line -> BARE_ZERO.matcher(line).find());

        List<String> dinar = plain(TermsSheet.of(KWD, expected.language()));
        assertThat(String.join("\n", dinar)).contains(expected.dinar());
        assertThat(dinar).anyMatch(line -> line.contains(expected.threeRevisions()) && line.contains("KWD"));

        List<String> noDeposit = plain(TermsSheet.of(NO_DEPOSIT, expected.language()));
        assertThat(noDeposit).anyMatch(line -> line.contains(expected.noDeposit()))
                .anyMatch(line -> line.contains(expected.threeRevisions().replaceAll(";$", ""))
                        && line.contains(expected.furtherFree()) && !line.contains("EUR"));

        assertThat(plain(TermsSheet.of(NONE_INCLUDED_PAID, expected.language()))).contains(expected.noneIncluded());
        assertThat(plain(TermsSheet.of(ONE_FREE, expected.language())))
                .anyMatch(line -> line.contains(expected.oneRevision()) && line.contains(expected.furtherFree())
                        && !line.contains("EUR"));
    }

    private static void everyLineReadsWell(TermsSheet.Sheet sheet) {
        List<String> lines = new ArrayList<>(sheet.terms());
        lines.add(sheet.title());
        for (String line : lines) {
            assertThat(line).as("unfilled placeholder").doesNotContainPattern(PLACEHOLDER)
                    .as("doubled space").doesNotContainPattern(DOUBLED_SPACE)
                    .as("raw ISO date").doesNotContainPattern(ISO_DATE)
                    .as("raw amount").doesNotContainPattern(RAW_MONEY)
                    .as("empty value").doesNotContainPattern(EMPTY_VALUE);
            FORBIDDEN.forEach(word -> assertThat(line.toLowerCase(java.util.Locale.ROOT)).doesNotContain(word));
        }
    }

    private static String line(TermsSheet.Sheet sheet, String start) {
        return line(plain(sheet), start);
    }

    private static String line(List<String> lines, String start) {
        return lines.stream().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting with " + start + " in " + lines));
    }

    /** The sheet with non-breaking spaces as plain ones, so expectations can be written plainly. */
    private static List<String> plain(TermsSheet.Sheet sheet) {
        return sheet.terms().stream().map(line -> line.replace('\u00a0', ' ').replace('\u202f', ' ')).toList();
    }

    private static TermsSheet.Facts contract(String fee, String currency, String deposit, List<Project.Stage> stages,
            Project.Terms terms) {
        return TermsSheet.Facts.of(Project.contract("t", UUID.randomUUID(), "Site", null, Money.of(fee, currency),
                new BigDecimal(deposit), stages, terms, NOW));
    }
}
