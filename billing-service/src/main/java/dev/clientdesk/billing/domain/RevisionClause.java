package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.util.List;

/**
 * How many revisions the fee includes and what each further one costs; a revision fee of zero makes them free,
 * and "none included" has a sentence of its own rather than "0 revisions".
 */
final class RevisionClause {

    private RevisionClause() {
    }

    static List<String> lines(TermsSheet.Facts facts, TermsPhrases phrases) {
        int included = facts.terms().includedRevisions();
        Money fee = facts.terms().revisionFee();
        String priced = fee.amount().signum() == 0 ? "free" : "paid";
        String price = phrases.money(fee);
        return List.of(included == 0 ? phrases.text("revisions.none." + priced, "fee", price)
                : phrases.counted("revisions." + priced, included, "fee", price));
    }
}
