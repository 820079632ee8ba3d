package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.events.ClientEventsIn;
import dev.clientdesk.followup.service.ContactDirectory;
import dev.clientdesk.followup.service.ContactDirectory.Identity;
import dev.clientdesk.followup.service.ContactDirectory.Standing;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.followup.service.WorkspaceSignatures;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.tenant.EventTenantCheck;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * Who the client is (for drafts in their language), where they stand (only an accepted client is followed up),
 * when to stop following up on them, and the workspace's signature. These are the client's own events: they may
 * introduce a client, but never move one to another workspace.
 */
@ApplicationScoped
public class ClientEventHandler implements EventHandler {

    private final ContactDirectory contacts;
    private final ConversationService conversations;
    private final WorkspaceSignatures signatures;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;
    private final Clock clock;

    public ClientEventHandler(ContactDirectory contacts, ConversationService conversations,
            WorkspaceSignatures signatures, CloudEventCodec codec, EventTenantCheck tenants, Clock clock) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.signatures = signatures;
        this.codec = codec;
        this.tenants = tenants;
        this.clock = clock;
    }

    @Override
    public String topic() {
        return ClientEventsIn.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ClientRegistered", "ClientAccepted", "ClientUpdated", "ClientDeclined", "ClientOffboarded",
                "WorkspaceSignatureChanged");
    }

    @Override
    public void handle(CloudEvent event) {
        String tenant = event.tenantId();
        switch (event.type()) {
            case "ClientRegistered", "ClientAccepted" -> {
                var client = codec.data(event, ClientEventsIn.ClientIdentified.class);
                requireOwnWorkspace(event, client.clientId());
                contacts.remember(tenant, client.clientId(),
                        new Identity(client.name(), client.email(), client.locale()),
                        event.type().equals("ClientAccepted") ? Standing.ACCEPTED : Standing.LEAD);
            }
            case "ClientUpdated" -> {
                var client = codec.data(event, ClientEventsIn.ClientUpdated.class);
                requireOwnWorkspace(event, client.clientId());
                contacts.update(tenant, client.clientId(),
                        new Identity(client.name(), client.email(), client.locale()), client.timezone());
            }
            case "ClientDeclined", "ClientOffboarded" -> {
                var clientId = codec.data(event, ClientEventsIn.ClientGone.class).clientId();
                requireOwnWorkspace(event, clientId);
                boolean declined = event.type().equals("ClientDeclined");
                // The standing first: it waits for a conversation being opened right now, which is then closed too.
                contacts.ended(tenant, clientId, declined ? Standing.DECLINED : Standing.OFFBOARDED);
                conversations.closeAllForClient(tenant, clientId, declined ? "CLIENT_DECLINED" : "CLIENT_OFFBOARDED");
            }
            case "WorkspaceSignatureChanged" -> signatures.changed(tenant,
                    codec.data(event, ClientEventsIn.WorkspaceSignatureChanged.class).signature(),
                    event.time() == null ? clock.instant() : event.time());
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }

    private void requireOwnWorkspace(CloudEvent event, UUID clientId) {
        tenants.requireNoOtherTenant(event, clientId, contacts.tenantsOf(clientId));
    }
}
