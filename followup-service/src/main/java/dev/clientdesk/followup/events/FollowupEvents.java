package dev.clientdesk.followup.events;

import java.time.Instant;
import java.util.UUID;

/** What followup-service publishes on {@value #TOPIC}; the record name is the CloudEvents type. */
public final class FollowupEvents {

    public static final String TOPIC = "followups.v1";

    private FollowupEvents() {
    }

    public record ConversationOpened(UUID conversationId, UUID clientId, UUID invoiceId, String kind, String subject,
            Instant awaitingReplySince) {
    }
}
