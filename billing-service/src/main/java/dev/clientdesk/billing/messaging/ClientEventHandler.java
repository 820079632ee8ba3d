package dev.clientdesk.billing.messaging;

import dev.clientdesk.billing.domain.Ending;
import dev.clientdesk.billing.service.KnownClients;
import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.tenant.EventTenantCheck;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Which clients exist, in which workspace, and how far along: a declined or offboarded client gets no new
 * contract, and an offboarded client's projects are settled. These are the client's own events: they may
 * introduce a client, but never move one to another workspace.
 */
@ApplicationScoped
public class ClientEventHandler implements EventHandler {

    /** Every clients.v1 sample carries the client id; this service reads nothing else of them. */
    public record ClientNamed(UUID clientId) {
    }

    /** What ClientOffboarded says of the ending; a missing endedBy is FREELANCER, finishCommittedWork true. */
    public record Offboarded(Ending.EndedBy endedBy, Boolean finishCommittedWork, String reason) {
    }

    private static final Map<String, KnownClients.Status> STATUS = Map.of(
            "ClientRegistered", KnownClients.Status.LEAD,
            "ClientAccepted", KnownClients.Status.ACCEPTED,
            "ClientDeclined", KnownClients.Status.DECLINED,
            "ClientOffboarded", KnownClients.Status.ENDED);

    private final KnownClients clients;
    private final SettlementService settlements;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public ClientEventHandler(KnownClients clients, SettlementService settlements, CloudEventCodec codec,
            EventTenantCheck tenants) {
        this.clients = clients;
        this.settlements = settlements;
        this.codec = codec;
        this.tenants = tenants;
    }

    @Override
    public String topic() {
        return "clients.v1";
    }

    @Override
    public Set<String> eventTypes() {
        return STATUS.keySet();
    }

    @Override
    public void handle(CloudEvent event) {
        UUID clientId = codec.data(event, ClientNamed.class).clientId();
        tenants.requireNoOtherTenant(event, clientId, clients.tenantsOf(clientId));
        KnownClients.Status status = STATUS.get(event.type());
        clients.record(event.tenantId(), clientId, status);
        if (status == KnownClients.Status.ENDED) {
            Offboarded offboarded = codec.data(event, Offboarded.class);
            settlements.settleClient(event.tenantId(), clientId,
                    Ending.of(offboarded.endedBy(), offboarded.finishCommittedWork(), offboarded.reason()));
        }
    }
}
