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

import java.net.URI;
import java.net.URISyntaxException;

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
        policy.useFreeResources(absoluteHttpUrl("freeResourcesUrl", document.freeResourcesUrl()));
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

    /** Blank is "none"; anything else must be an absolute http or https URL with a host. */
    private static String absoluteHttpUrl(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(value.strip());
            if (uri.isAbsolute() && uri.getHost() != null
                    && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri.toString();
            }
        } catch (URISyntaxException e) {
            // reported below, like any other URL that is not absolute http(s)
        }
        throw ProblemException.invalidField(field, "must be an absolute http or https URL, such as https://example.com/guides");
    }
}
