package dev.clientdesk.billing.domain;

import java.util.ArrayList;
import java.util.List;

/** The fee and how it is paid: the deposit (or none), each stage, dated if planned, the payment terms. */
final class ScheduleClause {

    private ScheduleClause() {
    }

    static List<String> lines(TermsSheet.Facts facts, TermsPhrases phrases) {
        List<String> lines = new ArrayList<>();
        lines.add(phrases.text("fee", "fee", phrases.money(facts.fee())));
        lines.add(facts.deposit().amount().signum() == 0 ? phrases.text("deposit.none")
                : phrases.text("deposit", "percent", phrases.percent(facts.depositPercent()),
                        "amount", phrases.money(facts.deposit())));
        for (TermsSheet.Facts.Stage stage : facts.stages()) {
            String percent = phrases.percent(stage.percent());
            String amount = phrases.money(stage.amount());
            lines.add(stage.plannedFor() == null
                    ? phrases.text("stage", "name", stage.name(), "percent", percent, "amount", amount)
                    : phrases.text("stage.dated", "name", stage.name(), "percent", percent, "amount", amount,
                            "date", phrases.date(stage.plannedFor())));
        }
        int days = facts.terms().paymentTermsDays();
        lines.add(days == 0 ? phrases.text("paymentTerms.none") : phrases.counted("paymentTerms", days));
        return lines;
    }
}
