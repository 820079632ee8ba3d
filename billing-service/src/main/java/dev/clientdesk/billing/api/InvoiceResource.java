package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingViews.InvoiceView;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.service.BillingService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/v1/invoices")
@Tag(name = "Invoices", description = "Numbered invoices and their life cycle")
public class InvoiceResource {

    private final BillingService billing;
    private final TenantContext tenant;

    public InvoiceResource(BillingService billing, TenantContext tenant) {
        this.billing = billing;
        this.tenant = tenant;
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an invoice")
    public Response get(@PathParam("id") UUID id) {
        return view(billing.invoice(tenant.tenantId(), id));
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "Send a draft invoice; it falls due after the payment terms and InvoiceSent is published")
    public Response send(@PathParam("id") UUID id) {
        return view(billing.send(tenant.tenantId(), id));
    }

    private static Response view(Invoice invoice) {
        return Response.ok(InvoiceView.of(invoice)).tag(ETags.of(invoice.version())).build();
    }
}
