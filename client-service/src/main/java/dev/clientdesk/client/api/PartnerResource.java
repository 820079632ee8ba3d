package dev.clientdesk.client.api;

import dev.clientdesk.client.domain.ReferralPartner;
import dev.clientdesk.client.service.PartnerService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/partners")
@Tag(name = "Partners", description = "Colleagues you refer declined or ended clients to")
public class PartnerResource {

    @Schema(name = "PartnerInput")
    public record PartnerInput(
            @NotBlank @Size(max = 200) @SingleLine @Schema(example = "Giorgi Beridze") String name,
            @Email @Size(max = 254) @SingleLine @Schema(example = "giorgi@example.ge") String email,
            @Size(max = 50) @Schema(example = "[\"web development\", \"copywriting\"]") List<@NotBlank @Size(max = 200) String> services,
            @Size(max = 2000) @Schema(example = "Takes small e-commerce sites") String note) {

        PartnerService.PartnerData data() {
            return new PartnerService.PartnerData(name, email, services, note);
        }
    }

    @Schema(name = "Partner")
    public record PartnerView(UUID id, String name, String email, List<String> services, String note) {
        static PartnerView of(ReferralPartner p) {
            return new PartnerView(p.id(), p.name(), p.email(), p.services(), p.note());
        }
    }

    private final PartnerService partners;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public PartnerResource(PartnerService partners, TenantContext tenant, IdempotentRequests idempotency) {
        this.partners = partners;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @POST
    @Operation(summary = "Add a referral partner")
    @APIResponseSchema(value = PartnerView.class, responseCode = "201", responseDescription = "The partner; Location names it")
    public Response create(@Valid @NotNull PartnerInput input,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/partners", input, () -> {
            ReferralPartner partner = partners.create(tenant.tenantId(), input.data());
            return ETags.created(URI.create("/v1/partners/" + partner.id()), PartnerView.of(partner),
                    partner.version());
        });
    }

    @GET
    @Operation(summary = "List referral partners by name")
    public Page<PartnerView> list(@BeanParam @Valid PageRequest page) {
        return partners.list(tenant.tenantId(), page).map(PartnerView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a referral partner")
    @APIResponseSchema(value = PartnerView.class, responseCode = "200", responseDescription = "The partner; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        ReferralPartner partner = partners.get(tenant.tenantId(), id);
        return ETags.ok(PartnerView.of(partner), partner.version());
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Replace a referral partner (needs If-Match)")
    @APIResponseSchema(value = PartnerView.class, responseCode = "200", responseDescription = "The replaced partner")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull PartnerInput input) {
        ReferralPartner partner = partners.replace(tenant.tenantId(), id, ifMatch, input.data());
        return ETags.ok(PartnerView.of(partner), partner.version());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Remove a referral partner")
    @APIResponse(responseCode = "204", description = "The partner is removed")
    public Response delete(@PathParam("id") UUID id) {
        partners.delete(tenant.tenantId(), id);
        return Response.noContent().build();
    }
}
