package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What ending a project settles. Earned: the completed stages, the extras already billed (revisions beyond the
 * included ones, earlier final invoices) and, only when the client ended it, the cancellation fee on the
 * unfinished remainder (the fee less every completed stage). Stages finished while the project wound down are
 * billed by their own invoices, so those invoices and their stages are left out of both sides. Paid beyond
 * earned is refunded; less is a final invoice.
 */
public record SettlementFigures(Money earned, Money paid, Money cancellationFee) {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<Invoice.Kind> EXTRAS = Set.of(Invoice.Kind.REVISION, Invoice.Kind.FINAL);

    /** @param invoices every invoice of the project */
    public static SettlementFigures of(Project project, Ending ending, List<Invoice> invoices) {
        Money zero = Money.zero(project.currency());
        Set<UUID> billedApart = project.invoicesOfFinishedCommitments();
        List<Invoice> settled = invoices.stream().filter(i -> !billedApart.contains(i.id())).toList();
        Money extras = settled.stream().filter(i -> EXTRAS.contains(i.kind()) && i.status() != InvoiceStatus.VOID)
                .map(Invoice::amount).reduce(zero, Money::plus);
        Money finishedApart = invoices.stream().filter(i -> billedApart.contains(i.id())).map(Invoice::amount)
                .reduce(zero, Money::plus);
        Money completed = project.completedWork();
        Money fee = ending.cancellationFeeDue() ? new Money(project.fee().minus(completed).amount()
                .multiply(project.cancellationFeePercent())
                .divide(HUNDRED, Money.fractionDigits(project.currency()), RoundingMode.HALF_UP), project.currency())
                : zero;
        Money earned = completed.minus(finishedApart).plus(extras).plus(fee);
        Money paid = settled.stream().map(Invoice::paid).reduce(zero, Money::plus);
        return new SettlementFigures(earned, paid, fee);
    }

    /** Paid beyond what was earned; zero if none. */
    public Money refund() {
        return paid.compareTo(earned) > 0 ? paid.minus(earned) : Money.zero(paid.currency());
    }

    /** Earned beyond what was paid: the final invoice; zero if none. */
    public Money shortfall() {
        return earned.compareTo(paid) > 0 ? earned.minus(paid) : Money.zero(paid.currency());
    }
}
