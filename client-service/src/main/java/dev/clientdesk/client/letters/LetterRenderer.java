package dev.clientdesk.client.letters;

import dev.clientdesk.client.domain.Ending;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.LocaleFormat;
import dev.clientdesk.kit.text.Texts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Fills a letter. A decline follows one order (docs/domain.md#declining): thanks, a clear no, the reason only if
 * you choose to give it, the referral when there is one and always an encouraging close. A termination says what
 * billing will do for the way it ends. A paragraph whose value is absent is left out whole; a placeholder left
 * unfilled is a bug, never sent to a client.
 */
public final class LetterRenderer {

    private final LetterCatalogue catalogue;

    public LetterRenderer(LetterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /**
     * @param freeResourcesUrl the workspace's own free resources, or null
     * @param budget the budget the client mentioned, or null
     * @param ending how a relationship ends (TERMINATION only; null means the defaults)
     * @param date the day the letter is written, in the client's time zone
     */
    public record Context(String clientName, String service, String reason, List<String> referrals,
            String signature, String freeResourcesUrl, Money budget, Ending ending, LocalDate date) {

        public Context {
            referrals = referrals == null ? List.of() : List.copyOf(referrals);
            ending = ending == null ? Ending.DEFAULT : ending;
        }
    }

    /** @param override the workspace's own template for this kind and language, or null for the built-in one */
    public Letter render(LetterKind kind, String locale, LetterTemplate override, Context context) {
        String language = LetterCatalogue.language(locale);
        LetterTemplate template = override != null ? override : catalogue.template(kind, language);
        Phrases phrases = new Phrases(language);
        Map<String, String> values = new HashMap<>();
        values.put("clientName", context.clientName());
        values.put("signature", context.signature() == null ? "" : context.signature().strip());
        values.put("service", blank(context.service()) ? phrases.get("service") : context.service().strip());
        switch (kind) {
            case ACCEPTANCE -> values.put("budgetParagraph", context.budget() == null ? ""
                    : phrases.get("budget", "budget", phrases.format.money(context.budget())));
            case DECLINE -> {
                values.put("reasonParagraph", reason(phrases, context.reason()));
                values.put("referralParagraph", paragraphs(referral(phrases, context.referrals()),
                        blank(context.freeResourcesUrl()) ? phrases.get("encouragement")
                                : phrases.get("encouragement.link", "url", context.freeResourcesUrl().strip())));
            }
            case TERMINATION -> {
                Ending ending = context.ending();
                String date = phrases.format.date(context.date());
                values.put("reasonParagraph", reason(phrases, context.reason()));
                values.put("endingParagraph", phrases.get("ending." + ending.endedBy()));
                values.put("settlementParagraph", paragraphs(
                        phrases.get(ending.finishCommittedWork() ? "work.finish" : "work.stop", "date", date),
                        phrases.get("fee." + ending.endedBy()) + " " + phrases.get("refund")));
                values.put("referralParagraph", paragraphs(referral(phrases, context.referrals()),
                        phrases.get("farewell")));
            }
        }
        return new Letter(kind, language, Texts.fill(template.subject(), values).strip(),
                tidy(Texts.fill(template.body(), values)));
    }

    private static String reason(Phrases phrases, String reason) {
        return blank(reason) ? "" : phrases.get("reason", "reason", sentence(reason));
    }

    /** "A", "A and B", "A, B and C" in the letter's language; "" for nobody. */
    private static String referral(Phrases phrases, List<String> partners) {
        if (partners.isEmpty()) {
            return "";
        }
        String names = partners.size() == 1 ? partners.get(0)
                : String.join(", ", partners.subList(0, partners.size() - 1)) + " " + phrases.get("and") + " "
                        + partners.get(partners.size() - 1);
        return phrases.get("referral." + phrases.format.pluralCategory(partners.size()), "partners", names);
    }

    private static String paragraphs(String first, String second) {
        return first.isEmpty() ? second : first + "\n\n" + second;
    }

    /** A reason as one sentence: inner whitespace collapsed, a full stop added unless it ends with one. */
    private static String sentence(String text) {
        String oneLine = text.strip().replaceAll("\\s+", " ");
        return oneLine.matches(".*[.!?…]$") ? oneLine : oneLine + ".";
    }

    /** Empty optional paragraphs leave no holes: at most one blank line between paragraphs. */
    private static String tidy(String body) {
        return body.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The catalogue's phrases of one language, with its formats. */
    private final class Phrases {

        private final String language;
        private final LocaleFormat format;

        Phrases(String language) {
            this.language = language;
            this.format = LocaleFormat.of(language);
        }

        String get(String key) {
            String phrase = catalogue.phrase(language, key);
            if (phrase == null) {
                throw new IllegalStateException("missing letter phrase " + key + " for " + language);
            }
            return phrase;
        }

        String get(String key, String placeholder, String value) {
            return get(key).replace("{" + placeholder + "}", value);
        }
    }
}
