package dev.clientdesk.followup.service;

import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.ConversationEntry;
import dev.clientdesk.followup.events.FollowUpEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.Clock;
import java.util.UUID;

/** Publishes follow-up events keyed by client id and writes the matching line into the conversation history. */
@ApplicationScoped
public class FollowUpOutbox {

    private final OutboxWriter outbox;
    private final EntityManager em;
    private final Clock clock;

    public FollowUpOutbox(OutboxWriter outbox, EntityManager em, Clock clock) {
        this.outbox = outbox;
        this.em = em;
        this.clock = clock;
    }

    public void publish(String tenantId, UUID clientId, UUID subject, Object event) {
        outbox.append(FollowUpEvents.TOPIC, clientId.toString(), subject.toString(), tenantId, event);
    }

    public void history(Conversation conversation, String kind, String note) {
        em.persist(new ConversationEntry(conversation.id(), clock.instant(), kind, note));
    }
}
