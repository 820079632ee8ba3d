package dev.clientdesk.followup.domain;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class FollowUpTemplatesTest {

    private static final FollowUpTemplates TEMPLATES = FollowUpTemplates.load();
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    static List<String> languages() {
        return FollowUpTemplates.LANGUAGES;
    }

    private static Conversation invoice() {
        return Conversation.open("t", UUID.randomUUID(), UUID.randomUUID(), Conversation.Kind.INVOICE_PAYMENT,
                "Invoice 2026-0042", Map.of("invoiceNumber", "2026-0042", "amount", "1000.00 EUR",
                        "dueDate", "2026-11-16"), T0, Duration.ofDays(7), T0);
    }

    @ParameterizedTest
    @MethodSource("languages")
    void invoice_drafts_name_the_invoice_amount_and_due_date_with_nothing_left_unfilled(String language) {
        for (String name : new String[] {"Aigerim", null}) {
            FollowUpTemplates.Draft draft = TEMPLATES.draft(invoice(), name, language);
            assertThat(draft.language()).isEqualTo(language);
            assertThat(draft.subject()).contains("2026-0042").doesNotContain("{", "}");
            assertThat(draft.body()).contains("2026-0042", "1000.00 EUR", "2026-11-16").doesNotContain("{", "}");
            if (name != null) {
                assertThat(draft.body()).contains(name);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("languages")
    void message_drafts_name_the_subject_and_ask_a_question(String language) {
        Conversation manual = Conversation.open("t", UUID.randomUUID(), null, Conversation.Kind.MANUAL,
                "Spring campaign", Map.of(), T0, Duration.ofDays(7), T0);
        FollowUpTemplates.Draft draft = TEMPLATES.draft(manual, "Nino", language);
        assertThat(draft.body()).contains("Spring campaign", "Nino", "?").doesNotContain("{", "}");
    }

    @ParameterizedTest
    @MethodSource("languages")
    void an_unsupported_locale_falls_back_to_english_and_a_region_is_ignored(String language) {
        assertThat(TEMPLATES.draft(invoice(), "X", language + "-XX").language()).isEqualTo(language);
        assertThat(TEMPLATES.draft(invoice(), "X", "pt-BR").language()).isEqualTo("en");
    }

    @org.junit.jupiter.api.Test
    void the_english_draft_is_calm_asks_whether_they_go_ahead_and_never_apologises() {
        String body = TEMPLATES.draft(invoice(), "Sam", "en").body().toLowerCase();
        assertThat(body).contains("do you still intend to go ahead", "plan my other work");
        assertThat(body).doesNotContain("sorry", "apolog", "urgent", "asap", "!", "immediately");
    }
}
