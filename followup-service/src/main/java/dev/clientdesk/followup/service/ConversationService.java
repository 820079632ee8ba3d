package dev.clientdesk.followup.service;

import dev.clientdesk.followup.config.FollowupConfig;
import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.ConversationEntry;
import dev.clientdesk.followup.domain.ConversationStatus;
import dev.clientdesk.followup.domain.FollowUp;
import dev.clientdesk.followup.events.BillingEventsIn.InvoiceSent;
import dev.clientdesk.followup.events.FollowupEvents;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Conversations that wait for the client: opening, signs of life, pauses and closing. */
@ApplicationScoped
public class ConversationService {

    private final EntityManager em;
    private final FollowupOutbox outbox;
    private final FollowupConfig config;
    private final Clock clock;

    public ConversationService(EntityManager em, FollowupOutbox outbox, FollowupConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.clock = clock;
    }

    /** Opens the invoice's conversation unless it already has one; the send time starts the silence. */
    @Transactional
    public Conversation openForInvoice(String tenantId, InvoiceSent sent, Instant sentAt) {
        var existing = em.createQuery("FROM Conversation c WHERE c.tenantId = :tenant AND c.invoiceId = :invoice",
                        Conversation.class)
                .setParameter("tenant", tenantId).setParameter("invoice", sent.invoiceId())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing.get();
        }
        Map<String, String> details = Map.of("invoiceNumber", sent.number(),
                "amount", sent.amount().toString(),
                "dueDate", sent.dueDate() == null ? "" : sent.dueDate().toString());
        return open(Conversation.open(tenantId, sent.clientId(), sent.invoiceId(), Conversation.Kind.INVOICE_PAYMENT,
                "Invoice " + sent.number(), details, sentAt == null ? clock.instant() : sentAt,
                config.silenceThreshold(), clock.instant()));
    }

    @Transactional
    public Conversation openManually(String tenantId, UUID clientId, String subject, Instant lastWrittenAt) {
        Instant now = clock.instant();
        if (lastWrittenAt != null && lastWrittenAt.isAfter(now)) {
            throw ProblemException.invalidField("lastWrittenAt", "must not be in the future");
        }
        return open(Conversation.open(tenantId, clientId, null, Conversation.Kind.MANUAL, subject, Map.of(),
                lastWrittenAt == null ? now : lastWrittenAt, config.silenceThreshold(), now));
    }

    private Conversation open(Conversation conversation) {
        clientPause(conversation.tenantId(), conversation.clientId()).ifPresent(conversation::pause);
        em.persist(conversation);
        outbox.history(conversation, "OPENED", conversation.subject());
        outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                new FollowupEvents.ConversationOpened(conversation.id(), conversation.clientId(),
                        conversation.invoiceId(), conversation.kind().name(), conversation.subject(),
                        conversation.silentSince()));
        return conversation;
    }

    /**
     * A real reply ends the silence on all the client's waiting conversations (ClientReplied); an out-of-office
     * auto-reply is only noted.
     * @return the conversations the reply reached
     */
    @Transactional
    public List<Conversation> replyReceived(String tenantId, UUID clientId, Instant at, String channel,
            boolean outOfOffice) {
        List<Conversation> waiting = waiting(tenantId, clientId);
        requireKnownClient(tenantId, clientId);
        if (outOfOffice) {
            waiting.forEach(c -> outbox.history(c, "OUT_OF_OFFICE", channel));
            return waiting;
        }
        signOfLife(waiting, at, "REPLY", channel);
        outbox.publish(tenantId, clientId, clientId, new FollowupEvents.ClientReplied(clientId, at, channel,
                waiting.stream().map(Conversation::id).toList()));
        return waiting;
    }

    /** Money arriving is a sign of life too (seed 002: a client who pays is not silent). */
    @Transactional
    public void paymentReceived(String tenantId, UUID clientId, Instant at) {
        signOfLife(waiting(tenantId, clientId), at, "PAYMENT", null);
    }

    private void signOfLife(List<Conversation> waiting, Instant at, String kind, String note) {
        for (Conversation conversation : waiting) {
            outbox.history(conversation, kind, note);
            discardDrafts(conversation);
            conversation.clientSpoke(at, config.silenceThreshold());
        }
    }

    @Transactional
    public void closeForInvoice(String tenantId, UUID invoiceId, String reason) {
        em.createQuery("FROM Conversation c WHERE c.tenantId = :tenant AND c.invoiceId = :invoice"
                        + " AND c.status <> :closed", Conversation.class)
                .setParameter("tenant", tenantId).setParameter("invoice", invoiceId)
                .setParameter("closed", ConversationStatus.CLOSED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList().forEach(c -> close(c, reason));
    }

    @Transactional
    public void closeAllForClient(String tenantId, UUID clientId, String reason) {
        waiting(tenantId, clientId).forEach(c -> close(c, reason));
    }

    /** You got what you were waiting for. */
    @Transactional
    public Conversation close(String tenantId, UUID id, String reason) {
        Conversation conversation = lock(tenantId, id);
        if (conversation.status() == ConversationStatus.CLOSED) {
            throw ProblemException.conflict("conversation-closed", "the conversation is already closed");
        }
        close(conversation, reason == null || reason.isBlank() ? "ANSWERED" : reason);
        return conversation;
    }

    @Transactional
    public Conversation pause(String tenantId, UUID id, Instant until) {
        Conversation conversation = lock(tenantId, id);
        conversation.pause(requireFuture(until));
        outbox.history(conversation, "PAUSED", "until " + until);
        return conversation;
    }

    @Transactional
    public Conversation resume(String tenantId, UUID id) {
        Conversation conversation = lock(tenantId, id);
        conversation.resume(config.silenceThreshold());
        outbox.history(conversation, "RESUMED", null);
        return conversation;
    }

    /** Pauses every waiting conversation of the client, and those opened before the pause ends. */
    @Transactional
    public List<Conversation> pauseClient(String tenantId, UUID clientId, Instant until, String reason) {
        requireFuture(until);
        requireKnownClient(tenantId, clientId);
        em.createNativeQuery("""
                INSERT INTO client_pause (tenant_id, client_id, paused_until, reason) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET paused_until = EXCLUDED.paused_until,
                    reason = EXCLUDED.reason""")
                .setParameter(1, tenantId).setParameter(2, clientId)
                .setParameter(3, OffsetDateTime.ofInstant(until, ZoneOffset.UTC)).setParameter(4, reason)
                .executeUpdate();
        List<Conversation> waiting = waiting(tenantId, clientId);
        waiting.forEach(c -> {
            c.pause(until);
            outbox.history(c, "PAUSED", reason == null ? "client paused" : reason);
        });
        return waiting;
    }

    @Transactional
    public List<Conversation> resumeClient(String tenantId, UUID clientId) {
        requireKnownClient(tenantId, clientId);
        em.createNativeQuery("DELETE FROM client_pause WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).executeUpdate();
        List<Conversation> waiting = waiting(tenantId, clientId);
        waiting.forEach(c -> {
            c.resume(config.silenceThreshold());
            outbox.history(c, "RESUMED", null);
        });
        return waiting;
    }

    private void close(Conversation conversation, String reason) {
        conversation.close(reason, clock.instant());
        closed(conversation, reason);
    }

    private void closed(Conversation conversation, String reason) {
        discardDrafts(conversation);
        outbox.history(conversation, "CLOSED", reason);
        outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                new FollowupEvents.ConversationClosed(conversation.id(), conversation.clientId(), reason));
    }

    /** Drafts written for a silence that has ended would only confuse: they are set aside. */
    private void discardDrafts(Conversation conversation) {
        em.createQuery("UPDATE FollowUp f SET f.status = :discarded WHERE f.conversationId = :id AND f.status = :draft")
                .setParameter("discarded", FollowUp.Status.DISCARDED).setParameter("draft", FollowUp.Status.DRAFT)
                .setParameter("id", conversation.id()).executeUpdate();
    }

    /** A client the workspace has heard of: registered with client-service, or with a conversation here. */
    private void requireKnownClient(String tenantId, UUID clientId) {
        boolean known = (Boolean) em.createNativeQuery("""
                SELECT EXISTS (SELECT 1 FROM client_contact WHERE tenant_id = ?1 AND client_id = ?2)
                    OR EXISTS (SELECT 1 FROM conversation WHERE tenant_id = ?1 AND client_id = ?2)""")
                .setParameter(1, tenantId).setParameter(2, clientId).getSingleResult();
        if (!known) {
            throw ProblemException.notFound("client", clientId);
        }
    }

    private List<Conversation> waiting(String tenantId, UUID clientId) {
        return em.createQuery("FROM Conversation c WHERE c.tenantId = :tenant AND c.clientId = :client"
                        + " AND c.status <> :closed ORDER BY c.openedAt", Conversation.class)
                .setParameter("tenant", tenantId).setParameter("client", clientId)
                .setParameter("closed", ConversationStatus.CLOSED)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultList();
    }

    private java.util.Optional<Instant> clientPause(String tenantId, UUID clientId) {
        List<Instant> until = em.createNativeQuery(
                        "SELECT paused_until FROM client_pause WHERE tenant_id = ?1 AND client_id = ?2", Instant.class)
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        return until.stream().filter(u -> u.isAfter(clock.instant())).findFirst();
    }

    private Instant requireFuture(Instant until) {
        if (until == null || !until.isAfter(clock.instant())) {
            throw ProblemException.invalidField("until", "must be in the future");
        }
        return until;
    }

    public Conversation get(String tenantId, UUID id) {
        Conversation conversation = TenantOwned.require(em.find(Conversation.class, id), tenantId, "conversation", id);
        return conversation;
    }

    private Conversation lock(String tenantId, UUID id) {
        return TenantOwned.lockOwned(em, Conversation.class, tenantId, id, "conversation");
    }

    public List<ConversationEntry> history(UUID conversationId) {
        return em.createQuery("FROM ConversationEntry e WHERE e.conversationId = :id ORDER BY e.id",
                ConversationEntry.class).setParameter("id", conversationId).getResultList();
    }

    public Page<Conversation> list(String tenantId, UUID clientId, ConversationStatus status, PageRequest page) {
        return PagedQuery.of(em, Conversation.class).where("tenantId", tenantId).where("clientId", clientId)
                .where("status", status).orderBy("e.openedAt DESC, e.id").page(page);
    }
}
