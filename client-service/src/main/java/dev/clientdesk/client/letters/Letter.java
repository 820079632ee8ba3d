package dev.clientdesk.client.letters;

/** A rendered letter, ready to send. */
public record Letter(LetterKind kind, String locale, String subject, String body) {
}
