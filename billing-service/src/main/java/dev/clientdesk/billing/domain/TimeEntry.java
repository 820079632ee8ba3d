package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** Time spent on a project, as logged; never changed afterwards. */
@Entity
@Immutable
public class TimeEntry implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private UUID projectId;
    private UUID clientId;
    private int minutes;
    private String kind;
    private LocalDate workDate;
    private String note;
    private Instant createdAt;

    protected TimeEntry() {
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID projectId() { return projectId; }
    public UUID clientId() { return clientId; }
    public int minutes() { return minutes; }
    public String kind() { return kind; }
    public LocalDate workDate() { return workDate; }
    public String note() { return note; }
    public Instant createdAt() { return createdAt; }
}
