package dev.clientdesk.client.letters;

import dev.clientdesk.kit.text.Texts;

import java.util.List;

/** A subject and a body with {placeholders}; only the placeholders of its letter kind are allowed. */
public record LetterTemplate(String subject, String body) {

    /** The placeholders a workspace wrote that the renderer would not fill for this kind. */
    public List<String> unknownPlaceholders(LetterKind kind) {
        return Texts.unknownPlaceholders(subject + "\n" + body, kind.placeholders());
    }
}
