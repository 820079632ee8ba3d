package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.EndedBy;
import dev.clientdesk.client.domain.Ending;
import dev.clientdesk.client.letters.Letter;
import dev.clientdesk.client.service.DecisionService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/clients/{id}")
@Tag(name = "Decisions", description = "Accepting or declining a lead and ending a relationship, with the letter to send")
public class DecisionResource {

    @Schema(name = "Decline")
    public record Decline(
            @Size(max = 1000) @Schema(example = "It is outside the services I offer") String reason,
            @Schema(description = "Whether the letter states the reason; giving it is your choice") boolean includeReason,
            @Size(max = 5) List<@NotNull UUID> partnerIds) {
    }

    @Schema(name = "Offboarding")
    public record Offboarding(
            @NotBlank @Size(max = 1000) @Schema(example = "Repeated calls outside agreed hours") String reason,
            @Schema(description = "Whether the letter states the reason") boolean includeReason,
            UUID partnerId,
            @Schema(description = "Who ends it (default FREELANCER); the cancellation fee is due only when the CLIENT does",
                    example = "FREELANCER") EndedBy endedBy,
            @Schema(description = "Whether stages already started are still finished and billed (default true); "
                    + "with false they count as unfinished", example = "true") Boolean finishCommittedWork) {
    }

    @Schema(name = "Accept", description = "Optional; needed only to accept a lead against a rule")
    public record Accept(@Valid AcceptOverride override) {
    }

    @Schema(name = "AcceptOverride", description = "Accept anyway: the reason is kept on the client and published")
    public record AcceptOverride(
            @NotBlank @Size(max = 1000) @Schema(example = "Six months on, they asked for a fixed scope and prepay") String reason) {
    }

    @Schema(name = "Decision")
    public record DecisionView(ClientView client, Letter letter) {
    }

    private final DecisionService decisions;
    private final TenantContext tenant;

    public DecisionResource(DecisionService decisions, TenantContext tenant) {
        this.decisions = decisions;
        this.tenant = tenant;
    }

    @POST
    @Path("accept")
    @Operation(summary = "Accept a lead; writes the acceptance letter (listed with the client's letters)",
            description = "A lead whose email belongs to a client you ended needs override.reason: 409 without it, "
                    + "naming the earlier client; with it the acceptance is recorded as an exception")
    @APIResponseSchema(value = ClientView.class, responseCode = "200", responseDescription = "The accepted client")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response accept(@PathParam("id") UUID id,
            @RequestBody(required = false, description = "Only to accept against a rule") @Valid Accept request) {
        AcceptOverride override = request == null ? null : request.override();
        return accepted(decisions.accept(tenant.tenantId(), id, override == null ? null : override.reason()));
    }

    /** The same without a body or a Content-Type (a plain {@code curl -X POST}), as callers did before overrides. */
    @POST
    @Path("accept")
    @Operation(hidden = true)
    public Response acceptWithoutBody(@PathParam("id") UUID id) {
        return accepted(decisions.accept(tenant.tenantId(), id, null));
    }

    private static Response accepted(DecisionService.Decision decision) {
        return ETags.ok(ClientView.of(decision.client()), decision.client().version());
    }

    @POST
    @Path("decline")
    @Operation(summary = "Decline a lead; returns the decline letter in the client's language")
    @APIResponseSchema(value = DecisionView.class, responseCode = "200", responseDescription = "The declined client and the decline letter")
    public Response decline(@PathParam("id") UUID id, @Valid @NotNull Decline request) {
        return view(decisions.decline(tenant.tenantId(), id, request.reason(), request.includeReason(),
                request.partnerIds()));
    }

    @POST
    @Path("offboarding")
    @Operation(summary = "End the relationship; billing settles and follow-ups stop on ClientOffboarded")
    @APIResponseSchema(value = DecisionView.class, responseCode = "200", responseDescription = "The offboarded client and the termination letter")
    public Response offboard(@PathParam("id") UUID id, @Valid @NotNull Offboarding request) {
        return view(decisions.offboard(tenant.tenantId(), id, request.reason(), request.includeReason(),
                request.partnerId(), Ending.of(request.endedBy(), request.finishCommittedWork())));
    }

    @GET
    @Path("letters")
    @Operation(summary = "Letters prepared for this client, oldest first")
    public List<Letter> letters(@PathParam("id") UUID id) {
        return decisions.letters(tenant.tenantId(), id);
    }

    private static Response view(DecisionService.Decision decision) {
        return ETags.ok(new DecisionView(ClientView.of(decision.client()), decision.letter()),
                decision.client().version());
    }
}
