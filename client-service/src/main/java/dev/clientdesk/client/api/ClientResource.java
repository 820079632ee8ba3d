package dev.clientdesk.client.api;

import dev.clientdesk.client.api.ClientRequests.RegisterClient;
import dev.clientdesk.client.api.ClientRequests.Rescreen;
import dev.clientdesk.client.api.ClientRequests.UpdateClient;
import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.ClientStatus;
import dev.clientdesk.client.domain.RedFlag;
import dev.clientdesk.client.service.ClientService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/clients")
@Tag(name = "Clients", description = "Intake, screening and the client's life cycle")
public class ClientResource {

    private final ClientService clients;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public ClientResource(ClientService clients, TenantContext tenant, IdempotentRequests idempotency) {
        this.clients = clients;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Register a lead and screen it for red flags")
    @APIResponseSchema(value = ClientView.class, responseCode = "201", responseDescription = "The client with its screening; Location names it")
    public Response register(@Valid @NotNull RegisterClient request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/clients", request, () -> {
            Client client = clients.register(tenant.tenantId(), request);
            return ETags.created(URI.create("/v1/clients/" + client.id()), ClientView.of(client), client.version());
        });
    }

    @GET
    @Operation(summary = "List clients, newest first, by status, red flag or text")
    public Page<ClientView> list(
            @QueryParam("status") @Schema(implementation = ClientStatus.class) String status,
            @QueryParam("flag") @Schema(implementation = RedFlag.class) String flag,
            @QueryParam("q") @Size(max = 200) String text, @BeanParam @Valid PageRequest page) {
        return clients.list(tenant.tenantId(), QueryParams.enumValue("status", status, ClientStatus.class),
                QueryParams.enumValue("flag", flag, RedFlag.class), text, page).map(ClientView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a client with its latest screening")
    @APIResponseSchema(value = ClientView.class, responseCode = "200", responseDescription = "The client; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return view(clients.get(tenant.tenantId(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Change contact details (needs If-Match)")
    @APIResponseSchema(value = ClientView.class, responseCode = "200", responseDescription = "The updated client")
    public Response update(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull UpdateClient request) {
        return view(clients.update(tenant.tenantId(), id, ifMatch, request));
    }

    @POST
    @Path("{id}/screenings")
    @Operation(summary = "Screen a lead again after new signals")
    @APIResponseSchema(value = ClientView.class, responseCode = "200", responseDescription = "The client with the new screening")
    public Response rescreen(@PathParam("id") UUID id, @Valid @NotNull Rescreen request) {
        return view(clients.rescreen(tenant.tenantId(), id, request.signals()));
    }

    private static Response view(Client client) {
        return ETags.ok(ClientView.of(client), client.version());
    }
}
