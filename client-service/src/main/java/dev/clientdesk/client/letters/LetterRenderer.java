package dev.clientdesk.client.letters;

import dev.clientdesk.kit.text.Texts;

import java.util.List;
import java.util.Map;

/**
 * Fills a letter in the seed's order: thanks, a clear no, the reason only if you choose to give it, then
 * encouragement or a referral. A placeholder left unfilled is a bug, never sent to a client.
 */
public final class LetterRenderer {

    private final LetterCatalogue catalogue;

    public LetterRenderer(LetterCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public record Context(String clientName, String service, String reason, List<String> referrals,
            String signature) {
    }

    /** @param override the workspace's own template for this kind and language, or null for the built-in one */
    public Letter render(LetterKind kind, String locale, LetterTemplate override, Context context) {
        String language = LetterCatalogue.language(locale);
        LetterTemplate template = override != null ? override : catalogue.template(kind, language);
        String referral = context.referrals() == null || context.referrals().isEmpty()
                ? catalogue.phrase(language, "encouragement")
                : catalogue.phrase(language, "referral").replace("{partners}", String.join(", ", context.referrals()));
        Map<String, String> values = Map.of(
                "clientName", context.clientName(),
                "service", blank(context.service()) ? catalogue.phrase(language, "service") : context.service().trim(),
                "reasonParagraph", blank(context.reason()) ? ""
                        : catalogue.phrase(language, "reason").replace("{reason}", context.reason().trim()),
                "referralParagraph", referral,
                "signature", context.signature() == null ? "" : context.signature());
        return new Letter(kind, language, Texts.fill(template.subject(), values).trim(), tidy(Texts.fill(template.body(), values)));
    }

    /** Empty optional paragraphs leave no holes: at most one blank line between paragraphs. */
    private static String tidy(String body) {
        return body.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip() + "\n";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
