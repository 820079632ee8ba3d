package dev.clientdesk.followup.domain;

import dev.clientdesk.kit.tenant.TenantOwned;
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
 * Something we are waiting on the client for: an unpaid invoice or a message of ours (docs/domain.md#follow-ups).
 * After one silence threshold (about a week) without a sign of life it is nudged; after a second one, nudged again;
 * after a third it is SILENT. Never two nudges in one window: the next check is a full threshold after both the
 * start of the silence window and our last outbound message.
 */
@Entity
public class Conversation implements TenantOwned {

    public enum Kind { INVOICE_PAYMENT, MANUAL }

    /** Nudges before a conversation counts as silent. */
    public static final int NUDGES = 2;

    /** What a due check found. */
    public sealed interface CheckOutcome permits Nudge, WentSilent, Deferred {
    }

    public record Nudge(int attempt) implements CheckOutcome {
    }

    public record WentSilent(int attempts) implements CheckOutcome {
    }

    public record Deferred(Instant until) implements CheckOutcome {
    }

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
    private Instant lastInboundAt;
    private Instant silentSince;
    private int attempts;
    private Instant nextCheckAt;
    private Instant pausedUntil;
    private String pauseReason;
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

    /** Called by the silence scan once {@code nextCheckAt} has passed. */
    public CheckOutcome check(Instant now, Duration threshold) {
        if (status != ConversationStatus.OPEN || nextCheckAt == null || nextCheckAt.isAfter(now)) {
            throw new IllegalStateException("conversation " + id + " is not due");
        }
        if (isPaused(now)) {
            nextCheckAt = pausedUntil;
            return new Deferred(pausedUntil);
        }
        attempts++;
        if (attempts > NUDGES) {
            status = ConversationStatus.SILENT;
            nextCheckAt = null;
            return new WentSilent(attempts - 1);
        }
        // A late scan, or a silence that began long ago, must not bring the next nudge closer than a window.
        nextCheckAt = later(nextWindow(threshold), now.plus(threshold));
        return new Nudge(attempts);
    }

    /**
     * A sign of life, a real reply or a payment, ends the silence: the wait starts afresh from it. Closing is
     * explicit (you got what you waited for) or follows from events (paid, offboarded).
     */
    public void clientSpoke(Instant at, Duration threshold) {
        // A sign of life older than the current silence (a back-dated payment, a reply recorded late) changes nothing.
        if (status == ConversationStatus.CLOSED || !at.isAfter(silentSince)) {
            return;
        }
        lastInboundAt = at;
        status = ConversationStatus.OPEN;
        attempts = 0;
        silentSince = at;
        nextCheckAt = later(later(at.plus(threshold), lastOutboundAt.plus(threshold)), pausedUntil);
    }

    /** A follow-up went out: the next nudge waits a full threshold from it. */
    public void outboundSent(Instant at, Duration threshold) {
        lastOutboundAt = at;
        if (status == ConversationStatus.OPEN) {
            nextCheckAt = later(nextCheckAt, at.plus(threshold));
        }
    }

    /** No nudges until {@code until}; the reason (optional) is kept with the pause. */
    public void pause(Instant until, String reason) {
        pausedUntil = until;
        pauseReason = reason == null || reason.isBlank() ? null : reason.strip();
        if (status == ConversationStatus.OPEN) {
            nextCheckAt = later(nextCheckAt, until);
        }
    }

    public void resume(Duration threshold) {
        pausedUntil = null;
        pauseReason = null;
        if (status == ConversationStatus.OPEN) {
            nextCheckAt = nextWindow(threshold);
        }
    }

    public void close(String reason, Instant at) {
        if (status == ConversationStatus.CLOSED) {
            return;
        }
        status = ConversationStatus.CLOSED;
        closeReason = reason;
        closedAt = at;
        nextCheckAt = null;
    }

    public boolean isPaused(Instant now) {
        return pausedUntil != null && pausedUntil.isAfter(now);
    }

    private Instant nextWindow(Duration threshold) {
        Instant byCadence = silentSince.plus(threshold.multipliedBy(attempts + 1L));
        return later(later(byCadence, lastOutboundAt.plus(threshold)), pausedUntil);
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public UUID invoiceId() { return invoiceId; }
    public Kind kind() { return kind; }
    public String subject() { return subject; }
    public Map<String, String> details() { return details; }
    public ConversationStatus status() { return status; }
    public Instant lastOutboundAt() { return lastOutboundAt; }
    public Instant lastInboundAt() { return lastInboundAt; }
    public Instant silentSince() { return silentSince; }
    public int attempts() { return attempts; }
    public Instant nextCheckAt() { return nextCheckAt; }
    public Instant pausedUntil() { return pausedUntil; }
    public String pauseReason() { return pauseReason; }
    public Instant openedAt() { return openedAt; }
    public Instant closedAt() { return closedAt; }
    public String closeReason() { return closeReason; }
    public long version() { return version; }
}
