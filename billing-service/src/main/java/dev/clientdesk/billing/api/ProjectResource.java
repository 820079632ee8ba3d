package dev.clientdesk.billing.api;

import dev.clientdesk.billing.api.BillingRequests.CancelProject;
import dev.clientdesk.billing.api.BillingRequests.CreateProject;
import dev.clientdesk.billing.api.BillingRequests.NewRevision;
import dev.clientdesk.billing.api.BillingRequests.NewTimeEntry;
import dev.clientdesk.billing.api.BillingRequests.Postponement;
import dev.clientdesk.billing.api.BillingRequests.ProjectChange;
import dev.clientdesk.billing.api.BillingViews.CancellationView;
import dev.clientdesk.billing.api.BillingViews.InvoiceView;
import dev.clientdesk.billing.api.BillingViews.ProjectView;
import dev.clientdesk.billing.api.BillingViews.RevisionView;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.domain.ProjectStatus;
import dev.clientdesk.billing.domain.TermsSheet;
import dev.clientdesk.billing.service.ProjectChanges;
import dev.clientdesk.billing.service.CommittedWork;
import dev.clientdesk.billing.service.ProjectService;
import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.billing.service.TimeService;
import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.QueryParams;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import java.util.Map;
import java.util.UUID;

@Produces(MediaType.APPLICATION_JSON)
@Path("/v1/projects")
@Tag(name = "Projects", description = "Contracts with a deposit and milestone schedule, revisions and time")
public class ProjectResource {

    private final ProjectService projects;
    private final ProjectChanges changes;
    private final TimeService time;
    private final TenantContext tenant;
    private final IdempotentRequests idempotency;
    private final CommittedWork committedWork;
    private final SettlementService settlements;

    public ProjectResource(ProjectService projects, ProjectChanges changes, TimeService time, TenantContext tenant,
            IdempotentRequests idempotency, CommittedWork committedWork, SettlementService settlements) {
        this.projects = projects;
        this.changes = changes;
        this.time = time;
        this.tenant = tenant;
        this.idempotency = idempotency;
        this.committedWork = committedWork;
        this.settlements = settlements;
    }

    @POST
    @Operation(summary = "Contract a project; its deposit invoice is issued as a draft")
    @APIResponseSchema(value = ProjectView.class, responseCode = "201", responseDescription = "The contracted project with its schedule and deposit invoice")
    public Response create(@Valid @NotNull CreateProject request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects", request, () -> {
            ProjectService.Contracted contracted = projects.contract(tenant.tenantId(), request);
            Project project = contracted.project();
            return ETags.created(URI.create("/v1/projects/" + project.id()),
                    ProjectView.of(project, contracted.depositInvoice().id()), project.version());
        });
    }

    @GET
    @Operation(summary = "List projects by client and status, newest first")
    public Page<ProjectView> list(@QueryParam("clientId") String clientId,
            @QueryParam("status") @Schema(implementation = ProjectStatus.class) String status,
            @BeanParam @Valid PageRequest page) {
        Page<Project> found = projects.list(tenant.tenantId(), QueryParams.uuid("clientId", clientId),
                QueryParams.enumValue("status", status, ProjectStatus.class), page);
        Map<UUID, UUID> deposits = projects.depositInvoiceIds(found.items());
        return found.map(p -> ProjectView.of(p, deposits.get(p.id())));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Get a project with its schedule and terms")
    @APIResponseSchema(value = ProjectView.class, responseCode = "200", responseDescription = "The project; ETag is its version")
    public Response get(@PathParam("id") UUID id) {
        return view(projects.get(tenant.tenantId(), id));
    }

    @GET
    @Path("{id}/terms")
    @Operation(summary = "Every fee and condition in plain language, in the client's language (en, tr, kk, ka, bg)")
    public TermsSheet.Sheet terms(@PathParam("id") UUID id, @QueryParam("locale") @Size(max = 35) String locale) {
        return TermsSheet.of(projects.get(tenant.tenantId(), id),
                QueryParams.language("locale", locale, TermsSheet.LANGUAGES));
    }

    @POST
    @Path("{id}/milestones/{milestoneId}/complete")
    @Operation(summary = "Complete a stage and issue its invoice (409 until the deposit is paid)")
    @APIResponseSchema(value = InvoiceView.class, responseCode = "201", responseDescription = "The stage invoice, issued as a draft")
    public Response completeMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        var invoice = projects.completeMilestone(tenant.tenantId(), id, milestoneId);
        return Response.created(URI.create("/v1/invoices/" + invoice.id())).entity(InvoiceView.of(invoice)).build();
    }

    @POST
    @Path("{id}/milestones/{milestoneId}/start")
    @Operation(summary = "Start a stage: should the project end, a started stage may still be finished and billed"
            + " (409 unless the stage is PENDING and the project ACTIVE)")
    @APIResponseSchema(value = ProjectView.class, responseCode = "200", responseDescription = "The project with the stage STARTED")
    public Response startMilestone(@PathParam("id") UUID id, @PathParam("milestoneId") UUID milestoneId) {
        return view(committedWork.start(tenant.tenantId(), id, milestoneId));
    }

    @POST
    @Path("{id}/cancellation")
    @Operation(summary = "End this project only: settled now, or WINDING_DOWN while started stages are finished;"
            + " the cancellation fee only when the client ended it")
    @APIResponseSchema(value = CancellationView.class, responseCode = "200", responseDescription = "The ended project and its settlement")
    public CancellationView cancelProject(@PathParam("id") UUID id, @Valid @NotNull CancelProject request) {
        SettlementService.Cancellation cancellation = settlements.cancelProject(tenant.tenantId(), id,
                request.ending());
        Project project = cancellation.project();
        return new CancellationView(ProjectView.of(project, projects.depositInvoiceId(project)),
                cancellation.stagesToFinish(), BillingViews.SettlementView.of(cancellation.settlement()));
    }

    @POST
    @Path("{id}/revisions")
    @Operation(summary = "Count a revision; beyond the included ones it is invoiced at the disclosed fee")
    @APIResponseSchema(value = RevisionView.class, responseCode = "201", responseDescription = "The revision count and whether it is billed")
    public Response requestRevision(@PathParam("id") UUID id, @Valid NewRevision request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        String note = request == null ? null : request.note();
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects/" + id + "/revisions",
                new NewRevision(note), () -> {
                    var outcome = projects.requestRevision(tenant.tenantId(), id, note);
                    return Response.created(URI.create("/v1/projects/" + id + "/revisions/" + outcome.id()))
                            .entity(new RevisionView(outcome.id(), id, outcome.number(), note, outcome.billable(),
                                    outcome.invoice() == null ? null : InvoiceView.of(outcome.invoice()))).build();
                });
    }

    @POST
    @Path("{id}/time-entries")
    @Operation(summary = "Log time spent on the project")
    @APIResponseSchema(value = TimeService.TimeEntry.class, responseCode = "201", responseDescription = "The time entry")
    public Response logTime(@PathParam("id") UUID id, @Valid @NotNull NewTimeEntry request,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects/" + id + "/time-entries",
                request, () -> {
                    TimeService.TimeEntry entry = time.log(tenant.tenantId(), id, request.minutes(), request.kind(),
                            request.date(), request.note());
                    return Response.created(URI.create("/v1/projects/" + id + "/time-entries/" + entry.id()))
                            .entity(entry).build();
                });
    }

    @POST
    @Path("{id}/deposit-invoice")
    @Operation(summary = "Issue a new deposit invoice after the last one was voided (409 while one is live or the deposit is paid)")
    @APIResponseSchema(value = InvoiceView.class, responseCode = "201", responseDescription = "The new deposit invoice, issued as a draft with the next number")
    public Response reissueDeposit(@PathParam("id") UUID id,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects/" + id + "/deposit-invoice",
                null, () -> {
                    var invoice = projects.reissueDeposit(tenant.tenantId(), id);
                    return Response.created(URI.create("/v1/invoices/" + invoice.id()))
                            .entity(InvoiceView.of(invoice)).build();
                });
    }

    @POST
    @Path("{id}/postponement")
    @Operation(summary = "Postpone the unfinished stages as agreed in writing; completed stages keep their dates (needs If-Match)")
    @APIResponseSchema(value = ProjectView.class, responseCode = "200", responseDescription = "The project with its new dates")
    public Response postpone(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull Postponement request) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects/" + id + "/postponement",
                request, () -> view(changes.postpone(tenant.tenantId(), id, ifMatch, request.shiftDays(),
                        request.milestones() == null ? null : request.milestones().stream()
                                .map(d -> new Project.StageDate(d.milestoneId(), d.dueDate())).toList())));
    }

    @POST
    @Path("{id}/changes")
    @Operation(summary = "Change the fee or the remaining stages as agreed in writing; what is invoiced stays (needs If-Match)")
    @APIResponseSchema(value = ProjectView.class, responseCode = "200", responseDescription = "The project with its new fee and schedule")
    public Response change(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey, @Valid @NotNull ProjectChange request) {
        return idempotency.execute(tenant.tenantId(), idempotencyKey, "POST /v1/projects/" + id + "/changes",
                request, () -> view(changes.change(tenant.tenantId(), id, ifMatch, request.totalFee(),
                        request.milestones() == null ? null : request.milestones().stream()
                                .map(BillingRequests.MilestoneRequest::toStage).toList())));
    }

    private Response view(Project project) {
        return ETags.ok(ProjectView.of(project, projects.depositInvoiceId(project)), project.version());
    }
}
