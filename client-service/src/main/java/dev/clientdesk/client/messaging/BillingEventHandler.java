package dev.clientdesk.client.messaging;

import dev.clientdesk.client.events.InboundEvents;
import dev.clientdesk.client.health.HealthProjection;
import dev.clientdesk.client.service.ClientService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.tenant.EventTenantCheck;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/**
 * Billing facts that feed a client's health, and the first contract that makes a client ACTIVE. Each must name
 * a client this service registered, under the workspace that owns it.
 */
@ApplicationScoped
public class BillingEventHandler implements EventHandler {

    private final HealthProjection health;
    private final ClientService clients;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public BillingEventHandler(HealthProjection health, ClientService clients, CloudEventCodec codec,
            EventTenantCheck tenants) {
        this.health = health;
        this.clients = clients;
        this.codec = codec;
        this.tenants = tenants;
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
                    known(event, codec.data(event, InboundEvents.ProjectContracted.class).clientId()));
            case "PaymentReceived" -> {
                var payment = codec.data(event, InboundEvents.PaymentReceived.class);
                health.paymentReceived(tenant, known(event, payment.clientId()), payment.amount());
            }
            case "RefundIssued" -> {
                var refund = codec.data(event, InboundEvents.RefundIssued.class);
                health.refundIssued(tenant, known(event, refund.clientId()), refund.amount());
            }
            case "TimeLogged" -> {
                var time = codec.data(event, InboundEvents.TimeLogged.class);
                health.add(tenant, known(event, time.clientId()), "minutes_logged", time.minutes());
            }
            case "InvoiceOverdue" -> health.add(tenant,
                    known(event, codec.data(event, InboundEvents.InvoiceOverdue.class).clientId()), "late_payments", 1);
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    private UUID known(CloudEvent event, UUID clientId) {
        tenants.requireKnownClient(event, clientId, clients.tenantsOf(clientId));
        return clientId;
    }
}
