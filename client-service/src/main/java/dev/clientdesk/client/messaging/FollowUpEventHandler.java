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
 * Silences and nudges reported by followup-service count against a client's health (a client registered here,
 * in its workspace); a silence and the follow-up sent for it are one nudge.
 */
@ApplicationScoped
public class FollowUpEventHandler implements EventHandler {

    private final HealthProjection health;
    private final ClientService clients;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public FollowUpEventHandler(HealthProjection health, ClientService clients, CloudEventCodec codec,
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
        return Set.of("NoReplyForSevenDays", "FollowUpSent", "ClientWentSilent");
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case "NoReplyForSevenDays" -> {
                var silence = codec.data(event, InboundEvents.NoReplyForSevenDays.class);
                nudged(event, silence.clientId(), silence.conversationId(), silence.attempt());
            }
            case "FollowUpSent" -> {
                var sent = codec.data(event, InboundEvents.FollowUpSent.class);
                nudged(event, sent.clientId(), sent.conversationId(), sent.attempt());
            }
            default -> {
                UUID clientId = codec.data(event, InboundEvents.ClientWentSilent.class).clientId();
                tenants.requireKnownClient(event, clientId, clients.tenantsOf(clientId));
                health.add(event.tenantId(), clientId, "silent_episodes", 1);
            }
        }
    }

    private void nudged(CloudEvent event, UUID clientId, UUID conversationId, int attempt) {
        tenants.requireKnownClient(event, clientId, clients.tenantsOf(clientId));
        health.nudged(event.tenantId(), clientId, conversationId, attempt);
    }
}
