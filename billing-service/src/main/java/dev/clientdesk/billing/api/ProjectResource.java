package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingRequests.CreateProject;
import dev.clientdesk.billing.api.BillingViews.ProjectView;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.service.BillingService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Path("/v1/projects")
@Tag(name = "Projects", description = "Contracts with a deposit and milestone schedule")
public class ProjectResource {

    private final BillingService billing;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public ProjectResource(BillingService billing, TenantContext tenant, IdempotentRequests idempotency) {
        this.billing = billing;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Contract a project; its deposit invoice is issued as a draft")
    public Response create(@Valid @NotNull CreateProject request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects", request, () -> {
            BillingService.Contracted contracted = billing.contract(tenant.tenantId(), request);
            Project project = contracted.project();
            return Response.created(URI.create("/v1/projects/" + project.id()))
                    .entity(ProjectView.of(project, contracted.depositInvoice().id()))
                    .tag(ETags.of(project.version())).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a project with its schedule")
    public Response get(@PathParam("id") UUID id) {
        Project project = billing.project(tenant.tenantId(), id);
        return Response.ok(ProjectView.of(project, billing.depositInvoiceId(project)))
                .tag(ETags.of(project.version())).build();
    }
}
