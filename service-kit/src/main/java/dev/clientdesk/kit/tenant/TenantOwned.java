package dev.clientdesk.kit.tenant;

import dev.clientdesk.kit.problem.ProblemException;

import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.util.List;

/** Something that belongs to one workspace; another workspace must not learn that it exists. */
public interface TenantOwned {

    String tenantId();

    /**
     * @return the entity when it exists and belongs to the workspace
     * @throws ProblemException 404 otherwise, the same answer for "missing" and "someone else's"
     */
    static <T extends TenantOwned> T require(T entity, String tenantId, String what, Object id) {
        if (entity == null || !entity.tenantId().equals(tenantId)) {
            throw ProblemException.notFound(what, id);
        }
        return entity;
    }

    /**
     * The entity, its row locked until the transaction ends, when it belongs to the workspace; the same 404 as
     * {@link #require} otherwise. The workspace is part of the locking query, so another workspace's request
     * neither waits for nor takes a lock on the row: it is answered at once. Services that lock several kinds
     * of rows in one transaction take them in one documented order (billing-service README: the client's
     * known_client row, then projects, then invoices, then the invoice counter).
     */
    static <T extends TenantOwned> T lockOwned(EntityManager em, Class<T> type, String tenantId, Object id,
            String what) {
        List<T> rows = em.createQuery("SELECT e FROM " + em.getMetamodel().entity(type).getName()
                        + " e WHERE e.id = :id AND e.tenantId = :tenant", type)
                .setParameter("id", id).setParameter("tenant", tenantId)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        if (rows.isEmpty()) {
            throw ProblemException.notFound(what, id);
        }
        return rows.get(0);
    }
}
