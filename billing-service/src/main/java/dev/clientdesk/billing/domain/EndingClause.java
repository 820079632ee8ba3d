package dev.clientdesk.billing.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * What happens when the project ends early or changes, exactly as the settlement applies it: the cancellation
 * fee is due only when the client cancels, never when the contractor ends the project.
 */
final class EndingClause {

    private EndingClause() {
    }

    static List<String> lines(TermsSheet.Facts facts, TermsPhrases phrases) {
        BigDecimal fee = facts.terms().cancellationFeePercent();
        return List.of(
                fee.signum() == 0 ? phrases.text("cancellation.client.free")
                        : phrases.text("cancellation.client.fee", "percent", phrases.percent(fee)),
                phrases.text("cancellation.contractor"),
                phrases.text("postponement"));
    }
}
