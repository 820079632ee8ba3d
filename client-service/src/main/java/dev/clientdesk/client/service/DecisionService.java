package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.ClientStatus;
import dev.clientdesk.client.domain.ReferralPartner;
import dev.clientdesk.client.events.ClientEvents;
import dev.clientdesk.client.letters.ClientLetter;
import dev.clientdesk.client.letters.Letter;
import dev.clientdesk.client.letters.LetterKind;
import dev.clientdesk.client.letters.LetterRenderer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Saying no to a lead and ending a relationship: the status change, the letter in the client's language
 * and the event, in one transaction.
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

    /** @param includeReason the reason is yours to give or keep; it is recorded either way */
    @Transactional
    public Decision decline(String tenantId, UUID clientId, String reason, boolean includeReason,
            List<UUID> partnerIds) {
        Client client = clients.get(tenantId, clientId);
        List<ReferralPartner> referrals = partners.referrals(tenantId, partnerIds, "partnerIds");
        client.moveTo(ClientStatus.DECLINED, clock.instant());
        Letter letter = write(client, LetterKind.DECLINE, includeReason ? reason : null, referrals);
        clients.publish(client, new ClientEvents.ClientDeclined(client.id(), reason));
        return new Decision(client, letter);
    }

    /** Ends the relationship: billing settles per contract and follow-ups stop when they see ClientOffboarded. */
    @Transactional
    public Decision offboard(String tenantId, UUID clientId, String reason, boolean includeReason, UUID partnerId) {
        Client client = clients.get(tenantId, clientId);
        List<ReferralPartner> referrals = partners.referrals(tenantId,
                partnerId == null ? List.of() : List.of(partnerId), "partnerId");
        client.moveTo(ClientStatus.ENDED, clock.instant());
        Letter letter = write(client, LetterKind.TERMINATION, includeReason ? reason : null, referrals);
        clients.publish(client, new ClientEvents.ClientOffboarded(client.id(), reason));
        return new Decision(client, letter);
    }

    public List<Letter> letters(String tenantId, UUID clientId) {
        clients.get(tenantId, clientId);
        return em.createQuery("FROM ClientLetter l WHERE l.clientId = :client ORDER BY l.createdAt, l.id",
                        ClientLetter.class)
                .setParameter("client", clientId).getResultList().stream().map(ClientLetter::letter).toList();
    }

    private Letter write(Client client, LetterKind kind, String reason, List<ReferralPartner> referrals) {
        Letter letter = letters.render(client.tenantId(), kind, client.locale(), new LetterRenderer.Context(
                client.name(), client.requestedService(), reason,
                referrals.stream().map(ReferralPartner::asReferral).toList(),
                policies.current(client.tenantId()).letterSignature()));
        em.persist(new ClientLetter(client.tenantId(), client.id(), letter, clock.instant()));
        return letter;
    }
}
