package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingRequests.SettingsDocument;
import dev.clientdesk.billing.domain.BillingSettings;
import dev.clientdesk.billing.service.SettingsService;
import dev.clientdesk.billing.service.TimeService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1")
@Tag(name = "Billing settings", description = "Workspace defaults for new contracts, and per-client economics")
public class SettingsResource {

    private final SettingsService settings;
    private final TimeService time;
    private final TenantContext tenant;

    public SettingsResource(SettingsService settings, TimeService time, TenantContext tenant) {
        this.settings = settings;
        this.time = time;
        this.tenant = tenant;
    }

    @GET
    @Path("settings")
    @Operation(summary = "Billing defaults (deposit 20% within 10–50%, 14 days, 2 revisions, UTC until changed)")
    @APIResponseSchema(value = SettingsDocument.class, responseCode = "200", responseDescription = "The billing defaults; ETag is their version")
    public Response get() {
        return view(settings.current(tenant.tenantId()));
    }

    @PUT
    @Path("settings")
    @Operation(summary = "Replace the billing defaults (If-Match once saved)")
    @APIResponseSchema(value = SettingsDocument.class, responseCode = "200", responseDescription = "The saved billing defaults")
    public Response replace(@HeaderParam("If-Match") String ifMatch, @Valid @NotNull SettingsDocument document) {
        return view(settings.replace(tenant.tenantId(), ifMatch, new SettingsService.SettingsData(
                document.defaultCurrency(), document.defaultDepositPercent(), document.minDepositPercent(),
                document.maxDepositPercent(), document.paymentTermsDays(), document.includedRevisions(),
                document.revisionFee(), document.cancellationFeePercent(), document.responseTimeHours(),
                document.timeZone())));
    }

    @GET
    @Path("clients/{clientId}/economics")
    @Operation(summary = "Billed, paid, outstanding, hours and effective hourly rate for a client")
    public TimeService.Economics economics(@PathParam("clientId") UUID clientId) {
        return time.economics(tenant.tenantId(), clientId);
    }

    private static Response view(BillingSettings s) {
        return ETags.ok(new SettingsDocument(s.defaultCurrency(), s.defaultDepositPercent(),
                s.minDepositPercent(), s.maxDepositPercent(), s.paymentTermsDays(), s.includedRevisions(),
                s.revisionFee().amount(), s.cancellationFeePercent(), s.responseTimeHours(), s.timeZone().getId(),
                s.version()), s.version());
    }
}
