package dev.clientdesk.followup.api;

import dev.clientdesk.followup.domain.FollowUp;
import dev.clientdesk.followup.service.FollowUpService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;
import dev.clientdesk.kit.web.SingleLine;

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

import java.time.Instant;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/followups")
@Tag(name = "Follow-ups", description = "Drafted follow-ups for silent clients: edit and send")
public class FollowUpResource {

    @Schema(name = "FollowUpEdit")
    public record Edit(@Size(min = 1, max = 300) @SingleLine @Schema(example = "Invoice INV-2026-0007: a gentle reminder") String subject,
            @Size(min = 1, max = 10000) @Schema(example = "Hello Aigerim,\n\nI am writing about invoice INV-2026-0007 for EUR 1,000.00, due on 1 December 2026. Did it reach you, and do you still intend to go ahead?") String body) {
    }

    @Schema(name = "FollowUp")
    public record FollowUpView(UUID id, UUID conversationId, UUID clientId, int attempt, String language,
            String recipient, String subject, String body, FollowUp.Status status, Instant createdAt,
            Instant sentAt) {
        static FollowUpView of(FollowUp f) {
            return new FollowUpView(f.id(), f.conversationId(), f.clientId(), f.attempt(), f.language(),
                    f.recipient(), f.subject(), f.body(), f.status(), f.createdAt(), f.sentAt());
        }
    }

    private final FollowUpService followUps;
    private final TenantContext tenant;

    public FollowUpResource(FollowUpService followUps, TenantContext tenant) {
        this.followUps = followUps;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List follow-ups by client and status, newest first")
    public Page<FollowUpView> list(@QueryParam("clientId") String clientId,
            @QueryParam("status") @Schema(implementation = FollowUp.Status.class) String status,
            @BeanParam @Valid PageRequest page) {
        return followUps.list(tenant.tenantId(), QueryParams.uuid("clientId", clientId),
                QueryParams.enumValue("status", status, FollowUp.Status.class), page).map(FollowUpView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a follow-up")
    @APIResponseSchema(value = FollowUpView.class, responseCode = "200", responseDescription = "The follow-up; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return view(followUps.get(tenant.tenantId(), id));
    }

    @PATCH
    @Path("{id}")
    @Operation(summary = "Edit a draft's subject or body (needs If-Match)")
    @APIResponseSchema(value = FollowUpView.class, responseCode = "200", responseDescription = "The edited draft")
    public Response edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull Edit edit) {
        return view(followUps.edit(tenant.tenantId(), id, ifMatch, edit.subject(), edit.body()));
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "Send the follow-up (emailed when SMTP is configured); counts as your last message")
    @APIResponseSchema(value = FollowUpView.class, responseCode = "200", responseDescription = "The sent follow-up")
    public Response send(@PathParam("id") UUID id) {
        return view(followUps.send(tenant.tenantId(), id));
    }

    private static Response view(FollowUp followUp) {
        return ETags.ok(FollowUpView.of(followUp), followUp.version());
    }
}
