package dev.clientdesk.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

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

    /**
     * The workspaces the directory holds the client under, whichever workspace asks: normally one, none before
     * client-service announced the client.
     */
    @SuppressWarnings("unchecked")
    public List<String> tenantsOf(UUID clientId) {
        return em.createNativeQuery("SELECT tenant_id FROM client_contact WHERE client_id = ?1 ORDER BY tenant_id")
                .setParameter(1, clientId).getResultList();
    }

    /** The contacts of many clients in one query per workspace among them (the silence scan's batch). */
    public Contacts find(Collection<ClientKey> clients) {
        Map<ClientKey, Contact> found = new HashMap<>();
        clients.stream().collect(Collectors.groupingBy(ClientKey::tenantId,
                        Collectors.mapping(ClientKey::clientId, Collectors.toSet())))
                .forEach((tenantId, clientIds) -> {
                    @SuppressWarnings("unchecked")
                    List<Object[]> rows = em.createNativeQuery("""
                                    SELECT client_id, name, email, locale FROM client_contact
                                    WHERE tenant_id = ?1 AND client_id IN (?2)""")
                            .setParameter(1, tenantId).setParameter(2, clientIds).getResultList();
                    rows.forEach(r -> found.put(new ClientKey(tenantId, (UUID) r[0]),
                            new Contact((String) r[1], (String) r[2], (String) r[3])));
                });
        return new Contacts(found);
    }

    public record ClientKey(String tenantId, UUID clientId) {
    }

    public record Contacts(Map<ClientKey, Contact> byClient) {

        public Optional<Contact> of(String tenantId, UUID clientId) {
            return Optional.ofNullable(byClient.get(new ClientKey(tenantId, clientId)));
        }
    }
}
