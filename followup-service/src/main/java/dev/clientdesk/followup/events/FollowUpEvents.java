package dev.clientdesk.followup.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What followup-service publishes on {@value #TOPIC}; the record name is the CloudEvents type. */
public final class FollowUpEvents {

    public static final String TOPIC = "followups.v1";

    private FollowUpEvents() {
    }

    public record ConversationOpened(UUID conversationId, UUID clientId, UUID invoiceId, String kind, String subject,
            Instant awaitingReplySince) {
    }

    public record NoReplyForSevenDays(UUID conversationId, UUID clientId, UUID invoiceId, Instant silentSince,
            int attempt) {
    }

    public record ClientWentSilent(UUID conversationId, UUID clientId, Instant silentSince, int attempts) {
    }

    public record FollowUpSent(UUID followUpId, UUID conversationId, UUID clientId, int attempt, Instant sentAt) {
    }

    public record ClientReplied(UUID clientId, Instant receivedAt, String channel, List<UUID> conversationIds) {
    }

    public record ConversationClosed(UUID conversationId, UUID clientId, String reason) {
    }
}
