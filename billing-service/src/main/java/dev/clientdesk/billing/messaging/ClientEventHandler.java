package dev.clientdesk.billing.messaging;

import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** An offboarded client's projects are settled per contract. */
@ApplicationScoped
public class ClientEventHandler implements EventHandler {

    public record ClientOffboarded(UUID clientId, String reason) {
    }

    private final SettlementService settlements;
    private final CloudEventCodec codec;

    public ClientEventHandler(SettlementService settlements, CloudEventCodec codec) {
        this.settlements = settlements;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return "clients.v1";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ClientOffboarded");
    }

    @Override
    public void handle(CloudEvent event) {
        settlements.settleClient(event.tenantId(), codec.data(event, ClientOffboarded.class).clientId());
    }
}
