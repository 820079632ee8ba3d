package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A numbered request for money: the deposit or one stage of a project. */
@Entity
public class Invoice implements TenantOwned {

    public enum Kind { DEPOSIT, MILESTONE, REVISION, FINAL }

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
    /** The workspace's midnight after the due date, in the zone it was sent in. */
    private Instant overdueFrom;
    private Instant overdueNotifiedAt;
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

    /**
     * Sends the invoice; it falls due after the project's payment terms, counted in the workspace's days, and
     * is overdue from the workspace's midnight after that day.
     */
    public void send(int paymentTermsDays, Instant now, ZoneId zone) {
        moveTo(InvoiceStatus.SENT);
        this.sentAt = now;
        this.dueDate = LocalDate.ofInstant(now, zone).plusDays(paymentTermsDays);
        this.overdueFrom = dueDate.plusDays(1).atStartOfDay(zone).toInstant();
    }

    /**
     * Records money received. Refused with a clear problem: an unsent or closed invoice, another currency,
     * or more than is outstanding.
     * @return true when this payment settled the invoice
     */
    public boolean pay(Money payment) {
        if (status == InvoiceStatus.DRAFT) {
            throw ProblemException.conflict("invoice-not-sent", "invoice " + number + " is a draft; send it first");
        }
        if (status == InvoiceStatus.PAID || status == InvoiceStatus.VOID || status == InvoiceStatus.SETTLED) {
            throw ProblemException.conflict("invoice-closed", "invoice " + number + " is " + status);
        }
        if (!payment.currency().equals(currency)) {
            throw ProblemException.unprocessable("currency-mismatch",
                    "invoice " + number + " is in " + currency + ", the payment is in " + payment.currency());
        }
        if (payment.amount().signum() <= 0) {
            throw ProblemException.invalidField("amount.amount", "must be more than zero");
        }
        if (payment.compareTo(outstanding()) > 0) {
            throw ProblemException.unprocessable("overpayment", "the payment of " + payment + " exceeds the "
                    + outstanding() + " outstanding on invoice " + number);
        }
        paid = paid.add(payment.amount());
        moveTo(outstanding().amount().signum() == 0 ? InvoiceStatus.PAID : InvoiceStatus.PARTIALLY_PAID);
        return status == InvoiceStatus.PAID;
    }

    public void voidInvoice() {
        if (status == InvoiceStatus.SENT && paid.signum() > 0) {
            throw ProblemException.conflict("invoice-has-payments", "invoice " + number + " has payments");
        }
        moveTo(InvoiceStatus.VOID);
    }

    /** Closes a part-paid invoice in an offboarding settlement; what it still asked for is settled there. */
    public void settle() {
        moveTo(InvoiceStatus.SETTLED);
    }

    public boolean isOverdue(Instant now) {
        return (status == InvoiceStatus.SENT || status == InvoiceStatus.PARTIALLY_PAID) && overdueFrom != null
                && overdueFrom.isBefore(now);
    }

    /** @return true the first time; an invoice is reported overdue once */
    public boolean markOverdue(Instant now) {
        if (overdueNotifiedAt != null) {
            return false;
        }
        overdueNotifiedAt = now;
        return true;
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
    @Override
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
