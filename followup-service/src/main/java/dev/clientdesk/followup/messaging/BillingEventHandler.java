package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.events.BillingEventsIn;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Billing events that start or end a wait for the client. */
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
        return Set.of("InvoiceSent");
    }

    @Override
    public void handle(CloudEvent event) {
        if ("InvoiceSent".equals(event.type())) {
            conversations.openForInvoice(event.tenantId(), codec.data(event, BillingEventsIn.InvoiceSent.class),
                    event.time());
        }
    }
}
