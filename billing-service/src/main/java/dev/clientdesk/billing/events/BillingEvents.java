package dev.clientdesk.billing.events;

import dev.clientdesk.kit.money.Money;

import java.time.LocalDate;
import java.util.UUID;

/** What billing-service publishes on {@value #TOPIC}; the record name is the CloudEvents type. */
public final class BillingEvents {

    public static final String TOPIC = "billing.v1";

    private BillingEvents() {
    }

    public record ProjectContracted(UUID projectId, UUID clientId, String title, Money totalFee, Money deposit,
            int milestones) {
    }

    public record InvoiceIssued(UUID invoiceId, UUID projectId, UUID clientId, String number, String kind,
            Money amount) {
    }

    public record InvoiceSent(UUID invoiceId, UUID projectId, UUID clientId, String number, Money amount,
            LocalDate dueDate) {
    }
}
