package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Money received against an invoice, as recorded; never changed afterwards. */
@Entity
@Immutable
public class Payment implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private UUID invoiceId;
    private BigDecimal amount;
    private String currency;
    private Instant receivedAt;
    private String reference;
    private Instant recordedAt;

    protected Payment() {
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public UUID invoiceId() { return invoiceId; }
    public Money amount() { return new Money(amount, currency.trim()); }
    public Instant receivedAt() { return receivedAt; }
    public String reference() { return reference; }
    public Instant recordedAt() { return recordedAt; }
}
