package dev.clientdesk.kit.tenant;

import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.RequestScoped;

import org.eclipse.microprofile.jwt.JsonWebToken;

/** The workspace of the current request: the {@code tenant_id} claim of its verified bearer token. */
@RequestScoped
public class TenantContext {

    public static final String CLAIM = "tenant_id";
    private static final int MAX_LENGTH = 64;

    private final JsonWebToken token;

    public TenantContext(JsonWebToken token) {
        this.token = token;
    }

    public String tenantId() {
        Object claim = token.getClaim(CLAIM);
        String tenant = claim == null ? null : claim.toString();
        if (tenant == null || tenant.isBlank() || tenant.length() > MAX_LENGTH) {
            throw new ProblemException(403, "missing-tenant", "Forbidden",
                    "the token carries no usable " + CLAIM + " claim");
        }
        return tenant;
    }
}
