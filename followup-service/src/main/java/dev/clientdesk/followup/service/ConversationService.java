package dev.clientdesk.followup.service;

import dev.clientdesk.followup.config.FollowupConfig;
import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.ConversationStatus;
import dev.clientdesk.followup.events.BillingEventsIn.InvoiceSent;
import dev.clientdesk.followup.events.FollowupEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** Conversations that wait for the client, opened by invoices or by hand. */
@ApplicationScoped
public class ConversationService {

    private final EntityManager em;
    private final OutboxWriter outbox;
    private final FollowupConfig config;
    private final Clock clock;

    public ConversationService(EntityManager em, OutboxWriter outbox, FollowupConfig config, Clock clock) {
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
        em.persist(conversation);
        outbox.append(FollowupEvents.TOPIC, conversation.clientId().toString(), conversation.id().toString(),
                conversation.tenantId(), new FollowupEvents.ConversationOpened(conversation.id(),
                        conversation.clientId(), conversation.invoiceId(), conversation.kind().name(),
                        conversation.subject(), conversation.silentSince()));
        return conversation;
    }

    public Conversation get(String tenantId, UUID id) {
        Conversation conversation = em.find(Conversation.class, id);
        if (conversation == null || !conversation.tenantId().equals(tenantId)) {
            throw ProblemException.notFound("conversation", id);
        }
        return conversation;
    }

    public Page<Conversation> list(String tenantId, UUID clientId, ConversationStatus status, PageRequest page) {
        String where = " WHERE c.tenantId = :tenant" + (clientId == null ? "" : " AND c.clientId = :client")
                + (status == null ? "" : " AND c.status = :status");
        TypedQuery<Conversation> select = em.createQuery("FROM Conversation c" + where
                + " ORDER BY c.openedAt DESC, c.id", Conversation.class);
        TypedQuery<Long> count = em.createQuery("SELECT count(c) FROM Conversation c" + where, Long.class);
        for (TypedQuery<?> query : new TypedQuery<?>[] {select, count}) {
            query.setParameter("tenant", tenantId);
            if (clientId != null) {
                query.setParameter("client", clientId);
            }
            if (status != null) {
                query.setParameter("status", status);
            }
        }
        return new Page<>(select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList(),
                page.page, page.size, count.getSingleResult());
    }
}
