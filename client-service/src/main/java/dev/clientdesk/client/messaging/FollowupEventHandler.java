package dev.clientdesk.client.messaging;

import dev.clientdesk.client.events.InboundEvents;
import dev.clientdesk.client.health.HealthProjection;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/** Silences reported by followup-service count against a client's health. */
@ApplicationScoped
public class FollowupEventHandler implements EventHandler {

    private final HealthProjection health;
    private final CloudEventCodec codec;

    public FollowupEventHandler(HealthProjection health, CloudEventCodec codec) {
        this.health = health;
        this.codec = codec;
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
        if ("NoReplyForSevenDays".equals(event.type())) {
            health.add(event.tenantId(), codec.data(event, InboundEvents.NoReplyForSevenDays.class).clientId(),
                    "nudges", 1);
        } else {
            health.add(event.tenantId(), codec.data(event, InboundEvents.ClientWentSilent.class).clientId(),
                    "silent_episodes", 1);
        }
    }
}
