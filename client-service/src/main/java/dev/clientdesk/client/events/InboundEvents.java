package dev.clientdesk.client.events;

import dev.clientdesk.kit.money.Money;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The billing and follow-up events this service reads, in its own terms (contracts/ has the samples). */
public final class InboundEvents {

    public static final String BILLING_TOPIC = "billing.v1";
    public static final String FOLLOWUPS_TOPIC = "followups.v1";

    private InboundEvents() {
    }

    public record ProjectContracted(UUID projectId, UUID clientId) {
    }

    public record PaymentReceived(UUID paymentId, UUID invoiceId, UUID clientId, Money amount, Instant receivedAt) {
    }

    public record RefundIssued(UUID refundId, UUID projectId, UUID clientId, Money amount) {
    }

    public record TimeLogged(UUID entryId, UUID projectId, UUID clientId, int minutes, String kind, LocalDate date) {
    }

    public record InvoiceOverdue(UUID invoiceId, UUID clientId, String number, Money outstanding, LocalDate dueDate) {
    }

    public record NoReplyForSevenDays(UUID conversationId, UUID clientId, Instant silentSince, int attempt) {
    }

    public record FollowUpSent(UUID followUpId, UUID conversationId, UUID clientId, int attempt) {
    }

    public record ClientWentSilent(UUID conversationId, UUID clientId, Instant silentSince) {
    }
}
