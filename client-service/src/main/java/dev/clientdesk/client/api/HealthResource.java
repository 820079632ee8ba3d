package dev.clientdesk.client.api;

import dev.clientdesk.client.health.Health;
import dev.clientdesk.client.service.HealthService;
import dev.clientdesk.kit.tenant.TenantContext;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/clients/{id}/health")
@Tag(name = "Health", description = "Is this client worth it? Effective rate, time share, conduct")
public class HealthResource {

    private final HealthService health;
    private final TenantContext tenant;

    public HealthResource(HealthService health, TenantContext tenant) {
        this.health = health;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The client's health score, its reasons and a recommendation")
    public Health get(@PathParam("id") UUID id) {
        return health.health(tenant.tenantId(), id);
    }
}
