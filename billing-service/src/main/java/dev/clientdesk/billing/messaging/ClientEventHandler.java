package dev.clientdesk.billing.messaging;

import dev.clientdesk.billing.service.ProjectService;
import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;
import java.util.UUID;

/** A declined client gets no contract; an offboarded client gets none either, and their projects are settled. */
@ApplicationScoped
public class ClientEventHandler implements EventHandler {

    public record ClientGone(UUID clientId) {
    }

    private final SettlementService settlements;
    private final ProjectService projects;
    private final CloudEventCodec codec;

    public ClientEventHandler(SettlementService settlements, ProjectService projects, CloudEventCodec codec) {
        this.settlements = settlements;
        this.projects = projects;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return "clients.v1";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ClientDeclined", "ClientOffboarded");
    }

    @Override
    public void handle(CloudEvent event) {
        UUID clientId = codec.data(event, ClientGone.class).clientId();
        boolean declined = "ClientDeclined".equals(event.type());
        projects.markUnavailable(event.tenantId(), clientId, declined ? "declined" : "relationship ended");
        if (!declined) {
            settlements.settleClient(event.tenantId(), clientId);
        }
    }
}
