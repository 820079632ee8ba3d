package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A contract with a client: the fee, the deposit and the stages it is paid in. */
@Entity
public class Project {

    @Id
    private UUID id;
    private String tenantId;
    private UUID clientId;
    private String title;
    private String scope;
    private BigDecimal feeAmount;
    private String currency;
    private BigDecimal depositPercent;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<Milestone> milestones;
    private int paymentTermsDays;
    @Enumerated(EnumType.STRING)
    private ProjectStatus status;
    private Instant createdAt;
    @Version
    private long version;

    protected Project() {
    }

    public record Stage(String name, BigDecimal percent, LocalDate dueDate) {
    }

    /**
     * Contracts a project; the deposit comes first in the schedule, so {@link #depositAmount()} and the
     * stages always add up to the fee.
     */
    public static Project contract(String tenantId, UUID clientId, String title, String scope, Money fee,
            BigDecimal depositPercent, List<Stage> stages, int paymentTermsDays, Instant now) {
        List<BigDecimal> percents = new ArrayList<>();
        percents.add(depositPercent);
        stages.forEach(stage -> percents.add(stage.percent()));
        List<Money> amounts = PaymentSchedule.allocate(fee, percents);

        Project project = new Project();
        project.id = UUID.randomUUID();
        project.tenantId = tenantId;
        project.clientId = clientId;
        project.title = title;
        project.scope = scope;
        project.feeAmount = fee.amount();
        project.currency = fee.currency();
        project.depositPercent = depositPercent;
        project.milestones = new ArrayList<>();
        for (int i = 0; i < stages.size(); i++) {
            Stage stage = stages.get(i);
            project.milestones.add(new Milestone(UUID.randomUUID(), stage.name(), stage.percent(), amounts.get(i + 1),
                    stage.dueDate(), Milestone.MilestoneStatus.PENDING, null));
        }
        project.paymentTermsDays = paymentTermsDays;
        project.status = ProjectStatus.AWAITING_DEPOSIT;
        project.createdAt = now;
        return project;
    }

    /** The fee less every stage: what the deposit invoice asks for. */
    public Money depositAmount() {
        Money stages = milestones.stream().map(Milestone::amount).reduce(Money.zero(currency), Money::plus);
        return fee().minus(stages);
    }

    public Money fee() {
        return new Money(feeAmount, currency);
    }

    public UUID id() { return id; }
    public String tenantId() { return tenantId; }
    public UUID clientId() { return clientId; }
    public String title() { return title; }
    public String scope() { return scope; }
    public BigDecimal depositPercent() { return depositPercent; }
    public List<Milestone> milestones() { return List.copyOf(milestones); }
    public int paymentTermsDays() { return paymentTermsDays; }
    public ProjectStatus status() { return status; }
    public Instant createdAt() { return createdAt; }
    public long version() { return version; }
}
