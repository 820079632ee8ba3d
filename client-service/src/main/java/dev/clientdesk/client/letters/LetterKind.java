package dev.clientdesk.client.letters;

/** DECLINE answers a lead with a clear no; TERMINATION ends a working relationship. */
public enum LetterKind {
    DECLINE, TERMINATION
}
