package dev.clientdesk.kit.web;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.problem.ProblemMappers;
import dev.clientdesk.kit.tenant.TenantContext;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * At most {@code clientdesk.rate-limit.requests-per-second} requests per workspace and replica, after a burst
 * of {@code clientdesk.rate-limit.burst}; one more is a 429 with Retry-After. Requests without a workspace are
 * not counted here: they are refused anyway.
 */
@ApplicationScoped
public class WorkspaceRateLimit {

    /** Buckets kept at most; a full bucket is a quiet workspace and is dropped first. */
    static final int MAX_WORKSPACES = 10_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final KitConfig.RateLimit limit;
    private final JsonWebToken token;

    public WorkspaceRateLimit(KitConfig config, JsonWebToken token) {
        this.limit = config.rateLimit();
        this.token = token;
    }

    @ServerRequestFilter
    public Response limit(UriInfo uri) {
        Object workspace = token.getClaim(TenantContext.CLAIM);
        if (workspace == null) {
            return null;
        }
        ConsumptionProbe probe = bucket(workspace.toString()).tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            return null;
        }
        long retryAfter = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999) / 1_000_000_000);
        Problem problem = new Problem(Problem.TYPE_BASE + "rate-limited", "Too many requests", 429,
                "this workspace sent more than " + limit.requestsPerSecond() + " requests a second; retry after "
                        + retryAfter + " s", uri.getPath(), List.of());
        return Response.fromResponse(ProblemMappers.respond(problem)).header("Retry-After", retryAfter).build();
    }

    private Bucket bucket(String workspace) {
        Bucket bucket = buckets.get(workspace);
        if (bucket != null) {
            return bucket;
        }
        if (buckets.size() >= MAX_WORKSPACES) {
            buckets.values().removeIf(b -> b.getAvailableTokens() >= limit.burst());
            if (buckets.size() >= MAX_WORKSPACES) {
                buckets.clear();
            }
        }
        return buckets.computeIfAbsent(workspace, w -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(limit.burst())
                        .refillGreedy(limit.requestsPerSecond(), Duration.ofSeconds(1)).build())
                .build());
    }
}
