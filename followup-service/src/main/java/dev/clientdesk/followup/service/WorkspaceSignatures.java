package dev.clientdesk.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The signature each workspace puts under its letters (WorkspaceSignatureChanged), for follow-ups too. */
@ApplicationScoped
public class WorkspaceSignatures {

    private final EntityManager em;

    public WorkspaceSignatures(EntityManager em) {
        this.em = em;
    }

    /** Keeps the signature unless a later change is already stored (the events' time decides, not their order). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String tenantId, String signature, Instant at) {
        em.createNativeQuery("""
                INSERT INTO workspace_signature (tenant_id, signature, changed_at) VALUES (?1, ?2, ?3)
                ON CONFLICT (tenant_id) DO UPDATE SET signature = EXCLUDED.signature, changed_at = EXCLUDED.changed_at
                WHERE workspace_signature.changed_at <= EXCLUDED.changed_at""")
                .setParameter(1, tenantId).setParameter(2, signature == null ? "" : signature.strip())
                .setParameter(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                .executeUpdate();
    }

    /** The signatures of the given workspaces that have one (a blank one counts as none). */
    public Map<String, String> of(Collection<String> tenantIds) {
        Map<String, String> found = new HashMap<>();
        if (tenantIds.isEmpty()) {
            return found;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT tenant_id, signature FROM workspace_signature WHERE tenant_id IN (?1) AND signature <> ''")
                .setParameter(1, tenantIds).getResultList();
        rows.forEach(r -> found.put((String) r[0], (String) r[1]));
        return found;
    }
}
