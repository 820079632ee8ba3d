package dev.clientdesk.client.service;

import dev.clientdesk.client.api.PolicyDocument;
import dev.clientdesk.client.domain.WorkspacePolicy;
import dev.clientdesk.client.events.ClientEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** The workspace policy: defaults until the first PUT, then the stored one. */
@ApplicationScoped
public class PolicyService {

    private final EntityManager em;
    private final OutboxWriter outbox;

    public PolicyService(EntityManager em, OutboxWriter outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    public WorkspacePolicy current(String tenantId) {
        WorkspacePolicy stored = em.find(WorkspacePolicy.class, tenantId);
        return stored == null ? WorkspacePolicy.defaults(tenantId) : stored;
    }

    /** Replaces the policy; If-Match is needed once a policy exists, so two editors don't overwrite each other. */
    @Transactional
    public WorkspacePolicy replace(String tenantId, String ifMatch, PolicyDocument document) {
        WorkspacePolicy policy = em.find(WorkspacePolicy.class, tenantId);
        if (policy == null) {
            policy = WorkspacePolicy.defaults(tenantId);
            em.persist(policy);
        } else {
            ETags.requireMatch(ifMatch, policy.version());
        }
        if (document.minimumBudget() != null && document.minimumBudget().isNegative()) {
            throw ProblemException.invalidField("minimumBudget.amount", "must not be negative");
        }
        if (document.targetHourlyRate() != null && document.targetHourlyRate().isNegative()) {
            throw ProblemException.invalidField("targetHourlyRate.amount", "must not be negative");
        }
        String signatureBefore = policy.letterSignature();
        policy.replace(document.servicesOffered(), document.minimumBudget(), document.idealClientTraits(),
                document.unwantedTraits(), document.friendsAndFamily(), document.targetHourlyRate(),
                document.maxBelowTargetShare(), document.letterSignature(), document.defaultLocale());
        publishSignatureChange(policy, signatureBefore);
        em.flush();
        return policy;
    }

    /** Follow-ups are signed like letters, so followup-service hears of a new signature (keyed by the workspace). */
    private void publishSignatureChange(WorkspacePolicy policy, String before) {
        if (!policy.letterSignature().equals(before)) {
            outbox.append(ClientEvents.TOPIC, policy.tenantId(), policy.tenantId(), policy.tenantId(),
                    new ClientEvents.WorkspaceSignatureChanged(policy.letterSignature()));
        }
    }
}
