package dev.clientdesk.followup.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.LocaleFormat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every follow-up text in every language, rendered in every situation it can meet. */
class FollowUpTemplatesTest {

    private static final FollowUpTemplates TEMPLATES = FollowUpTemplates.load();
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-11-16");
    private static final LocalDate BEFORE_DUE = LocalDate.parse("2026-11-09");
    private static final LocalDate ON_DUE_DATE = DUE;
    private static final LocalDate AFTER_DUE = LocalDate.parse("2026-11-17");
    private static final String SIGNATURE = "Elif Demir\nStudio Elif";
    private static final List<Money> AMOUNTS = List.of(Money.of("1250.00", "EUR"), Money.of("150000", "JPY"),
            Money.of("1234.500", "KWD"));

    /**
     * The question every nudge asks (why no reply, and say so if not going ahead), in each language: the first
     * nudge's and the second's wording of it.
     */
    private static final Map<String, List<String>> QUESTION = Map.of(
            "en", List.of("If you have decided not to go ahead, please just tell me",
                    "If you are no longer going ahead, a short note saying so is enough"),
            "tr", List.of("Devam etmemeye karar verdiyseniz lütfen bunu bana bildirin",
                    "Artık devam etmeyecekseniz bunu belirten kısa bir mesaj yeterli"),
            "kk", List.of("Егер жұмысты жалғастырмауды шешсеңіз, маған жай ғана хабарлаңыз",
                    "Егер жұмысты енді жалғастырмайтын болсаңыз, осы туралы қысқа хат жазсаңыз жеткілікті"),
            "ka", List.of("თუ თანამშრომლობის გაგრძელებას აღარ აპირებთ, გთხოვთ, შემატყობინოთ",
                    "თუ თანამშრომლობას აღარ აგრძელებთ, საკმარისია მოკლე წერილი"),
            "bg", List.of("Ако сте решили да не продължим, просто ми кажете",
                    "Ако вече не смятате да продължим, кратко съобщение е достатъчно"));
    /** Why there has been no reply: asked in both nudges. */
    private static final Map<String, List<String>> WHY = Map.of(
            "en", List.of("is anything in the way?", "I would be glad to know the reason"),
            "tr", List.of("bir engel mi çıktı?", "nedenini öğrenmek isterim"),
            "kk", List.of("бір кедергі туындады ма?", "себебін білгім келеді"),
            "ka", List.of("მაინტერესებს, რა არის ამის მიზეზი", "მსურს, გავიგო მიზეზი"),
            "bg", List.of("възникнало ли е нещо?", "ще се радвам да разбера причината"));
    /** Before the due date: did the invoice arrive? */
    private static final Map<String, String> ARRIVED = Map.of("en", "Did it reach you", "tr", "elinize ulaştı mı",
            "kk", "Шот сізге жетті ме?", "ka", "მიიღეთ ინვოისი?", "bg", "Получихте ли я");
    /** After the due date: it has passed. */
    private static final Map<String, String> PASSED = Map.of("en", "has passed", "tr", "geçti", "kk", "өт",
            "ka", "გავიდა", "bg", "мина");
    private static final Map<String, String> CLOSING = Map.of("en", "Best regards", "tr", "Saygılarımla",
            "kk", "Құрметпен", "ka", "პატივისცემით", "bg", "С уважение");

    static List<String> languages() {
        return FollowUpTemplates.LANGUAGES;
    }

    private static Conversation invoice(Money amount, LocalDate due) {
        Map<String, String> details = new HashMap<>(Map.of("invoiceNumber", "2026-0042", "amount", amount.toString()));
        if (due != null) {
            details.put("dueDate", due.toString());
        }
        return Conversation.open("t", UUID.randomUUID(), UUID.randomUUID(), Conversation.Kind.INVOICE_PAYMENT,
                "Invoice 2026-0042", details, T0, Duration.ofDays(7), T0);
    }

    private static Conversation message() {
        return Conversation.open("t", UUID.randomUUID(), null, Conversation.Kind.MANUAL, "Spring campaign", Map.of(),
                T0, Duration.ofDays(7), T0);
    }

    record Case(String what, Conversation conversation, LocalDate today, Money amount) {
    }

    private static List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        for (Money amount : AMOUNTS) {
            cases.add(new Case("invoice before its due date in " + amount.currency(), invoice(amount, DUE), BEFORE_DUE,
                    amount));
            cases.add(new Case("invoice on its due date in " + amount.currency(), invoice(amount, DUE), ON_DUE_DATE,
                    amount));
            cases.add(new Case("invoice after its due date in " + amount.currency(), invoice(amount, DUE), AFTER_DUE,
                    amount));
            cases.add(new Case("invoice without a due date in " + amount.currency(), invoice(amount, null), AFTER_DUE,
                    amount));
        }
        cases.add(new Case("message", message(), AFTER_DUE, null));
        return cases;
    }

    @ParameterizedTest
    @MethodSource("languages")
    void every_template_renders_whole_sentences_with_the_question_closing_and_signature(String language) {
        LocaleFormat format = LocaleFormat.of(language);
        for (Case c : cases()) {
            for (String name : new String[] {"Aigerim", null}) {
                for (String signature : new String[] {SIGNATURE, null}) {
                    String[] bodies = new String[2];
                    for (int attempt = 1; attempt <= 2; attempt++) {
                        String what = language + ", " + c.what() + ", nudge " + attempt + ", name " + name
                                + ", signature " + (signature != null);
                        FollowUpTemplates.Draft draft = TEMPLATES.draft(c.conversation(), attempt, name, language,
                                signature, c.today());
                        String body = draft.body();
                        bodies[attempt - 1] = body;
                        assertThat(draft.language()).as(what).isEqualTo(language);
                        assertWellFormed(what, draft.subject());
                        assertWellFormed(what, body);
                        assertThat(body).as(what).contains(QUESTION.get(language).get(attempt - 1),
                                WHY.get(language).get(attempt - 1));
                        if (name != null) {
                            assertThat(body.lines().findFirst().orElseThrow()).as(what).contains(name);
                        }
                        String ending = signature == null ? CLOSING.get(language) + "\n"
                                : CLOSING.get(language) + ",\n" + SIGNATURE + "\n";
                        assertThat(body).as(what).endsWith("\n\n" + ending);
                        if (c.amount() != null) {
                            assertThat(draft.subject()).as(what).contains("2026-0042");
                            assertThat(body).as(what).contains("2026-0042", format.money(c.amount()));
                        } else {
                            assertThat(draft.subject()).as(what).isEqualTo("Spring campaign");
                            assertThat(body).as(what).contains("Spring campaign");
                        }
                    }
                    assertThat(bodies[1]).as(language + ", " + c.what() + ": the second nudge has its own text")
                            .isNotEqualTo(bodies[0]);
                    assertThat(bodies[1].lines().skip(2).findFirst()).isNotEqualTo(bodies[0].lines().skip(2).findFirst());
                }
            }
        }
    }

    /** No unfilled placeholder, doubled space, space before punctuation, dangling blank line or raw ISO date. */
    private static void assertWellFormed(String what, String text) {
        assertThat(text).as(what).doesNotContain("{", "}", "\n\n\n", "ძვირფასო")
                .doesNotContainPattern("[ \u00a0]{2,}")
                .doesNotContainPattern("[ \u00a0][,.!?:;)]")
                .doesNotContainPattern("\\(\\s")
                .doesNotContainPattern("(?m)[ \u00a0]$")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void an_invoice_nudge_fits_where_the_invoice_stands(String language) {
        LocaleFormat format = LocaleFormat.of(language);
        Money amount = Money.of("1250.00", "EUR");
        for (int attempt = 1; attempt <= 2; attempt++) {
            String before = TEMPLATES.draft(invoice(amount, DUE), attempt, "Aigerim", language, null, BEFORE_DUE).body();
            String onTheDay = TEMPLATES.draft(invoice(amount, DUE), attempt, "Aigerim", language, null, ON_DUE_DATE)
                    .body();
            String after = TEMPLATES.draft(invoice(amount, DUE), attempt, "Aigerim", language, null, AFTER_DUE).body();
            String undated = TEMPLATES.draft(invoice(amount, null), attempt, "Aigerim", language, null, AFTER_DUE)
                    .body();
            assertThat(before).as("due on the day").isEqualTo(onTheDay);
            assertThat(before).contains(format.date(DUE)).doesNotContain(PASSED.get(language));
            assertThat(after).contains(format.date(DUE), PASSED.get(language)).doesNotContain(ARRIVED.get(language));
            assertThat(undated).doesNotContain(format.date(DUE), PASSED.get(language));
            if (attempt == 1) {
                assertThat(before).contains(ARRIVED.get(language));
                assertThat(undated).contains(ARRIVED.get(language));
            }
        }
    }

    @Test
    void greetings_address_the_client_as_a_native_letter_would() {
        Conversation manual = message();
        assertThat(TEMPLATES.draft(manual, 1, "Aigerim", "kk", null, AFTER_DUE).body()).startsWith("Құрметті Aigerim!\n\n");
        assertThat(TEMPLATES.draft(manual, 1, "Nino", "ka", null, AFTER_DUE).body()).startsWith("პატივცემულო Nino,\n\n");
        assertThat(TEMPLATES.draft(manual, 1, null, "ka", null, AFTER_DUE).body()).startsWith("მოგესალმებით,\n\n");
        assertThat(TEMPLATES.draft(manual, 1, "Sam", "en", null, AFTER_DUE).body()).startsWith("Hello Sam,\n\n");
    }

    @Test
    void amounts_keep_their_currencys_decimals_and_dates_are_written_out() {
        String yen = TEMPLATES.draft(invoice(Money.of("150000", "JPY"), DUE), 1, "Sam", "en", null, BEFORE_DUE).body();
        assertThat(yen).contains("JPY\u00a0150,000,").contains("16 November 2026");
        String dinar = TEMPLATES.draft(invoice(Money.of("1234.500", "KWD"), DUE), 1, "Ivan", "bg", null, AFTER_DUE)
                .body();
        assertThat(dinar).contains("234,500\u00a0KWD", "16.11.2026");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void an_unsupported_locale_falls_back_to_english_and_a_region_is_ignored(String language) {
        Conversation c = invoice(Money.of("10.00", "EUR"), DUE);
        assertThat(TEMPLATES.draft(c, 1, "X", language + "-XX", null, BEFORE_DUE).language()).isEqualTo(language);
        assertThat(TEMPLATES.draft(c, 1, "X", "pt-BR", null, BEFORE_DUE).language()).isEqualTo("en");
    }

    @Test
    void the_english_drafts_are_calm_and_never_apologise() {
        for (LocalDate today : List.of(BEFORE_DUE, AFTER_DUE)) {
            for (int attempt = 1; attempt <= 2; attempt++) {
                String body = TEMPLATES.draft(invoice(Money.of("10.00", "EUR"), DUE), attempt, "Sam", "en", null, today)
                        .body().toLowerCase();
                assertThat(body).contains("plan my other work");
                assertThat(body).doesNotContain("sorry", "apolog", "urgent", "asap", "!", "immediately");
            }
        }
    }

    @Test
    void an_invoice_conversation_without_its_details_cannot_be_drafted() {
        Conversation broken = Conversation.open("t", UUID.randomUUID(), UUID.randomUUID(),
                Conversation.Kind.INVOICE_PAYMENT, "Broken", Map.of(), T0, Duration.ofDays(7), T0);
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> TEMPLATES.draft(broken, 1, "X", "en", null, BEFORE_DUE)).isInstanceOf(IllegalStateException.class);
    }
}
