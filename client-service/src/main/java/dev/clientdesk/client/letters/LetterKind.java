package dev.clientdesk.client.letters;

import java.util.Set;

/**
 * ACCEPTANCE welcomes a new client and says what happens next; DECLINE answers a lead with a clear no;
 * TERMINATION ends a working relationship and says what billing will do. Each fills its own placeholders.
 */
public enum LetterKind {
    ACCEPTANCE("clientName", "service", "budgetParagraph", "signature"),
    DECLINE("clientName", "service", "reasonParagraph", "referralParagraph", "signature"),
    TERMINATION("clientName", "service", "reasonParagraph", "endingParagraph", "settlementParagraph",
            "referralParagraph", "signature");

    private final Set<String> placeholders;

    LetterKind(String... placeholders) {
        this.placeholders = Set.of(placeholders);
    }

    public Set<String> placeholders() {
        return placeholders;
    }
}
