package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingViews.RevisionView;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.Revision;
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

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The revisions counted on a project (requested with POST /v1/projects/{id}/revisions). */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/projects/{id}/revisions")
@Tag(name = "Projects")
public class RevisionResource {

    private final BillingRecords records;
    private final TenantContext tenant;

    public RevisionResource(BillingRecords records, TenantContext tenant) {
        this.records = records;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the revisions of a project by number, with the invoices of the billed ones")
    public Page<RevisionView> list(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        Page<Revision> found = records.revisions(tenant.tenantId(), id, page);
        Map<UUID, Invoice> invoices = records.invoices(tenant.tenantId(),
                found.items().stream().map(Revision::invoiceId).toList());
        return found.map(r -> RevisionView.of(r, r.invoiceId() == null ? null : invoices.get(r.invoiceId())));
    }

    @GET
    @Path("{revisionId}")
    @Operation(summary = "Get a revision and the invoice that billed it, if it was billed")
    public RevisionView get(@PathParam("id") UUID id, @PathParam("revisionId") UUID revisionId) {
        Revision revision = records.revision(tenant.tenantId(), id, revisionId);
        return RevisionView.of(revision, revision.invoiceId() == null ? null
                : records.invoices(tenant.tenantId(), List.of(revision.invoiceId())).get(revision.invoiceId()));
    }
}
