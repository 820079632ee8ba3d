package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.ClientNote;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.web.PagedQuery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
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
        if (kind == NoteKind.REINTAKE_EXCEPTION) {
            throw ProblemException.invalidField("kind",
                    "REINTAKE_EXCEPTION is written by the service when you accept again a client you ended");
        }
        ClientNote note = new ClientNote(tenantId, clientId, kind, text.trim(), clock.instant());
        em.persist(note);
        return note;
    }

    public Page<ClientNote> list(String tenantId, UUID clientId, NoteKind kind, PageRequest page) {
        clients.get(tenantId, clientId);
        return PagedQuery.of(em, ClientNote.class).where("clientId", clientId).where("kind", kind)
                .orderBy("e.createdAt DESC, e.id").page(page);
    }

    public Map<NoteKind, Integer> countByKind(UUID clientId) {
        Map<NoteKind, Integer> counts = new EnumMap<>(NoteKind.class);
        em.createQuery("SELECT n.kind, count(n) FROM ClientNote n WHERE n.clientId = :client GROUP BY n.kind",
                        Object[].class)
                .setParameter("client", clientId).getResultList()
                .forEach(row -> counts.put((NoteKind) row[0], ((Number) row[1]).intValue()));
        return counts;
    }
}
