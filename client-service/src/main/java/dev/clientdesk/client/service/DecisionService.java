package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.ClientNote;
import dev.clientdesk.client.domain.ClientStatus;
import dev.clientdesk.client.domain.Ending;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.client.domain.ReferralPartner;
import dev.clientdesk.client.domain.WorkspacePolicy;
import dev.clientdesk.client.events.ClientEvents;
import dev.clientdesk.client.letters.ClientLetter;
import dev.clientdesk.client.letters.Letter;
import dev.clientdesk.client.letters.LetterKind;
import dev.clientdesk.client.letters.LetterRenderer;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Accepting a lead, saying no to one and ending a relationship: the status change, the letter in the
 * client's language and the event, in one transaction.
 */
@ApplicationScoped
public class DecisionService {

    private final EntityManager em;
    private final ClientService clients;
    private final PartnerService partners;
    private final PolicyService policies;
    private final LetterService letters;
    private final Clock clock;

    public DecisionService(EntityManager em, ClientService clients, PartnerService partners, PolicyService policies,
            LetterService letters, Clock clock) {
        this.em = em;
        this.clients = clients;
        this.partners = partners;
        this.policies = policies;
        this.letters = letters;
        this.clock = clock;
    }

    public record Decision(Client client, Letter letter) {
    }

    /**
     * Accepts a lead with a welcome letter. A lead whose email belongs to a client you ended is accepted only
     * with a stated reason, which is kept on the client, noted and published as the exception it is.
     *
     * @param overrideReason why you accept it anyway; ignored when no rule stands in the way
     */
    @Transactional
    public Decision accept(String tenantId, UUID clientId, String overrideReason) {
        Client client = clients.get(tenantId, clientId);
        Optional<Client> ended = client.status() == ClientStatus.LEAD
                ? clients.lastEndedWithEmail(tenantId, client.email()) : Optional.empty();
        String exception = null;
        if (ended.isPresent()) {
            Client earlier = ended.get();
            if (overrideReason == null || overrideReason.isBlank()) {
                throw ProblemException.conflict("ended-client-reintake", "you ended " + earlier.name() + " (client "
                        + earlier.id() + ") with the email " + earlier.email() + " on "
                        + earlier.updatedAt().atOffset(ZoneOffset.UTC).toLocalDate()
                        + "; to accept this lead anyway, send override.reason saying why");
            }
            exception = overrideReason.strip();
            client.acceptAsException(exception, clock.instant());
            em.persist(new ClientNote(tenantId, client.id(), NoteKind.REINTAKE_EXCEPTION, "Accepted again although "
                    + earlier.name() + " (client " + earlier.id() + ") with this email was ended: " + exception,
                    clock.instant()));
        } else {
            client.moveTo(ClientStatus.ACCEPTED, clock.instant());
        }
        Letter letter = write(client, LetterKind.ACCEPTANCE, null, List.of(), Ending.DEFAULT);
        clients.publish(client, new ClientEvents.ClientAccepted(client.id(), client.name(), client.email(),
                client.locale(), exception));
        return new Decision(client, letter);
    }

    /** @param includeReason the reason is yours to give or keep; it is recorded either way */
    @Transactional
    public Decision decline(String tenantId, UUID clientId, String reason, boolean includeReason,
            List<UUID> partnerIds) {
        Client client = clients.get(tenantId, clientId);
        List<ReferralPartner> referrals = partners.referrals(tenantId, partnerIds, "partnerIds");
        client.moveTo(ClientStatus.DECLINED, clock.instant());
        Letter letter = write(client, LetterKind.DECLINE, includeReason ? reason : null, referrals, Ending.DEFAULT);
        clients.publish(client, new ClientEvents.ClientDeclined(client.id(), reason));
        return new Decision(client, letter);
    }

    /**
     * Ends the relationship: billing settles as the ending says (and as the letter tells the client), and
     * follow-ups stop when they see ClientOffboarded.
     */
    @Transactional
    public Decision offboard(String tenantId, UUID clientId, String reason, boolean includeReason, UUID partnerId,
            Ending ending) {
        Client client = clients.get(tenantId, clientId);
        List<ReferralPartner> referrals = partners.referrals(tenantId,
                partnerId == null ? List.of() : List.of(partnerId), "partnerId");
        client.moveTo(ClientStatus.ENDED, clock.instant());
        Letter letter = write(client, LetterKind.TERMINATION, includeReason ? reason : null, referrals, ending);
        clients.publish(client, new ClientEvents.ClientOffboarded(client.id(), reason, ending.endedBy(),
                ending.finishCommittedWork()));
        return new Decision(client, letter);
    }

    public List<Letter> letters(String tenantId, UUID clientId) {
        clients.get(tenantId, clientId);
        return em.createQuery("FROM ClientLetter l WHERE l.clientId = :client ORDER BY l.createdAt, l.id",
                        ClientLetter.class)
                .setParameter("client", clientId).getResultList().stream().map(ClientLetter::letter).toList();
    }

    private Letter write(Client client, LetterKind kind, String reason, List<ReferralPartner> referrals,
            Ending ending) {
        WorkspacePolicy policy = policies.current(client.tenantId());
        ZoneId zone = client.timezone() == null ? ZoneOffset.UTC : ZoneId.of(client.timezone());
        Letter letter = letters.render(client.tenantId(), kind, client.locale(), new LetterRenderer.Context(
                client.name(), client.requestedService(), reason,
                referrals.stream().map(ReferralPartner::asReferral).toList(),
                policy.letterSignature(), policy.freeResourcesUrl(), client.budget(), ending,
                LocalDate.ofInstant(clock.instant(), zone)));
        em.persist(new ClientLetter(client.tenantId(), client.id(), letter, clock.instant()));
        return letter;
    }
}
