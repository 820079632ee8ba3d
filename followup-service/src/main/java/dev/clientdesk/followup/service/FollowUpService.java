package dev.clientdesk.followup.service;

import dev.clientdesk.followup.config.FollowUpConfig;
import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.FollowUp;
import dev.clientdesk.followup.events.FollowUpEvents;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;
import dev.clientdesk.kit.web.SingleLine;
import dev.clientdesk.kit.tenant.TenantOwned;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/** Follow-up drafts: read, edit, send. Sending counts as your last outbound message. */
@ApplicationScoped
public class FollowUpService {

    private static final Logger LOG = Logger.getLogger(FollowUpService.class);

    private final EntityManager em;
    private final FollowUpOutbox outbox;
    private final FollowUpConfig config;
    private final Mailer mailer;
    private final Clock clock;

    public FollowUpService(EntityManager em, FollowUpOutbox outbox, FollowUpConfig config, Mailer mailer,
            Clock clock) {
        this.em = em;
        this.outbox = outbox;
        this.config = config;
        this.mailer = mailer;
        this.clock = clock;
    }

    @Transactional
    public FollowUp edit(String tenantId, UUID id, String ifMatch, String subject, String body) {
        FollowUp followUp = get(tenantId, id);
        ETags.requireMatch(ifMatch, followUp.version());
        followUp.edit(subject, body);
        em.flush();
        return followUp;
    }

    /**
     * Marks the follow-up sent and, when it has a recipient, emails it (SMTP from {@code quarkus.mailer.*};
     * the mock mailer only logs). A mail failure leaves it a draft and is reported.
     */
    @Transactional
    public FollowUp send(String tenantId, UUID id) {
        // The conversation before its follow-up, the order a reply that discards drafts locks them in.
        UUID conversationId = em.createQuery("SELECT f.conversationId FROM FollowUp f WHERE f.id = :id"
                        + " AND f.tenantId = :tenant", UUID.class).setParameter("id", id).setParameter("tenant", tenantId)
                .getResultStream().findFirst().orElseThrow(() -> ProblemException.notFound("follow-up", id));
        Conversation conversation = TenantOwned.lockOwned(em, Conversation.class, tenantId, conversationId,
                "conversation");
        FollowUp followUp = TenantOwned.lockOwned(em, FollowUp.class, tenantId, id, "follow-up");
        Instant now = clock.instant();
        followUp.markSent(now);
        conversation.outboundSent(now, config.silenceThreshold());
        outbox.history(conversation, "FOLLOW_UP_SENT", "attempt " + followUp.attempt());
        outbox.publish(tenantId, followUp.clientId(), followUp.id(), new FollowUpEvents.FollowUpSent(followUp.id(),
                conversation.id(), followUp.clientId(), followUp.attempt(), now));
        if (followUp.recipient() != null && !followUp.recipient().isBlank()) {
            // stored before line breaks were refused (or arrived in an event): never let them reach the headers
            Mail mail = Mail.withText(SingleLine.Rule.require("recipient", followUp.recipient()),
                    SingleLine.Rule.require("subject", followUp.subject()), followUp.body());
            try {
                mailer.send(mail);
            } catch (RuntimeException e) {
                LOG.warnf("follow-up %s could not be mailed: %s", id, e.getMessage());
                throw new ProblemException(502, "mail-not-sent", "Mail not sent",
                        "the mail server refused the follow-up; it is still a draft");
            }
        }
        return followUp;
    }

    public FollowUp get(String tenantId, UUID id) {
        FollowUp followUp = TenantOwned.require(em.find(FollowUp.class, id), tenantId, "follow-up", id);
        return followUp;
    }

    public Page<FollowUp> list(String tenantId, UUID clientId, FollowUp.Status status, PageRequest page) {
        return PagedQuery.of(em, FollowUp.class).where("tenantId", tenantId).where("clientId", clientId)
                .where("status", status).orderBy("e.createdAt DESC, e.id").page(page);
    }
}
