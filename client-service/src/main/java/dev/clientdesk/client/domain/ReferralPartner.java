package dev.clientdesk.client.domain;

import dev.clientdesk.kit.tenant.TenantOwned;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A colleague you refer declined or ended clients to. */
@Entity
public class ReferralPartner implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private String email;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> services;
    private String note;
    private Instant createdAt;
    @Version
    private long version;

    protected ReferralPartner() {
    }

    public static ReferralPartner create(String tenantId, String name, String email, List<String> services,
            String note, Instant now) {
        ReferralPartner partner = new ReferralPartner();
        partner.id = UUID.randomUUID();
        partner.tenantId = tenantId;
        partner.createdAt = now;
        partner.replace(name, email, services, note);
        return partner;
    }

    public void replace(String name, String email, List<String> services, String note) {
        this.name = name.trim();
        this.email = email;
        this.services = services == null ? List.of() : List.copyOf(services);
        this.note = note;
    }

    /** How the partner appears in a letter. */
    public String asReferral() {
        return email == null || email.isBlank() ? name : name + " (" + email + ")";
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public String name() { return name; }
    public String email() { return email; }
    public List<String> services() { return services; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
