package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
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

/** Operators: this service's dead letters of a topic it consumes, and their replay. */
@Path("/v1/admin/dead-letters/{topic}")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.OPERATOR)
@SecurityRequirement(name = "bearer")
@Tag(name = "Operations", description = "For the operators of the deployment (role clientdesk-operator)")
public class DeadLetterResource {

    private final DeadLetterAdmin admin;

    public DeadLetterResource(DeadLetterAdmin admin) {
        this.admin = admin;
    }

    @GET
    @Operation(summary = "List this service's dead letters of a topic it consumes, oldest first")
    @APIResponse(responseCode = "200", description = "The dead letters, up to limit",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = DeadLetterView.class)))
    public List<DeadLetterView> list(
            @Parameter(description = "A topic this service consumes", example = "billing.v1")
            @PathParam("topic") @Pattern(regexp = "[a-z0-9.-]{1,100}") String topic,
            @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(DeadLetterAdmin.MAX_RECORDS) int limit) {
        return admin.list(topic, limit);
    }

    @POST
    @Path("replay")
    @Operation(summary = "Replay this service's dead letters of a topic through its event handlers (safe to repeat)")
    @APIResponse(responseCode = "200", description = "What the replay did",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ReplayReport.class)))
    public ReplayReport replay(
            @Parameter(description = "A topic this service consumes", example = "billing.v1")
            @PathParam("topic") @Pattern(regexp = "[a-z0-9.-]{1,100}") String topic) {
        return admin.replay(topic);
    }
}
