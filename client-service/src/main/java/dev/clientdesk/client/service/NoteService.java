package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.ClientNote;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

@ApplicationScoped
public class NoteService {

    private final EntityManager em;
    private final ClientService clients;
    private final Clock clock;

    public NoteService(EntityManager em, ClientService clients, Clock clock) {
        this.em = em;
        this.clients = clients;
        this.clock = clock;
    }

    @Transactional
    public ClientNote add(String tenantId, UUID clientId, NoteKind kind, String text) {
        clients.get(tenantId, clientId);
        ClientNote note = new ClientNote(tenantId, clientId, kind, text.trim(), clock.instant());
        em.persist(note);
        return note;
    }

    public Page<ClientNote> list(String tenantId, UUID clientId, NoteKind kind, PageRequest page) {
        clients.get(tenantId, clientId);
        String where = " WHERE n.clientId = :client" + (kind == null ? "" : " AND n.kind = :kind");
        var select = em.createQuery("FROM ClientNote n" + where + " ORDER BY n.createdAt DESC, n.id", ClientNote.class)
                .setParameter("client", clientId);
        var count = em.createQuery("SELECT count(n) FROM ClientNote n" + where, Long.class)
                .setParameter("client", clientId);
        if (kind != null) {
            select.setParameter("kind", kind);
            count.setParameter("kind", kind);
        }
        return new Page<>(select.setFirstResult(page.offset()).setMaxResults(page.size).getResultList(), page.page,
                page.size, count.getSingleResult());
    }

    public int count(UUID clientId, NoteKind kind) {
        return em.createQuery("SELECT count(n) FROM ClientNote n WHERE n.clientId = :client AND n.kind = :kind",
                        Long.class)
                .setParameter("client", clientId).setParameter("kind", kind).getSingleResult().intValue();
    }
}
