package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.ClientNote;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;

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
        return PagedQuery.of(em, ClientNote.class).where("clientId", clientId).where("kind", kind)
                .orderBy("e.createdAt DESC, e.id").page(page);
    }

    public int count(UUID clientId, NoteKind kind) {
        return em.createQuery("SELECT count(n) FROM ClientNote n WHERE n.clientId = :client AND n.kind = :kind",
                        Long.class)
                .setParameter("client", clientId).setParameter("kind", kind).getSingleResult().intValue();
    }
}
