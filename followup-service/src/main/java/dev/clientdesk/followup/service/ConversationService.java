package dev.clientdesk.followup.service;

import dev.clientdesk.followup.config.FollowUpConfig;
import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.ConversationEntry;
import dev.clientdesk.followup.domain.ConversationStatus;
import dev.clientdesk.followup.domain.FollowUp;
import dev.clientdesk.followup.events.BillingEventsIn.InvoiceSent;
import dev.clientdesk.followup.events.FollowUpEvents;
import dev.clientdesk.followup.service.ContactDirectory.Standing;
import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Conversations that wait for the client: opening, signs of life, pauses and closing. */
@ApplicationScoped
public class ConversationService {

    private static final Logger LOG = Logger.getLogger(ConversationService.class);

    private final EntityManager em;
    private final FollowUpOutbox outbox;
    private final ContactDirectory contacts;
    private final FollowUpConfig config;
    private final Clock clock;

    public ConversationService(EntityManager em, FollowUpOutbox outbox, ContactDirectory contacts,
            FollowUpConfig config, Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.contacts = contacts;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Opens the invoice's conversation unless it already has one; the send time starts the silence. A declined
     * or offboarded client is not followed up (billing's settlement may still send a final invoice): nothing opens.
     */
    @Transactional
    public Optional<Conversation> openForInvoice(String tenantId, InvoiceSent sent, Instant sentAt) {
        Optional<Standing> standing = contacts.lockStanding(tenantId, sent.clientId());
        if (standing.isPresent() && standing.get().gone()) {
            LOG.infof("invoice %s is for client %s, %s: no conversation", sent.invoiceId(), sent.clientId(),
                    standing.get());
            return Optional.empty();
        }
        var existing = em.createQuery("FROM Conversation c WHERE c.tenantId = :tenant AND c.invoiceId = :invoice",
                        Conversation.class)
                .setParameter("tenant", tenantId).setParameter("invoice", sent.invoiceId())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return existing;
        }
        // Data, not text: a draft formats the amount and the date in the client's language when it is written.
        Map<String, String> details = new HashMap<>();
        details.put("invoiceNumber", sent.number());
        details.put("amount", sent.amount().toString());
        if (sent.dueDate() != null) {
            details.put("dueDate", sent.dueDate().toString());
        }
        return Optional.of(open(Conversation.open(tenantId, sent.clientId(), sent.invoiceId(),
                Conversation.Kind.INVOICE_PAYMENT, "Invoice " + sent.number(), details,
                sentAt == null ? clock.instant() : sentAt, config.silenceThreshold(), clock.instant())));
    }

    /**
     * Only for a client whose ClientAccepted has arrived (fail closed: an unknown client or a lead is refused,
     * and so is a declined or offboarded one). The client's row is held FOR SHARE until commit, so a decline or
     * an offboarding either commits first (and this is refused) or waits, and then closes this conversation too.
     */
    @Transactional
    public Conversation openManually(String tenantId, UUID clientId, String subject, Instant lastWrittenAt) {
        Instant now = clock.instant();
        if (lastWrittenAt != null && lastWrittenAt.isAfter(now)) {
            throw ProblemException.invalidField("lastWrittenAt", "must not be in the future");
        }
        requireAccepted(contacts.lockStanding(tenantId, clientId), clientId);
        return open(Conversation.open(tenantId, clientId, null, Conversation.Kind.MANUAL, subject, Map.of(),
                lastWrittenAt == null ? now : lastWrittenAt, config.silenceThreshold(), now));
    }

    private static void requireAccepted(Optional<Standing> standing, UUID clientId) {
        Standing known = standing.orElse(null);
        if (known == Standing.ACCEPTED) {
            return;
        }
        String slug = known == Standing.DECLINED ? "client-declined"
                : known == Standing.OFFBOARDED ? "client-offboarded" : "client-not-accepted";
        String message = "client " + clientId + (known == null ? " has not been accepted (no acceptance received)"
                : known == Standing.LEAD ? " is a lead that has not been accepted"
                : known == Standing.DECLINED ? " was declined" : " was offboarded");
        throw new ProblemException(409, slug, "Conflict", "clientId: " + message,
                List.of(new Problem.FieldError("clientId", message)));
    }

    private Conversation open(Conversation conversation) {
        clientPause(conversation.tenantId(), conversation.clientId())
                .ifPresent(pause -> conversation.pause(pause.until(), pause.reason()));
        em.persist(conversation);
        outbox.history(conversation, "OPENED", conversation.subject());
        outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                new FollowUpEvents.ConversationOpened(conversation.id(), conversation.clientId(),
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
        outbox.publish(tenantId, clientId, clientId, new FollowUpEvents.ClientReplied(clientId, at, channel,
                waiting.stream().map(Conversation::id).toList()));
        return waiting;
    }

    /** Money arriving is a sign of life too: a client who pays is not silent (docs/domain.md#follow-ups). */
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
    public Conversation pause(String tenantId, UUID id, Instant until, String reason) {
        Conversation conversation = lock(tenantId, id);
        conversation.pause(requireFuture(until), reason);
        outbox.history(conversation, "PAUSED", pauseNote(until, conversation.pauseReason()));
        return conversation;
    }

    private static String pauseNote(Instant until, String reason) {
        return reason == null ? "until " + until : "until " + until + ": " + reason;
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
            c.pause(until, reason);
            outbox.history(c, "PAUSED", pauseNote(until, c.pauseReason() == null ? "client paused" : c.pauseReason()));
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

    /** Closes a conversation the caller holds locked (the silence scan, finding its client gone). */
    public void close(Conversation conversation, String reason) {
        conversation.close(reason, clock.instant());
        closed(conversation, reason);
    }

    private void closed(Conversation conversation, String reason) {
        discardDrafts(conversation);
        outbox.history(conversation, "CLOSED", reason);
        outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                new FollowUpEvents.ConversationClosed(conversation.id(), conversation.clientId(), reason));
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

    private record ClientPause(Instant until, String reason) {
    }

    private Optional<ClientPause> clientPause(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT paused_until, reason FROM client_pause WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        return rows.stream().map(r -> new ClientPause(instant(r[0]), (String) r[1]))
                .filter(p -> p.until().isAfter(clock.instant())).findFirst();
    }

    private static Instant instant(Object value) {
        return value instanceof OffsetDateTime o ? o.toInstant()
                : value instanceof java.sql.Timestamp t ? t.toInstant() : (Instant) value;
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
