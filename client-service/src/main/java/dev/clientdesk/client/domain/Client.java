package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A person or company you work with or might: from lead to accepted, active and ended, or declined. */
@Entity
public class Client implements TenantOwned {

    @Id
    private UUID id;
    private String tenantId;
    private String name;
    private String email;
    private String company;
    private String locale;
    private String timezone;
    @Enumerated(EnumType.STRING)
    private Relationship relationship;
    private String requestedService;
    private String needs;
    private BigDecimal budgetAmount;
    private String budgetCurrency;
    @JdbcTypeCode(SqlTypes.JSON)
    private IntakeSignals signals;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    private Screening screening;
    @Enumerated(EnumType.STRING)
    private ClientStatus status;
    private Instant createdAt;
    private Instant updatedAt;
    private String acceptanceException;
    @Version
    private long version;

    protected Client() {
    }

    public static Client register(String tenantId, String name, String email, String company, String locale,
            String timezone, Relationship relationship, String requestedService, String needs, Money budget,
            IntakeSignals signals, Screening screening, Instant now) {
        Client client = new Client();
        client.id = UUID.randomUUID();
        client.tenantId = tenantId;
        client.name = name;
        client.email = email;
        client.company = company;
        client.locale = locale;
        client.timezone = timezone;
        client.relationship = relationship == null ? Relationship.STRANGER : relationship;
        client.requestedService = requestedService;
        client.needs = needs;
        client.budgetAmount = budget == null ? null : budget.amount();
        client.budgetCurrency = budget == null ? null : budget.currency();
        client.signals = signals == null ? IntakeSignals.NONE : signals;
        client.screening = screening;
        client.status = ClientStatus.LEAD;
        client.createdAt = now;
        client.updatedAt = now;
        return client;
    }

    /** What screening needs to know about this client. */
    public Lead asLead(boolean previouslyEnded) {
        return new Lead(relationship, requestedService, needs, budget(), signals, previouslyEnded);
    }

    public void rescreen(IntakeSignals newSignals, Screening newScreening, Instant now) {
        requireStatus(ClientStatus.LEAD, "only a lead can be screened again");
        this.signals = signals.merge(newSignals);
        this.screening = newScreening;
        this.updatedAt = now;
    }

    public void moveTo(ClientStatus next, Instant now) {
        if (!status.canMoveTo(next)) {
            throw ProblemException.conflict("illegal-status-transition",
                    "a client in status " + status + " cannot become " + next);
        }
        this.status = next;
        this.updatedAt = now;
    }

    /** Accepted although a rule said no (an ended client's email): the reason you gave, kept with the client. */
    public void acceptAsException(String reason, Instant now) {
        moveTo(ClientStatus.ACCEPTED, now);
        this.acceptanceException = reason;
    }

    /** Changes the given details; false (and nothing touched) when they are what the client already has. */
    public boolean update(String name, String company, String locale, String timezone, Instant now) {
        boolean changed = differs(name, this.name) || differs(company, this.company) || differs(locale, this.locale)
                || differs(timezone, this.timezone);
        if (!changed) {
            return false;
        }
        if (name != null) {
            this.name = name;
        }
        if (company != null) {
            this.company = company;
        }
        if (locale != null) {
            this.locale = locale;
        }
        if (timezone != null) {
            this.timezone = timezone;
        }
        this.updatedAt = now;
        return true;
    }

    private static boolean differs(String given, String current) {
        return given != null && !given.equals(current);
    }

    private void requireStatus(ClientStatus expected, String why) {
        if (status != expected) {
            throw ProblemException.conflict("illegal-status-transition", why + "; this client is " + status);
        }
    }

    public Money budget() {
        return budgetAmount == null ? null : new Money(budgetAmount, budgetCurrency);
    }

    public UUID id() { return id; }
    @Override
    public String tenantId() { return tenantId; }
    public String name() { return name; }
    public String email() { return email; }
    public String company() { return company; }
    public String locale() { return locale; }
    public String timezone() { return timezone; }
    public Relationship relationship() { return relationship; }
    public String requestedService() { return requestedService; }
    public String needs() { return needs; }
    public IntakeSignals signals() { return signals; }
    public Screening screening() { return screening; }
    public ClientStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public Instant updatedAt() { return updatedAt; }
    public String acceptanceException() { return acceptanceException; }
    public long version() { return version; }
}
