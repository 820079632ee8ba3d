package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.ReferralPartner;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class PartnerService {

    private final EntityManager em;
    private final Clock clock;

    public PartnerService(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    public record PartnerData(String name, String email, List<String> services, String note) {
    }

    @Transactional
    public ReferralPartner create(String tenantId, PartnerData data) {
        ReferralPartner partner = ReferralPartner.create(tenantId, data.name(), data.email(), data.services(),
                data.note(), clock.instant());
        em.persist(partner);
        return partner;
    }

    @Transactional
    public ReferralPartner replace(String tenantId, UUID id, String ifMatch, PartnerData data) {
        ReferralPartner partner = get(tenantId, id);
        ETags.requireMatch(ifMatch, partner.version());
        partner.replace(data.name(), data.email(), data.services(), data.note());
        em.flush();
        return partner;
    }

    @Transactional
    public void delete(String tenantId, UUID id) {
        em.remove(get(tenantId, id));
    }

    public ReferralPartner get(String tenantId, UUID id) {
        ReferralPartner partner = TenantOwned.require(em.find(ReferralPartner.class, id), tenantId, "partner", id);
        return partner;
    }

    /** The partners to name in a letter; an unknown id is the caller's mistake, named in the problem. */
    public List<ReferralPartner> referrals(String tenantId, List<UUID> ids, String field) {
        if (ids == null) {
            return List.of();
        }
        return ids.stream().distinct().map(id -> {
            ReferralPartner partner = em.find(ReferralPartner.class, id);
            if (partner == null || !partner.tenantId().equals(tenantId)) {
                throw ProblemException.invalidField(field, "no referral partner " + id + " in this workspace");
            }
            return partner;
        }).toList();
    }

    public Page<ReferralPartner> list(String tenantId, PageRequest page) {
        return PagedQuery.of(em, ReferralPartner.class).where("tenantId", tenantId).orderBy("e.name, e.id")
                .page(page);
    }
}
