package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.WorkspacePolicy;
import dev.clientdesk.client.service.PolicyService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/policy")
@Tag(name = "Policy", description = "The workspace's ideal client and limits, used by screening")
public class PolicyResource {

    private final PolicyService policies;
    private final TenantContext tenant;

    public PolicyResource(PolicyService policies, TenantContext tenant) {
        this.policies = policies;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "Get the workspace policy (defaults until one is saved)")
    @APIResponseSchema(value = PolicyDocument.class, responseCode = "200", responseDescription = "The workspace policy; ETag is its version")
    public Response get() {
        return view(policies.current(tenant.tenantId()));
    }

    @PUT
    @Operation(summary = "Replace the workspace policy (If-Match once one exists)")
    @APIResponseSchema(value = PolicyDocument.class, responseCode = "200", responseDescription = "The saved workspace policy")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull PolicyDocument document) {
        return view(policies.replace(tenant.tenantId(), ifMatch, document));
    }

    private static Response view(WorkspacePolicy policy) {
        return ETags.ok(PolicyDocument.of(policy), policy.version());
    }
}
