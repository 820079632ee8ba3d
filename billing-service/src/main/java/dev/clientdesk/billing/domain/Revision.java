package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.util.UUID;

/** A revision counted on a project, with the invoice that billed it when it was beyond the included ones. */
@Entity
@Immutable
public class Revision implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private UUID projectId;
    private int number;
    private String note;
    private boolean billable;
    private UUID invoiceId;
    private Instant createdAt;

    protected Revision() {
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID projectId() { return projectId; }
    public int number() { return number; }
    public String note() { return note; }
    public boolean billable() { return billable; }
    public UUID invoiceId() { return invoiceId; }
    public Instant createdAt() { return createdAt; }
}
