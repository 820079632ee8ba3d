package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One stage of a project: its share of the fee and how far it is. A STARTED stage is committed work: if the
 * project ends, it may still be finished and billed (docs in the billing README, "Ending a project").
 */
public record Milestone(UUID id, String name, BigDecimal percent, Money amount, LocalDate dueDate,
        MilestoneStatus status, UUID invoiceId) {

    public enum MilestoneStatus { PENDING, STARTED, INVOICED }

    Milestone started() {
        return new Milestone(id, name, percent, amount, dueDate, MilestoneStatus.STARTED, invoiceId);
    }

    Milestone invoiced(UUID invoice) {
        return new Milestone(id, name, percent, amount, dueDate, MilestoneStatus.INVOICED, invoice);
    }

    /** Its invoice was voided: the stage is billable again. */
    Milestone reopened() {
        return new Milestone(id, name, percent, amount, dueDate, MilestoneStatus.PENDING, null);
    }

    Milestone rescheduled(LocalDate newDueDate) {
        return new Milestone(id, name, percent, amount, newDueDate, status, invoiceId);
    }

    Milestone reshared(BigDecimal newPercent, Money newAmount) {
        return new Milestone(id, name, newPercent, newAmount, dueDate, status, invoiceId);
    }

    boolean isInvoiced() {
        return status == MilestoneStatus.INVOICED;
    }
}
