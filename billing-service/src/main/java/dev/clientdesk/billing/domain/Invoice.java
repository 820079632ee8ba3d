package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/** A numbered request for money: the deposit or one stage of a project. */
@Entity
public class Invoice {

    public enum Kind { DEPOSIT, MILESTONE }

    @Id
    private UUID id;
    private String tenantId;
    private String number;
    private UUID projectId;
    private UUID clientId;
    @Enumerated(EnumType.STRING)
    private Kind kind;
    private String description;
    private BigDecimal amount;
    private BigDecimal paid;
    private String currency;
    @Enumerated(EnumType.STRING)
    private InvoiceStatus status;
    private Instant issuedAt;
    private Instant sentAt;
    private LocalDate dueDate;
    @Version
    private long version;

    protected Invoice() {
    }

    public static Invoice issue(Project project, String number, Kind kind, String description, Money amount,
            Instant now) {
        Invoice invoice = new Invoice();
        invoice.id = UUID.randomUUID();
        invoice.tenantId = project.tenantId();
        invoice.number = number;
        invoice.projectId = project.id();
        invoice.clientId = project.clientId();
        invoice.kind = kind;
        invoice.description = description;
        invoice.amount = amount.amount();
        invoice.paid = Money.zero(amount.currency()).amount();
        invoice.currency = amount.currency();
        invoice.status = InvoiceStatus.DRAFT;
        invoice.issuedAt = now;
        return invoice;
    }

    /** Sends the invoice; it falls due after the project's payment terms. */
    public void send(int paymentTermsDays, Instant now) {
        moveTo(InvoiceStatus.SENT);
        this.sentAt = now;
        this.dueDate = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(paymentTermsDays);
    }

    private void moveTo(InvoiceStatus next) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-invoice-transition",
                    "invoice " + number + " is " + status + " and cannot become " + next);
        }
        this.status = next;
    }

    public Money amount() {
        return new Money(amount, currency);
    }

    public Money paid() {
        return new Money(paid, currency);
    }

    public Money outstanding() {
        return amount().minus(paid());
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public String number() { return number; }
    public UUID projectId() { return projectId; }
    public UUID clientId() { return clientId; }
    public Kind kind() { return kind; }
    public String description() { return description; }
    public InvoiceStatus status() { return status; }
    public Instant issuedAt() { return issuedAt; }
    public Instant sentAt() { return sentAt; }
    public LocalDate dueDate() { return dueDate; }
    public long version() { return version; }
}
