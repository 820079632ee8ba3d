package dev.clientdesk.followup.api;

import dev.clientdesk.followup.api.ConversationResource.ConversationView;
import dev.clientdesk.followup.api.ConversationResource.Pause;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantContext;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/clients/{clientId}")
@Tag(name = "Client activity", description = "Replies from a client, and pausing follow-ups for them")
public class ClientActivityResource {

    @Schema(name = "Reply")
    public record Reply(
            @NotNull @Schema(example = "2026-11-12T08:15:00Z") Instant receivedAt,
            @NotBlank @Size(max = 50) @Schema(example = "email") String channel,
            @Schema(description = "An automatic out-of-office answer does not end the silence") boolean outOfOffice) {
    }

    private final ConversationService conversations;
    private final TenantContext tenant;
    private final Clock clock;

    public ClientActivityResource(ConversationService conversations, TenantContext tenant, Clock clock) {
        this.conversations = conversations;
        this.tenant = tenant;
        this.clock = clock;
    }

    @POST
    @Path("replies")
    @Operation(summary = "Record a reply; a real one ends the silence on all the client's conversations")
    public List<ConversationView> reply(@PathParam("clientId") UUID clientId, @Valid @NotNull Reply reply) {
        if (reply.receivedAt().isAfter(clock.instant())) {
            throw ProblemException.invalidField("receivedAt", "must not be in the future");
        }
        return conversations.replyReceived(tenant.tenantId(), clientId, reply.receivedAt(), reply.channel(),
                reply.outOfOffice()).stream().map(ConversationView::of).toList();
    }

    @PUT
    @Path("pause")
    @Operation(summary = "No nudges for this client until the given time (a payment plan, a known holiday)")
    public List<ConversationView> pause(@PathParam("clientId") UUID clientId, @Valid @NotNull Pause pause) {
        return conversations.pauseClient(tenant.tenantId(), clientId, pause.until(), pause.reason()).stream()
                .map(ConversationView::of).toList();
    }

    @DELETE
    @Path("pause")
    @Operation(summary = "End the client's pause")
    public List<ConversationView> resume(@PathParam("clientId") UUID clientId) {
        return conversations.resumeClient(tenant.tenantId(), clientId).stream().map(ConversationView::of).toList();
    }
}
