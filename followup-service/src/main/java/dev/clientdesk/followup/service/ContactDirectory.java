package dev.clientdesk.followup.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Name, email, language and time zone of each client, and where the client stands with the workspace, as
 * client-service announced them on clients.v1 (ordered per client, so the standing only ever moves forward).
 */
@ApplicationScoped
public class ContactDirectory {

    /** LEAD until ClientAccepted arrives; DECLINED and OFFBOARDED are final. */
    public enum Standing {
        LEAD, ACCEPTED, DECLINED, OFFBOARDED;

        public boolean gone() {
            return this == DECLINED || this == OFFBOARDED;
        }
    }

    public record Contact(String name, String email, String locale, String timezone, Standing standing) {

        /** The client's time zone; UTC when none was announced or it is not one the JDK knows. */
        public ZoneId zone() {
            if (timezone == null || timezone.isBlank()) {
                return ZoneOffset.UTC;
            }
            try {
                return ZoneId.of(timezone);
            } catch (DateTimeException e) {
                return ZoneOffset.UTC;
            }
        }
    }

    /** Who the client is, as ClientRegistered, ClientAccepted and ClientUpdated carry it. */
    public record Identity(String name, String email, String locale) {
    }

    private final EntityManager em;

    public ContactDirectory(EntityManager em) {
        this.em = em;
    }

    /**
     * ClientRegistered (LEAD) and ClientAccepted (ACCEPTED): who the client is. The standing never moves back:
     * a LEAD does not undo an acceptance, nothing undoes a decline or an offboarding.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void remember(String tenantId, UUID clientId, Identity identity, Standing standing) {
        upsert("""
                INSERT INTO client_contact (tenant_id, client_id, name, email, locale, status)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                    locale = EXCLUDED.locale,
                    status = CASE WHEN client_contact.status IN ('DECLINED', 'OFFBOARDED') OR EXCLUDED.status = 'LEAD'
                        THEN client_contact.status ELSE EXCLUDED.status END""",
                tenantId, clientId, identity, standing.name());
    }

    /**
     * ClientUpdated: the contact after a change, time zone included; the standing is left as it is (a client
     * first heard of this way is a LEAD).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void update(String tenantId, UUID clientId, Identity identity, String timezone) {
        upsert("""
                INSERT INTO client_contact (tenant_id, client_id, name, email, locale, timezone)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6)
                ON CONFLICT (tenant_id, client_id) DO UPDATE SET name = EXCLUDED.name, email = EXCLUDED.email,
                    locale = EXCLUDED.locale, timezone = EXCLUDED.timezone""",
                tenantId, clientId, identity, timezone);
    }

    /** An upsert of the client's row: ?1–?5 tenant, client, name, email, locale; ?6 what the statement adds. */
    private void upsert(String sql, String tenantId, UUID clientId, Identity identity, String sixth) {
        em.createNativeQuery(sql)
                .setParameter(1, tenantId).setParameter(2, clientId)
                .setParameter(3, identity.name() == null ? "" : identity.name()).setParameter(4, identity.email())
                .setParameter(5, identity.locale() == null ? "en" : identity.locale()).setParameter(6, sixth)
                .executeUpdate();
    }

    /**
     * ClientDeclined and ClientOffboarded. The row lock this takes waits for a conversation being opened for the
     * client (which holds the row FOR SHARE) to commit, so closing the client's conversations afterwards sees it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void ended(String tenantId, UUID clientId, Standing standing) {
        em.createNativeQuery("UPDATE client_contact SET status = ?3 WHERE tenant_id = ?1 AND client_id = ?2")
                .setParameter(1, tenantId).setParameter(2, clientId).setParameter(3, standing.name())
                .executeUpdate();
    }

    /**
     * The client's standing in the workspace, its row held FOR SHARE until the transaction ends, so that a
     * decline or an offboarding cannot commit in between; empty when the workspace never announced the client.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Standing> lockStanding(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<String> status = em.createNativeQuery(
                        "SELECT status FROM client_contact WHERE tenant_id = ?1 AND client_id = ?2 FOR SHARE")
                .setParameter(1, tenantId).setParameter(2, clientId).getResultList();
        return status.stream().findFirst().map(Standing::valueOf);
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
                                    SELECT client_id, name, email, locale, timezone, status FROM client_contact
                                    WHERE tenant_id = ?1 AND client_id IN (?2)""")
                            .setParameter(1, tenantId).setParameter(2, clientIds).getResultList();
                    rows.forEach(r -> found.put(new ClientKey(tenantId, (UUID) r[0]),
                            new Contact((String) r[1], (String) r[2], (String) r[3], (String) r[4],
                                    Standing.valueOf((String) r[5]))));
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
