package dev.clientdesk.billing.api;

import dev.clientdesk.billing.service.BillingRecords;
import dev.clientdesk.billing.service.TimeService;
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

/** The time logged on a project (logged with POST /v1/projects/{id}/time-entries). */
@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/projects/{id}/time-entries")
@Tag(name = "Projects")
public class TimeEntryResource {

    private final BillingRecords records;
    private final TenantContext tenant;

    public TimeEntryResource(BillingRecords records, TenantContext tenant) {
        this.records = records;
        this.tenant = tenant;
    }

    @GET
    @Operation(summary = "List the time logged on a project, the latest day first")
    public Page<TimeService.TimeEntry> listTimeEntries(@PathParam("id") UUID id, @BeanParam @Valid PageRequest page) {
        return records.timeEntries(tenant.tenantId(), id, page).map(BillingViews::timeEntry);
    }

    @GET
    @Path("{entryId}")
    @Operation(summary = "Get a time entry")
    public TimeService.TimeEntry get(@PathParam("id") UUID id, @PathParam("entryId") UUID entryId) {
        return BillingViews.timeEntry(records.timeEntry(tenant.tenantId(), id, entryId));
    }
}
