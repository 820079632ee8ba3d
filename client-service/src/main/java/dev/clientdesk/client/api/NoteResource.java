package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.ClientNote;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.client.service.NoteService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.time.Instant;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/clients/{id}/notes")
@Tag(name = "Notes", description = "Preferences, special requests and incidents: what health is built from")
public class NoteResource {

    @Schema(name = "NewNote")
    public record NewNote(@NotNull @Schema(example = "SPECIAL_REQUEST") NoteKind kind,
            @NotBlank @Size(max = 4000) @Schema(example = "Asked to pay the deposit after delivery") String text) {
    }

    @Schema(name = "Note")
    public record NoteView(UUID id, NoteKind kind, String text, Instant createdAt) {
        static NoteView of(ClientNote note) {
            return new NoteView(note.id(), note.kind(), note.text(), note.createdAt());
        }
    }

    private final NoteService notes;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public NoteResource(NoteService notes, TenantContext tenant, IdempotentRequests idempotency) {
        this.notes = notes;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Note a preference, a special request (an exception to your policy) or an incident")
    @APIResponseSchema(value = NoteView.class, responseCode = "201", responseDescription = "The note")
    public Response add(@PathParam("id") UUID clientId, @Valid @NotNull NewNote request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/clients/" + clientId + "/notes",
                request, () -> {
                    ClientNote note = notes.add(tenant.tenantId(), clientId, request.kind(), request.text());
                    return Response.created(URI.create("/v1/clients/" + clientId + "/notes/" + note.id()))
                            .entity(NoteView.of(note)).build();
                });
    }

    @GET
    @Operation(summary = "The client's notes, newest first")
    public Page<NoteView> list(@PathParam("id") UUID clientId,
            @QueryParam("kind") @Schema(implementation = NoteKind.class) String kind,
            @BeanParam @Valid PageRequest page) {
        return notes.list(tenant.tenantId(), clientId, QueryParams.enumValue("kind", kind, NoteKind.class), page)
                .map(NoteView::of);
    }
}
