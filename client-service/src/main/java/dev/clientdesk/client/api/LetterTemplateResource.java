package dev.clientdesk.client.api;

import dev.clientdesk.client.letters.LetterKind;
import dev.clientdesk.client.letters.LetterTemplate;
import dev.clientdesk.client.service.LetterService;
import dev.clientdesk.client.service.LetterService.EffectiveTemplate;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/letter-templates/{kind}/{language}")
@Tag(name = "Letter templates", description = "Your own wording of the acceptance, decline and termination letters")
public class LetterTemplateResource {

    @Schema(name = "LetterTemplateInput", description = "Placeholders: {clientName} {service} {signature} in every letter; "
            + "ACCEPTANCE also {budgetParagraph}; DECLINE {reasonParagraph} {referralParagraph} (the referral and the "
            + "encouraging close); TERMINATION {reasonParagraph} {endingParagraph} {settlementParagraph} {referralParagraph}")
    public record TemplateInput(
            @NotBlank @Size(max = 300) @Schema(example = "About your request") String subject,
            @NotBlank @Size(max = 10000) @Schema(example = "Dear {clientName},\n\nThank you for thinking of me for {service}.{reasonParagraph}{referralParagraph}\n\n{signature}") String body) {
    }

    private final LetterService letters;
    private final TenantContext tenant;

    public LetterTemplateResource(LetterService letters, TenantContext tenant) {
        this.letters = letters;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "The template in use: yours if you wrote one, the built-in one otherwise")
    @APIResponseSchema(value = EffectiveTemplate.class, responseCode = "200", responseDescription = "The template in use; ETag is its version")
    public Response get(@PathParam("kind") LetterKind kind, @PathParam("language") String language) {
        return view(letters.effective(tenant.tenantId(), kind, language));
    }

    @PUT
    @Operation(summary = "Use your own wording (If-Match once you have one)")
    @APIResponseSchema(value = EffectiveTemplate.class, responseCode = "200", responseDescription = "Your saved template")
    public Response put(@PathParam("kind") LetterKind kind, @PathParam("language") String language,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull TemplateInput input) {
        return view(letters.override(tenant.tenantId(), kind, language, ifMatch,
                new LetterTemplate(input.subject(), input.body())));
    }

    @DELETE
    @Operation(summary = "Go back to the built-in wording")
    @APIResponse(responseCode = "204", description = "The built-in wording is used again")
    public Response revert(@PathParam("kind") LetterKind kind, @PathParam("language") String language) {
        letters.revert(tenant.tenantId(), kind, language);
        return Response.noContent().build();
    }

    private static Response view(EffectiveTemplate template) {
        return ETags.ok(template, template.version());
    }
}
