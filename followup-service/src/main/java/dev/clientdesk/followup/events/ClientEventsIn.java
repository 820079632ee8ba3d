package dev.clientdesk.followup.events;

import java.util.UUID;

/** The client events this service reacts to, in its own terms (contracts/clients.v1 has samples). */
public final class ClientEventsIn {

    public static final String TOPIC = "clients.v1";

    private ClientEventsIn() {
    }

    /** ClientRegistered and ClientAccepted both carry who the client is and their language. */
    public record ClientIdentified(UUID clientId, String name, String email, String locale) {
    }

    /** ClientUpdated: the full contact after a change. */
    public record ClientUpdated(UUID clientId, String name, String email, String locale, String timezone) {
    }

    /** ClientDeclined and ClientOffboarded: stop waiting on this client. */
    public record ClientGone(UUID clientId) {
    }

    /** WorkspaceSignatureChanged (subject: the workspace): what goes under the workspace's letters. */
    public record WorkspaceSignatureChanged(String signature) {
    }
}
