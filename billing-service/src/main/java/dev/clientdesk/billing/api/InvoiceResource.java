package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingRequests.NewPayment;
import dev.clientdesk.billing.api.BillingRequests.VoidInvoice;
import dev.clientdesk.billing.api.BillingViews.InvoiceView;
import dev.clientdesk.billing.api.BillingViews.PaymentView;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.InvoiceStatus;
import dev.clientdesk.billing.service.InvoiceService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
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
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/invoices")
@Tag(name = "Invoices", description = "Numbered invoices, sending, payments and voiding")
public class InvoiceResource {

    private final InvoiceService invoices;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;

    public InvoiceResource(InvoiceService invoices, TenantContext tenant, IdempotentRequests idempotency) {
        this.invoices = invoices;
        this.tenant = tenant;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(summary = "List invoices by client, status or overdue, newest first")
    public Page<InvoiceView> list(@QueryParam("clientId") String clientId,
            @QueryParam("status") @Schema(implementation = InvoiceStatus.class) String status,
            @QueryParam("overdue") boolean overdue, @BeanParam @Valid PageRequest page) {
        return invoices.list(tenant.tenantId(), QueryParams.uuid("clientId", clientId),
                QueryParams.enumValue("status", status, InvoiceStatus.class), overdue, page).map(InvoiceView::of);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get an invoice")
    @APIResponseSchema(value = InvoiceView.class, responseCode = "200", responseDescription = "The invoice; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return view(invoices.get(tenant.tenantId(), id));
    }

    @POST
    @Path("{id}/send")
    @Operation(summary = "Send a draft invoice; it falls due after the payment terms and InvoiceSent is published")
    @APIResponseSchema(value = InvoiceView.class, responseCode = "200", responseDescription = "The sent invoice with its due date")
    public Response send(@PathParam("id") UUID id) {
        return view(invoices.send(tenant.tenantId(), id));
    }

    @POST
    @Path("{id}/void")
    @Operation(summary = "Void a draft or an unpaid sent invoice")
    @APIResponseSchema(value = InvoiceView.class, responseCode = "200", responseDescription = "The voided invoice")
    public Response voidInvoice(@PathParam("id") UUID id, @Valid VoidInvoice request) {
        return view(invoices.voidInvoice(tenant.tenantId(), id, request == null ? null : request.reason()));
    }

    @POST
    @Path("{id}/payments")
    @Operation(summary = "Record a full or partial payment; overpayment and another currency are refused")
    @APIResponseSchema(value = PaymentView.class, responseCode = "201", responseDescription = "The payment and the invoice it was applied to")
    public Response pay(@PathParam("id") UUID id, @Valid @NotNull NewPayment request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/invoices/" + id + "/payments",
                request, () -> {
                    InvoiceService.Payment payment = invoices.pay(tenant.tenantId(), id, request.amount(),
                            request.receivedAt(), request.reference());
                    return Response.created(URI.create("/v1/invoices/" + id + "/payments/" + payment.id()))
                            .entity(new PaymentView(payment.id(), payment.amount(), payment.receivedAt(),
                                    request.reference(), InvoiceView.of(payment.invoice())))
                            .build();
                });
    }

    private static Response view(Invoice invoice) {
        return ETags.ok(InvoiceView.of(invoice), invoice.version());
    }
}
