package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.events.ClientEventsIn;
import dev.clientdesk.followup.service.ContactDirectory;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.tenant.EventTenantCheck;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Set;

/**
 * Who the client is (for drafts in their language), and when to stop following up on them. These are the
 * client's own events: they may introduce a client, but never move one to another workspace.
 */
@ApplicationScoped
public class ClientEventHandler implements EventHandler {

    private final ContactDirectory contacts;
    private final ConversationService conversations;
    private final CloudEventCodec codec;
    private final EventTenantCheck tenants;

    public ClientEventHandler(ContactDirectory contacts, ConversationService conversations, CloudEventCodec codec,
            EventTenantCheck tenants) {
        this.contacts = contacts;
        this.conversations = conversations;
        this.codec = codec;
        this.tenants = tenants;
    }

    @Override
    public String topic() {
        return ClientEventsIn.TOPIC;
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("ClientRegistered", "ClientAccepted", "ClientDeclined", "ClientOffboarded");
    }

    @Override
    public void handle(CloudEvent event) {
        switch (event.type()) {
            case "ClientRegistered", "ClientAccepted" -> {
                var client = codec.data(event, ClientEventsIn.ClientIdentified.class);
                tenants.requireNoOtherTenant(event, client.clientId(), contacts.tenantsOf(client.clientId()));
                contacts.remember(event.tenantId(), client.clientId(),
                        new ContactDirectory.Contact(client.name(), client.email(), client.locale()));
            }
            case "ClientDeclined", "ClientOffboarded" -> {
                var clientId = codec.data(event, ClientEventsIn.ClientGone.class).clientId();
                tenants.requireNoOtherTenant(event, clientId, contacts.tenantsOf(clientId));
                conversations.closeAllForClient(event.tenantId(), clientId,
                        event.type().equals("ClientDeclined") ? "CLIENT_DECLINED" : "CLIENT_OFFBOARDED");
            }
            default -> throw new IllegalArgumentException("unexpected " + event.type());
        }
    }
}
