package dev.clientdesk.followup.domain;

import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.UUID;

/** A follow-up message drafted for a silent client; you edit it if you like and send it. */
@Entity
public class FollowUp implements TenantOwned {

    public enum Status { DRAFT, SENT, DISCARDED }

    @Id
    private UUID id;
    private String tenantId;
    private UUID conversationId;
    private UUID clientId;
    private int attempt;
    private Instant silentSince;
    private String language;
    private String recipient;
    private String subject;
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant createdAt;
    private Instant sentAt;
    @Version
    private long version;

    protected FollowUp() {
    }

    public FollowUp(Conversation conversation, int attempt, String recipient, FollowUpTemplates.Draft draft,
            Instant now) {
        this.id = UUID.randomUUID();
        this.tenantId = conversation.tenantId();
        this.conversationId = conversation.id();
        this.clientId = conversation.clientId();
        this.attempt = attempt;
        this.silentSince = conversation.silentSince();
        this.language = draft.language();
        this.recipient = recipient;
        this.subject = draft.subject();
        this.body = draft.body();
        this.status = Status.DRAFT;
        this.createdAt = now;
    }

    public void edit(String subject, String body) {
        requireDraft("edit");
        if (subject != null) {
            this.subject = subject;
        }
        if (body != null) {
            this.body = body;
        }
    }

    public void markSent(Instant at) {
        requireDraft("send");
        status = Status.SENT;
        sentAt = at;
    }

    /** A draft nobody needs any more: the client answered or the conversation closed. */
    public void discard() {
        if (status == Status.DRAFT) {
            status = Status.DISCARDED;
        }
    }

    private void requireDraft(String action) {
        if (status != Status.DRAFT) {
            throw ProblemException.conflict("follow-up-not-draft", "cannot " + action + " a follow-up that is "
                    + status);
        }
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID conversationId() { return conversationId; }
    public UUID clientId() { return clientId; }
    public int attempt() { return attempt; }
    public String language() { return language; }
    public String recipient() { return recipient; }
    public String subject() { return subject; }
    public String body() { return body; }
    public Status status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant sentAt() { return sentAt; }
    public long version() { return version; }
}
