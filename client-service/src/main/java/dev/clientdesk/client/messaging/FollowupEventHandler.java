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

/** Silences reported by followup-service count against a client's health (a client registered here, in its workspace). */
@ApplicationScoped
public class FollowupEventHandler implements EventHandler {

    private final HealthProjection health;
    private final ClientService clients;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public FollowupEventHandler(HealthProjection health, ClientService clients, CloudEventCodec codec,
            EventTenantCheck tenants) {
        this.health = health;
        this.clients = clients;
        this.codec = codec;
        this.tenants = tenants;
    }

    @Override
    public String topic() {
        return InboundEvents.FOLLOWUPS_TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("NoReplyForSevenDays", "ClientWentSilent");
    }

    @Override
    public void handle(CloudEvent event) {
        boolean nudge = "NoReplyForSevenDays".equals(event.type());
        UUID clientId = nudge ? codec.data(event, InboundEvents.NoReplyForSevenDays.class).clientId()
                : codec.data(event, InboundEvents.ClientWentSilent.class).clientId();
        tenants.requireKnownClient(event, clientId, clients.tenantsOf(clientId));
        health.add(event.tenantId(), clientId, nudge ? "nudges" : "silent_episodes", 1);
    }
}
