package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingViews.RefundView;
import dev.clientdesk.billing.service.BillingRecords;
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

/** Prepaid money given back on a project when it was settled (each announced with RefundIssued). */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/projects/{id}/refunds")
@Tag(name = "Projects")
public class RefundResource {

    private final BillingRecords records;
    private final TenantContext tenant;

    public RefundResource(BillingRecords records, TenantContext tenant) {
        this.records = records;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the refunds of a project in the order they were issued")
    public Page<RefundView> list(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return records.refunds(tenant.tenantId(), id, page).map(RefundView::of);
    }

    @GET
    @Path("{refundId}")
    @Operation(summary = "Get a refund")
    public RefundView get(@PathParam("id") UUID id, @PathParam("refundId") UUID refundId) {
        return RefundView.of(records.refund(tenant.tenantId(), id, refundId));
    }
}
