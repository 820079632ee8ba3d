package dev.clientdesk.billing.service;

import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.UUID;

/** Billing events go to billing.v1 keyed by client id, so one client's events stay in order. */
@ApplicationScoped
public class BillingOutbox {

    private final OutboxWriter outbox;

    public BillingOutbox(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    public void publish(String tenantId, UUID clientId, UUID subject, Object event) {
        outbox.append(BillingEvents.TOPIC, clientId.toString(), subject.toString(), tenantId, event);
    }
}
