package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingViews.PaymentView;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.service.BillingRecords;
import dev.clientdesk.billing.service.InvoiceService;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;

import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/** The payments recorded on an invoice (they are recorded with POST /v1/invoices/{id}/payments). */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/invoices/{id}/payments")
@Tag(name = "Invoices")
public class PaymentResource {

    private final BillingRecords records;
    private final InvoiceService invoices;
    private final TenantContext tenant;

    public PaymentResource(BillingRecords records, InvoiceService invoices, TenantContext tenant) {
        this.records = records;
        this.invoices = invoices;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the payments of an invoice in the order the money arrived")
    public Page<PaymentView> list(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        Invoice invoice = invoices.get(tenant.tenantId(), id);
        return records.payments(tenant.tenantId(), id, page).map(p -> PaymentView.of(p, invoice));
    }

    @GET
    @Path("{paymentId}")
    @Operation(summary = "Get a payment and the invoice it was applied to")
    public PaymentView get(@PathParam("id") UUID id, @PathParam("paymentId") UUID paymentId) {
        return PaymentView.of(records.payment(tenant.tenantId(), id, paymentId), invoices.get(tenant.tenantId(), id));
    }
}
