package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.events.BillingEventsIn;
import dev.clientdesk.followup.service.ContactDirectory;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.tenant.EventTenantCheck;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Billing events that start, interrupt or end a wait for the client: a client the contact directory holds,
 * in the same workspace (billing.v1 is not ordered with clients.v1, so the client's own event may come later).
 */
@ApplicationScoped
public class BillingEventHandler implements EventHandler {

    private final ConversationService conversations;
    private final ContactDirectory contacts;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public BillingEventHandler(ConversationService conversations, ContactDirectory contacts, CloudEventCodec codec,
            EventTenantCheck tenants) {
        this.conversations = conversations;
        this.contacts = contacts;
        this.codec = codec;
        this.tenants = tenants;
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
            case "InvoiceSent" -> {
                var sent = codec.data(event, BillingEventsIn.InvoiceSent.class);
                requireKnown(event, sent.clientId());
                conversations.openForInvoice(tenant, sent, event.time());
            }
            case "PaymentReceived" -> {
                var payment = codec.data(event, BillingEventsIn.PaymentReceived.class);
                requireKnown(event, payment.clientId());
                conversations.paymentReceived(tenant, payment.clientId(),
                        payment.receivedAt() == null ? event.time() : payment.receivedAt());
            }
            case "InvoicePaid", "InvoiceVoided" -> {
                var settled = codec.data(event, BillingEventsIn.InvoiceSettled.class);
                requireKnown(event, settled.clientId());
                conversations.closeForInvoice(tenant, settled.invoiceId(),
                        event.type().equals("InvoicePaid") ? "PAID" : "VOIDED");
            }
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    private void requireKnown(CloudEvent event, UUID clientId) {
        tenants.requireKnownClient(event, clientId, contacts.tenantsOf(clientId));
    }
}
