package dev.clientdesk.followup.service;

import dev.clientdesk.followup.config.FollowUpConfig;
import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.FollowUp;
import dev.clientdesk.followup.domain.FollowUpTemplates;
import dev.clientdesk.followup.events.FollowUpEvents;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Finds conversations whose silence has lasted a threshold and acts once per window: a NoReplyForSevenDays
 * event and a follow-up draft, or, after the last nudge, ClientWentSilent. Due rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED} through the partial index on {@code next_check_at}, so several replicas
 * share the work, each conversation is handled once, and a crash mid-batch rolls the batch back whole.
 */
@ApplicationScoped
public class SilenceScanner {

    static final int BATCH = 200;
    static final Duration RETRY_AFTER = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(SilenceScanner.class);

    private final EntityManager em;
    private final FollowUpOutbox outbox;
    private final ContactDirectory contacts;
    private final WorkspaceSignatures signatures;
    private final ConversationService conversations;
    private final FollowUpConfig config;
    private final Clock clock;
    private final FollowUpTemplates templates = FollowUpTemplates.load();
    /** Conversations this replica's scans checked: tells how replicas shared the work. */
    private final Counter checked;

    public SilenceScanner(EntityManager em, FollowUpOutbox outbox, ContactDirectory contacts,
            WorkspaceSignatures signatures, ConversationService conversations, FollowUpConfig config, Clock clock,
            MeterRegistry registry) {
        this.em = em;
        this.outbox = outbox;
        this.contacts = contacts;
        this.signatures = signatures;
        this.conversations = conversations;
        this.config = config;
        this.clock = clock;
        this.checked = registry.counter("clientdesk.silence_scan.checked");
    }

    @Scheduled(every = "${followup.scan-interval}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        scan();
    }

    /** Handles every conversation due now, batch by batch; returns how many were handled. */
    public int scan() {
        int total = 0;
        int handled;
        do {
            try {
                handled = QuarkusTransaction.requiringNew().call(() -> scanBatch(BATCH));
            } catch (RuntimeException e) {
                LOG.warnf("silence scan batch failed, retrying one conversation at a time: %s", e.getMessage());
                handled = scanOneByOne(BATCH);
            }
            checked.increment(handled);
            total += handled;
        } while (handled == BATCH);
        return total;
    }

    int scanBatch(int limit) {
        Instant now = clock.instant();
        List<Conversation> due = claimDue(limit, now);
        Known known = known(due);
        for (Conversation conversation : due) {
            handle(conversation, now, known);
        }
        return due.size();
    }

    /**
     * One conversation per transaction, so one that cannot be handled is set aside for {@link #RETRY_AFTER}
     * instead of holding up every other due conversation.
     */
    private int scanOneByOne(int limit) {
        int handled = 0;
        while (handled < limit) {
            UUID[] claimed = new UUID[1];
            try {
                boolean any = QuarkusTransaction.requiringNew().call(() -> {
                    Instant now = clock.instant();
                    List<Conversation> due = claimDue(1, now);
                    if (due.isEmpty()) {
                        return false;
                    }
                    Conversation conversation = due.get(0);
                    claimed[0] = conversation.id();
                    handle(conversation, now, known(due));
                    return true;
                });
                if (!any) {
                    break;
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "conversation %s could not be checked; retrying in %s", claimed[0], RETRY_AFTER);
                if (claimed[0] == null) {
                    break;
                }
                defer(claimed[0]);
            }
            handled++;
        }
        return handled;
    }

    private void defer(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "UPDATE conversation SET next_check_at = ?2 WHERE id = ?1")
                .setParameter(1, id)
                .setParameter(2, OffsetDateTime.ofInstant(clock.instant().plus(RETRY_AFTER), ZoneOffset.UTC))
                .executeUpdate());
    }

    /** Claims and loads the due conversations in one statement; the scan then runs no query per conversation. */
    @SuppressWarnings("unchecked")
    private List<Conversation> claimDue(int limit, Instant now) {
        return em.createNativeQuery("""
                SELECT * FROM conversation WHERE status = 'OPEN' AND next_check_at <= ?1
                ORDER BY next_check_at LIMIT ?2 FOR UPDATE SKIP LOCKED""", Conversation.class)
                .setParameter(1, OffsetDateTime.ofInstant(now, ZoneOffset.UTC)).setParameter(2, limit)
                .getResultList();
    }

    /** What the drafts of a batch need: the clients' contacts and their workspaces' signatures. */
    private record Known(ContactDirectory.Contacts contacts, Map<String, String> signatures) {
    }

    private Known known(List<Conversation> due) {
        return new Known(contacts.find(due.stream()
                .map(c -> new ContactDirectory.ClientKey(c.tenantId(), c.clientId())).toList()),
                signatures.of(due.stream().map(Conversation::tenantId).collect(Collectors.toSet())));
    }

    private void handle(Conversation conversation, Instant now, Known known) {
        var standing = known.contacts().of(conversation.tenantId(), conversation.clientId())
                .map(ContactDirectory.Contact::standing);
        if (standing.isPresent() && standing.get().gone()) {
            // Its ClientDeclined or ClientOffboarded closed the client's conversations; one left open is not nudged.
            conversations.close(conversation, standing.get() == ContactDirectory.Standing.DECLINED
                    ? "CLIENT_DECLINED" : "CLIENT_OFFBOARDED");
            return;
        }
        Conversation.CheckOutcome outcome = conversation.check(now, config.silenceThreshold());
        if (outcome instanceof Conversation.Nudge nudge) {
            outbox.history(conversation, "NO_REPLY", "attempt " + nudge.attempt());
            outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                    new FollowUpEvents.NoReplyForSevenDays(conversation.id(), conversation.clientId(),
                            conversation.invoiceId(), conversation.silentSince(), nudge.attempt()));
            draft(conversation, nudge.attempt(), now, known);
        } else if (outcome instanceof Conversation.WentSilent silent) {
            outbox.history(conversation, "WENT_SILENT", "after " + silent.attempts() + " follow-ups");
            outbox.publish(conversation.tenantId(), conversation.clientId(), conversation.id(),
                    new FollowUpEvents.ClientWentSilent(conversation.id(), conversation.clientId(),
                            conversation.silentSince(), silent.attempts()));
        } else if (outcome instanceof Conversation.Deferred deferred) {
            outbox.history(conversation, "DEFERRED", "paused until " + deferred.until());
        }
    }

    private void draft(Conversation conversation, int attempt, Instant now, Known known) {
        var contact = known.contacts().of(conversation.tenantId(), conversation.clientId());
        ZoneId zone = contact.map(ContactDirectory.Contact::zone).orElse(ZoneOffset.UTC);
        FollowUpTemplates.Draft draft = templates.draft(conversation, attempt,
                contact.map(ContactDirectory.Contact::name).orElse(null),
                contact.map(ContactDirectory.Contact::locale).orElse(null),
                known.signatures().get(conversation.tenantId()), LocalDate.ofInstant(now, zone));
        em.persist(new FollowUp(conversation, attempt, contact.map(ContactDirectory.Contact::email).orElse(null),
                draft, now));
    }
}
