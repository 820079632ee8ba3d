package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.ClientStatus;
import dev.clientdesk.client.domain.Relationship;
import dev.clientdesk.client.domain.Screening;
import dev.clientdesk.kit.money.Money;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Client")
public record ClientView(UUID id, String name, String email, String company, String locale, String timezone,
        Relationship relationship, String requestedService, String needs, Money budget, ClientStatus status, Screening screening,
        Instant createdAt, Instant updatedAt,
        @Schema(description = "Set when the client was accepted as an exception to a rule: the reason given", nullable = true)
        String acceptanceException) {

    public static ClientView of(Client client) {
        return new ClientView(client.id(), client.name(), client.email(), client.company(), client.locale(),
                client.timezone(), client.relationship(), client.requestedService(), client.needs(), client.budget(),
                client.status(), client.screening(), client.createdAt(), client.updatedAt(),
                client.acceptanceException());
    }
}
