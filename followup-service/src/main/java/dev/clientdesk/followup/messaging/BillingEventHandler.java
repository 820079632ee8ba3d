package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.events.BillingEventsIn;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Billing events that start, interrupt or end a wait for the client. */
@ApplicationScoped
public class BillingEventHandler implements EventHandler {

    private final ConversationService conversations;
    private final CloudEventCodec codec;

    public BillingEventHandler(ConversationService conversations, CloudEventCodec codec) {
        this.conversations = conversations;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return BillingEventsIn.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("InvoiceSent", "PaymentReceived", "InvoicePaid", "InvoiceVoided");
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantId();
        switch (event.type()) {
            case "InvoiceSent" -> conversations.openForInvoice(tenant,
                    codec.data(event, BillingEventsIn.InvoiceSent.class), event.time());
            case "PaymentReceived" -> {
                var payment = codec.data(event, BillingEventsIn.PaymentReceived.class);
                conversations.paymentReceived(tenant, payment.clientId(),
                        payment.receivedAt() == null ? event.time() : payment.receivedAt());
            }
            case "InvoicePaid" -> conversations.closeForInvoice(tenant,
                    codec.data(event, BillingEventsIn.InvoiceSettled.class).invoiceId(), "PAID");
            case "InvoiceVoided" -> conversations.closeForInvoice(tenant,
                    codec.data(event, BillingEventsIn.InvoiceSettled.class).invoiceId(), "VOIDED");
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
