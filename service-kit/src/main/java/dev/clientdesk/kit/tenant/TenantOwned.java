package dev.clientdesk.kit.tenant;

import dev.clientdesk.kit.problem.ProblemException;

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
}
