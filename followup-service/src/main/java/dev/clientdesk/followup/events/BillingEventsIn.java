package dev.clientdesk.followup.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The billing events this service reacts to, in its own terms (the contract is contracts/billing.v1). */
public final class BillingEventsIn {

    public static final String TOPIC = "billing.v1";

    private BillingEventsIn() {
    }

    public record Amount(BigDecimal amount, String currency) {
        @Override
        public String toString() {
            return amount.toPlainString() + " " + currency;
        }
    }

    public record InvoiceSent(UUID invoiceId, UUID projectId, UUID clientId, String number, Amount amount,
            LocalDate dueDate) {
    }

    public record PaymentReceived(UUID invoiceId, UUID clientId, Amount amount, Instant receivedAt) {
    }

    /** InvoicePaid and InvoiceVoided: the invoice no longer waits for anything. */
    public record InvoiceSettled(UUID invoiceId, UUID clientId) {
    }
}
