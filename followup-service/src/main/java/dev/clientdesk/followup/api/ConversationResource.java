package dev.clientdesk.followup.api;

import dev.clientdesk.followup.domain.Conversation;
import dev.clientdesk.followup.domain.ConversationEntry;
import dev.clientdesk.followup.domain.ConversationStatus;
import dev.clientdesk.followup.service.ConversationService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/conversations")
@Tag(name = "Conversations", description = "Things you are waiting on a client for")
public class ConversationResource {

    @Schema(name = "OpenConversation")
    public record OpenConversation(
            @NotNull UUID clientId,
            @NotBlank @Size(max = 300) @SingleLine @Schema(example = "Proposal for the spring campaign") String subject,
            @Schema(description = "When you last wrote to the client; now when omitted", example = "2026-11-20T10:00:00Z")
            Instant lastWrittenAt) {
    }

    @Schema(name = "Conversation")
    public record ConversationView(UUID id, UUID clientId, UUID invoiceId, Conversation.Kind kind, String subject,
            Map<String, String> details, ConversationStatus status, Instant silentSince, int attempts,
            Instant nextCheckAt, Instant pausedUntil,
            @Schema(description = "Why it is paused, as given with the pause", example = "On a payment plan")
            String pauseReason,
            Instant openedAt, Instant closedAt, String closeReason, List<HistoryEntry> history) {

        static ConversationView of(Conversation c, List<ConversationEntry> history) {
            return new ConversationView(c.id(), c.clientId(), c.invoiceId(), c.kind(), c.subject(), c.details(),
                    c.status(), c.silentSince(), c.attempts(), c.nextCheckAt(), c.pausedUntil(), c.pauseReason(),
                    c.openedAt(), c.closedAt(), c.closeReason(),
                    history == null ? null : history.stream().map(e -> new HistoryEntry(e.at(), e.kind(), e.note()))
                            .toList());
        }

        static ConversationView of(Conversation c) {
            return of(c, null);
        }
    }

    @Schema(name = "HistoryEntry")
    public record HistoryEntry(Instant at, String kind, String note) {
    }

    @Schema(name = "CloseConversation")
    public record Close(@Size(max = 200) @Schema(example = "Client accepted the proposal") String reason) {
    }

    @Schema(name = "Pause")
    public record Pause(@NotNull @Schema(example = "2026-12-01T00:00:00Z") Instant until,
            @Size(max = 500) @Schema(example = "On a payment plan") String reason) {
    }

    private final ConversationService conversations;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public ConversationResource(ConversationService conversations, TenantContext tenant,
            IdempotentRequests idempotency) {
        this.conversations = conversations;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Start waiting for a reply to something you wrote",
            description = "Only for a client whose acceptance this service has heard of: an unknown client, a lead"
                    + " not accepted, a declined or an offboarded client is a 409 naming clientId.")
    @APIResponseSchema(value = ConversationView.class, responseCode = "201", responseDescription = "The open conversation; Location names it")
    public Response open(@Valid @NotNull OpenConversation request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/conversations", request, () -> {
            Conversation c = conversations.openManually(tenant.tenantId(), request.clientId(), request.subject().trim(),
                    request.lastWrittenAt());
            return ETags.created(URI.create("/v1/conversations/" + c.id()), ConversationView.of(c), c.version());
        });
    }

    @GET
    @Operation(summary = "List conversations by client and status, newest first")
    public Page<ConversationView> list(@QueryParam("clientId") String clientId,
            @QueryParam("status") @Schema(implementation = ConversationStatus.class) String status,
            @BeanParam @Valid PageRequest page) {
        return conversations.list(tenant.tenantId(), QueryParams.uuid("clientId", clientId),
                QueryParams.enumValue("status", status, ConversationStatus.class), page).map(ConversationView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a conversation with its history")
    @APIResponseSchema(value = ConversationView.class, responseCode = "200", responseDescription = "The conversation with its history; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        Conversation c = conversations.get(tenant.tenantId(), id);
        return ETags.ok(ConversationView.of(c, conversations.history(c.id())), c.version());
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close a conversation: you got what you were waiting for")
    public ConversationView close(@PathParam("id") UUID id, @Valid Close request) {
        return ConversationView.of(conversations.close(tenant.tenantId(), id, request == null ? null : request.reason()));
    }

    @PUT
    @Path("{id}/pause")
    @Operation(summary = "No nudges on this conversation until the given time")
    public ConversationView pause(@PathParam("id") UUID id, @Valid @NotNull Pause pause) {
        return ConversationView.of(conversations.pause(tenant.tenantId(), id, pause.until(), pause.reason()));
    }

    @DELETE
    @Path("{id}/pause")
    @Operation(summary = "End the pause; the silence is checked again on its usual cadence")
    public ConversationView resume(@PathParam("id") UUID id) {
        return ConversationView.of(conversations.resume(tenant.tenantId(), id));
    }
}
