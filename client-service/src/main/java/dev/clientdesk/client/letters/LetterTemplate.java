package dev.clientdesk.client.letters;

import dev.clientdesk.kit.text.Texts;

import java.util.List;
import java.util.Set;

/** A subject and a body with {placeholders}; only the known placeholders are allowed. */
public record LetterTemplate(String subject, String body) {

    public static final Set<String> PLACEHOLDERS =
            Set.of("clientName", "service", "reasonParagraph", "referralParagraph", "signature");

    /** The placeholders a workspace wrote that the renderer would not fill. */
    public List<String> unknownPlaceholders() {
        return Texts.unknownPlaceholders(subject + "\n" + body, PLACEHOLDERS);
    }
}
