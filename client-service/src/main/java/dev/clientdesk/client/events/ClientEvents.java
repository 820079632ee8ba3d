package dev.clientdesk.client.events;

import dev.clientdesk.client.domain.EndedBy;
import dev.clientdesk.client.domain.Recommendation;
import dev.clientdesk.client.domain.Relationship;

import java.util.List;
import java.util.UUID;

/** What client-service publishes on {@value #TOPIC}; the record name is the CloudEvents type. */
public final class ClientEvents {

    public static final String TOPIC = "clients.v1";

    private ClientEvents() {
    }

    public record ClientRegistered(UUID clientId, String name, String email, String locale,
            Relationship relationship) {
    }

    public record ClientScreened(UUID clientId, Recommendation recommendation, int riskScore, List<String> flags) {
    }

    /** The full contact snapshot after a change of contact details. */
    public record ClientUpdated(UUID clientId, String name, String email, String locale, String timezone) {
    }

    /** The letter signature of a workspace changed; subject and key are the tenant id (no client involved). */
    public record WorkspaceSignatureChanged(String signature) {
    }

    /** @param exception the reason given for accepting against a rule (re-intake of an ended client), else null */
    public record ClientAccepted(UUID clientId, String name, String email, String locale, String exception) {
    }

    public record ClientDeclined(UUID clientId, String reason) {
    }

    /** Consumers treat a missing endedBy as FREELANCER and a missing finishCommittedWork as true. */
    public record ClientOffboarded(UUID clientId, String reason, EndedBy endedBy, boolean finishCommittedWork) {
    }
}
