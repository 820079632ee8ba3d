package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** One stage of a project: its share of the fee and whether it has been invoiced. */
public record Milestone(UUID id, String name, BigDecimal percent, Money amount, LocalDate dueDate,
        MilestoneStatus status, UUID invoiceId) {

    public enum MilestoneStatus { PENDING, INVOICED }

    Milestone invoiced(UUID invoice) {
        return new Milestone(id, name, percent, amount, dueDate, MilestoneStatus.INVOICED, invoice);
    }
}
