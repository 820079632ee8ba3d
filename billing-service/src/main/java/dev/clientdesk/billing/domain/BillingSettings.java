package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import java.math.BigDecimal;
import java.time.ZoneId;

/** A workspace's billing defaults: what a new contract starts from, every fee disclosed. */
@Entity
public class BillingSettings {

    @Id
    private String tenantId;
    private String defaultCurrency;
    private BigDecimal defaultDepositPercent;
    private BigDecimal minDepositPercent;
    private BigDecimal maxDepositPercent;
    private int paymentTermsDays;
    private int includedRevisions;
    private BigDecimal revisionFeeAmount;
    private BigDecimal cancellationFeePercent;
    private int responseTimeHours;
    private String timeZone;
    @Version
    private long version;

    protected BillingSettings() {
    }

    /** Deposit 20% (allowed 10–50%), 14 days to pay, two revisions included, 10% cancellation fee, UTC. */
    public static BillingSettings defaults(String tenantId) {
        BillingSettings settings = new BillingSettings();
        settings.tenantId = tenantId;
        settings.replace("EUR", BigDecimal.valueOf(20), BigDecimal.valueOf(10), BigDecimal.valueOf(50), 14, 2,
                BigDecimal.ZERO, BigDecimal.valueOf(10), 48);
        settings.timeZone = "UTC";
        return settings;
    }

    public void replace(String defaultCurrency, BigDecimal defaultDepositPercent, BigDecimal minDepositPercent,
            BigDecimal maxDepositPercent, int paymentTermsDays, int includedRevisions, BigDecimal revisionFeeAmount,
            BigDecimal cancellationFeePercent, int responseTimeHours) {
        if (minDepositPercent.compareTo(maxDepositPercent) > 0) {
            throw new PaymentSchedule.ScheduleException("minDepositPercent", "must not exceed maxDepositPercent");
        }
        if (defaultDepositPercent.compareTo(minDepositPercent) < 0
                || defaultDepositPercent.compareTo(maxDepositPercent) > 0) {
            throw new PaymentSchedule.ScheduleException("defaultDepositPercent",
                    "must lie within the allowed range " + minDepositPercent + "–" + maxDepositPercent + "%");
        }
        this.defaultCurrency = new Money(revisionFeeAmount, defaultCurrency).currency();
        this.defaultDepositPercent = defaultDepositPercent;
        this.minDepositPercent = minDepositPercent;
        this.maxDepositPercent = maxDepositPercent;
        this.paymentTermsDays = paymentTermsDays;
        this.includedRevisions = includedRevisions;
        this.revisionFeeAmount = revisionFeeAmount;
        this.cancellationFeePercent = cancellationFeePercent;
        this.responseTimeHours = responseTimeHours;
    }

    /** The workspace's days (today, due dates, the invoice year) are the days of this zone. */
    public void changeTimeZone(ZoneId zone) {
        this.timeZone = zone.getId();
    }

    public String tenantId() { return tenantId; }
    public String defaultCurrency() { return defaultCurrency; }
    public BigDecimal defaultDepositPercent() { return defaultDepositPercent; }
    public BigDecimal minDepositPercent() { return minDepositPercent; }
    public BigDecimal maxDepositPercent() { return maxDepositPercent; }
    public int paymentTermsDays() { return paymentTermsDays; }
    public int includedRevisions() { return includedRevisions; }
    public Money revisionFee() { return new Money(revisionFeeAmount, defaultCurrency); }
    public BigDecimal cancellationFeePercent() { return cancellationFeePercent; }
    public int responseTimeHours() { return responseTimeHours; }
    public ZoneId timeZone() { return ZoneId.of(timeZone); }
    public long version() { return version; }
}
