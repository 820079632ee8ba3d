package dev.clientdesk.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Name, email and language of each client, as client-service announced them. */
@ApplicationScoped
public class ContactDirectory {

    public record Contact(String name, String email, String locale) {
    }

    private final EntityManager em;

    public ContactDirectory(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String tenantId, UUID clientId, Contact contact) {
        em.createNativeQuery("""
                INSERT INTO client_contact (tenant_id, client_id, name, email, locale) VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                    locale = EXCLUDED.locale""")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, contact.name())
                .setParameter(4, contact.email()).setParameter(5, contact.locale() == null ? "en" : contact.locale())
                .executeUpdate();
    }

    public Optional<Contact> find(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT name, email, locale FROM client_contact WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        return rows.stream().findFirst().map(r -> new Contact((String) r[0], (String) r[1], (String) r[2]));
    }
}
