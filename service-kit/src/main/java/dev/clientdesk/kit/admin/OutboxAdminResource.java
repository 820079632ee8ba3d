package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.outbox.OutboxSetAside;
import dev.clientdesk.kit.outbox.OutboxSetAside.SetAsideEvent;
import dev.clientdesk.kit.security.Roles;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** Operators' view of the outbox rows the broker refused for good, across workspaces. */
@Path("/v1/admin/outbox/set-aside")
@RolesAllowed(Roles.OPERATOR)
@Tag(name = "Operations", description = "For the operators of the deployment (role clientdesk-operator)")
public class OutboxAdminResource {

    private final OutboxSetAside setAside;

    public OutboxAdminResource(OutboxSetAside setAside) {
        this.setAside = setAside;
    }

    @GET
    @Operation(summary = "List the outbox events the broker refused for good, oldest first, with the rows of "
            + "their key waiting behind each")
    @APIResponse(responseCode = "200", description = "One page of events set aside")
    public Page<SetAsideEvent> listSetAside(@BeanParam @Valid PageRequest page) {
        return setAside.list(page);
    }

    @POST
    @Path("{eventId}/retry")
    @Operation(summary = "Send an event set aside again, once its cause is fixed; the waiting rows of its key "
            + "follow it in order")
    @APIResponse(responseCode = "204", description = "Back in line; the relay sends it with its next batch")
    public Response retrySetAside(@PathParam("eventId") UUID eventId) {
        setAside.retry(eventId);
        return Response.noContent().build();
    }
}
