package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Prepaid money given back to the client when a project was settled; never changed afterwards. */
@Entity
@Immutable
public class Refund implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private UUID projectId;
    private UUID clientId;
    private BigDecimal amount;
    private String currency;
    private String reason;
    private Instant createdAt;

    protected Refund() {
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID projectId() { return projectId; }
    public UUID clientId() { return clientId; }
    public Money amount() { return new Money(amount, currency.trim()); }
    public String reason() { return reason; }
    public Instant createdAt() { return createdAt; }
}
