package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;

import java.util.List;

/** Operators: events parked because what they depend on never arrived, and retrying one now. */
@Path("/v1/admin/parked-events")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Operations", description = "For the operators of the deployment (role clientdesk-operator)")
public class ParkedEventResource {

    private final ParkedEventAdmin admin;

    public ParkedEventResource(ParkedEventAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Operation(summary = "List this service's parked events, oldest first")
    @APIResponse(responseCode = "200", description = "The parked events, up to limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = ParkedEventView.class)))
    public List<ParkedEventView> list(
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
        return admin.list(limit);
    }

    @POST
    @Path("{id}/retry")
    @Operation(summary = "Apply a parked event now, if what it waits for exists (the oldest of its key only)")
    @APIResponse(responseCode = "200", description = "What the retry came to",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RetryResult.class)))
    public RetryResult retry(@Parameter(description = "The parked event's id", example = "12")
            @PathParam("id") @Min(1) long id) {
        return admin.retry(id);
    }
}
