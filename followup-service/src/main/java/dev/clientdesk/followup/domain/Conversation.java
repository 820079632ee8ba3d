package dev.clientdesk.followup.domain;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * Something we are waiting on the client for: an unpaid invoice or a message of ours. It is checked again
 * at {@code nextCheckAt}, one silence threshold after our last outbound message.
 */
@Entity
public class Conversation {

    public enum Kind { INVOICE_PAYMENT, MANUAL }

    @Id
    private UUID id;
    private String tenantId;
    private UUID clientId;
    private UUID invoiceId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String subject;
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, String> details;
    @Enumerated(EnumType.STRING)
    private ConversationStatus status;
    private Instant lastOutboundAt;
    private Instant silentSince;
    private int attempts;
    private Instant nextCheckAt;
    private Instant pausedUntil;
    private Instant openedAt;
    private Instant closedAt;
    private String closeReason;
    @Version
    private long version;

    protected Conversation() {
    }

    public static Conversation open(String tenantId, UUID clientId, UUID invoiceId, Kind kind, String subject,
            Map<String, String> details, Instant lastOutboundAt, Duration threshold, Instant now) {
        Conversation conversation = new Conversation();
        conversation.id = UUID.randomUUID();
        conversation.tenantId = tenantId;
        conversation.clientId = clientId;
        conversation.invoiceId = invoiceId;
        conversation.kind = kind;
        conversation.subject = subject;
        conversation.details = details == null ? Map.of() : Map.copyOf(details);
        conversation.status = ConversationStatus.OPEN;
        conversation.lastOutboundAt = lastOutboundAt;
        conversation.silentSince = lastOutboundAt;
        conversation.attempts = 0;
        conversation.nextCheckAt = lastOutboundAt.plus(threshold);
        conversation.openedAt = now;
        return conversation;
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public UUID invoiceId() { return invoiceId; }
    public Kind kind() { return kind; }
    public String subject() { return subject; }
    public Map<String, String> details() { return details; }
    public ConversationStatus status() { return status; }
    public Instant lastOutboundAt() { return lastOutboundAt; }
    public Instant silentSince() { return silentSince; }
    public int attempts() { return attempts; }
    public Instant nextCheckAt() { return nextCheckAt; }
    public Instant pausedUntil() { return pausedUntil; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    public long version() { return version; }
}
