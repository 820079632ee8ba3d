package dev.clientdesk.client.messaging;

import dev.clientdesk.client.events.InboundEvents;
import dev.clientdesk.client.health.HealthProjection;
import dev.clientdesk.client.service.ClientService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Billing facts that feed a client's health, and the first contract that makes a client ACTIVE. */
@ApplicationScoped
public class BillingEventHandler implements EventHandler {

    private final HealthProjection health;
    private final ClientService clients;
    private final CloudEventCodec codec;

    public BillingEventHandler(HealthProjection health, ClientService clients, CloudEventCodec codec) {
        this.health = health;
        this.clients = clients;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return InboundEvents.BILLING_TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ProjectContracted", "PaymentReceived", "RefundIssued", "TimeLogged", "InvoiceOverdue");
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantId();
        switch (event.type()) {
            case "ProjectContracted" -> clients.activateIfAccepted(tenant,
                    codec.data(event, InboundEvents.ProjectContracted.class).clientId());
            case "PaymentReceived" -> {
                var payment = codec.data(event, InboundEvents.PaymentReceived.class);
                health.paymentReceived(tenant, payment.clientId(), payment.amount());
            }
            case "RefundIssued" -> {
                var refund = codec.data(event, InboundEvents.RefundIssued.class);
                health.refundIssued(tenant, refund.clientId(), refund.amount());
            }
            case "TimeLogged" -> {
                var time = codec.data(event, InboundEvents.TimeLogged.class);
                health.add(tenant, time.clientId(), "minutes_logged", time.minutes());
            }
            case "InvoiceOverdue" -> health.add(tenant,
                    codec.data(event, InboundEvents.InvoiceOverdue.class).clientId(), "late_payments", 1);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
