package dev.clientdesk.kit.sample;

import dev.clientdesk.kit.idempotency.IdempotentRequests;
import dev.clientdesk.kit.outbox.OutboxWriter;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantContext;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.SingleLine;

import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.UUID;

/** A tiny API that uses every piece of the kit, so the kit can be tested without a real service. */
@Path("/v1/widgets")
public class WidgetResource {

    public enum Colour { RED, GREEN }

    public record CreateWidget(@NotBlank @Size(max = 50) @SingleLine String name, @NotNull Colour colour) {
    }

    public record RenameWidget(@NotBlank String name) {
    }

    public record WidgetView(UUID id, String name, Colour colour) {
    }

    public record WidgetCreated(UUID widgetId, String name) {
    }

    private final EntityManager em;
    private final TenantContext tenant;
    private final OutboxWriter outbox;
    private final IdempotentRequests idempotency;

    public WidgetResource(EntityManager em, TenantContext tenant, OutboxWriter outbox, IdempotentRequests idempotency) {
        this.em = em;
        this.tenant = tenant;
        this.outbox = outbox;
        this.idempotency = idempotency;
    }

    @POST
    public Response create(@Valid @NotNull CreateWidget request,
            @HeaderParam(IdempotentRequests.HEADER) String key) {
        return idempotency.execute(tenant.tenantId(), key, "POST /v1/widgets", request, () -> {
            WidgetView view = store(request);
            return ETags.created(URI.create("/v1/widgets/" + view.id()), view, 0);
        });
    }

    @Transactional
    WidgetView store(CreateWidget request) {
        Widget widget = new Widget();
        widget.id = UUID.randomUUID();
        widget.tenantId = tenant.tenantId();
        widget.name = request.name();
        widget.colour = request.colour().name();
        em.persist(widget);
        outbox.append("widgets.v1", widget.id.toString(), widget.id.toString(), widget.tenantId,
                new WidgetCreated(widget.id, widget.name));
        return view(widget);
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") UUID id) {
        Widget widget = find(id);
        return ETags.ok(view(widget), widget.version);
    }

    @PATCH
    @Path("{id}")
    @Transactional
    public Response rename(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull RenameWidget request) {
        Widget widget = find(id);
        ETags.requireMatch(ifMatch, widget.version);
        widget.name = request.name();
        em.flush();
        return ETags.ok(view(widget), widget.version);
    }

    private Widget find(UUID id) {
        String tenantId = tenant.tenantId();
        Widget widget = em.find(Widget.class, id);
        if (widget == null || !widget.tenantId.equals(tenantId)) {
            throw ProblemException.notFound("widget", id);
        }
        return widget;
    }

    private static WidgetView view(Widget widget) {
        return new WidgetView(widget.id, widget.name, Colour.valueOf(widget.colour));
    }
}
