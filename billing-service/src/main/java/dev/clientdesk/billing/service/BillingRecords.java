package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.domain.Payment;
import dev.clientdesk.billing.domain.Refund;
import dev.clientdesk.billing.domain.Revision;
import dev.clientdesk.billing.domain.TimeEntry;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantOwned;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What was recorded under an invoice or a project: payments, time entries, revisions, refunds. Each is read
 * in its workspace and under its own invoice or project; anything else is a 404.
 */
@ApplicationScoped
public class BillingRecords {

    private final EntityManager em;
    private final InvoiceService invoices;
    private final ProjectService projects;

    public BillingRecords(EntityManager em, InvoiceService invoices, ProjectService projects) {
        this.em = em;
        this.invoices = invoices;
        this.projects = projects;
    }

    /** The invoice's payments in the order the money arrived. */
    public Page<Payment> payments(String tenantId, UUID invoiceId, PageRequest page) {
        invoices.get(tenantId, invoiceId);
        return PagedQuery.of(em, Payment.class).where("tenantId", tenantId).where("invoiceId", invoiceId)
                .orderBy("e.receivedAt, e.id").page(page);
    }

    public Payment payment(String tenantId, UUID invoiceId, UUID paymentId) {
        return under(em.find(Payment.class, paymentId), tenantId, p -> p.invoiceId().equals(invoiceId), "payment",
                paymentId);
    }

    /** The project's time entries, the latest day first. */
    public Page<TimeEntry> timeEntries(String tenantId, UUID projectId, PageRequest page) {
        return ofProject(TimeEntry.class, tenantId, projectId, "e.workDate DESC, e.createdAt DESC, e.id", page);
    }

    public TimeEntry timeEntry(String tenantId, UUID projectId, UUID entryId) {
        return ofProject(TimeEntry.class, TimeEntry::projectId, tenantId, projectId, "time entry", entryId);
    }

    /** The project's revisions by number. */
    public Page<Revision> revisions(String tenantId, UUID projectId, PageRequest page) {
        return ofProject(Revision.class, tenantId, projectId, "e.number", page);
    }

    public Revision revision(String tenantId, UUID projectId, UUID revisionId) {
        return ofProject(Revision.class, Revision::projectId, tenantId, projectId, "revision", revisionId);
    }

    /** The project's refunds in the order they were issued. */
    public Page<Refund> refunds(String tenantId, UUID projectId, PageRequest page) {
        return ofProject(Refund.class, tenantId, projectId, "e.createdAt, e.id", page);
    }

    public Refund refund(String tenantId, UUID projectId, UUID refundId) {
        return ofProject(Refund.class, Refund::projectId, tenantId, projectId, "refund", refundId);
    }

    /** The invoices some records name, by id, in one query (for a page of revisions). */
    public Map<UUID, Invoice> invoices(String tenantId, Collection<UUID> ids) {
        List<UUID> wanted = ids.stream().filter(Objects::nonNull).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("FROM Invoice i WHERE i.tenantId = :tenant AND i.id IN :ids", Invoice.class)
                .setParameter("tenant", tenantId).setParameter("ids", wanted).getResultStream()
                .collect(Collectors.toMap(Invoice::id, Function.identity()));
    }

    /** A page of one kind of record under a project of the workspace; another workspace's project is a 404. */
    private <T> Page<T> ofProject(Class<T> type, String tenantId, UUID projectId, String order, PageRequest page) {
        projects.get(tenantId, projectId);
        return PagedQuery.of(em, type).where("tenantId", tenantId).where("projectId", projectId).orderBy(order)
                .page(page);
    }

    private <T extends TenantOwned> T ofProject(Class<T> type, Function<T, UUID> projectOf, String tenantId,
            UUID projectId, String what, UUID id) {
        return under(em.find(type, id), tenantId, r -> projectId.equals(projectOf.apply(r)), what, id);
    }

    private static <T extends TenantOwned> T under(T found, String tenantId, Predicate<T> parent, String what,
            UUID id) {
        T owned = TenantOwned.require(found, tenantId, what, id);
        if (!parent.test(owned)) {
            throw ProblemException.notFound(what, id);
        }
        return owned;
    }
}
