package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.BillingSettings;
import dev.clientdesk.billing.domain.PaymentSchedule.ScheduleException;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.math.BigDecimal;
import java.time.ZoneId;

@ApplicationScoped
public class SettingsService {

    private final EntityManager em;

    public SettingsService(EntityManager em) {
        this.em = em;
    }

    public record SettingsData(String defaultCurrency, BigDecimal defaultDepositPercent, BigDecimal minDepositPercent,
            BigDecimal maxDepositPercent, int paymentTermsDays, int includedRevisions, BigDecimal revisionFee,
            BigDecimal cancellationFeePercent, int responseTimeHours, String timeZone) {
    }

    public BillingSettings current(String tenantId) {
        BillingSettings stored = em.find(BillingSettings.class, tenantId);
        return stored == null ? BillingSettings.defaults(tenantId) : stored;
    }

    /** The workspace's time zone: its days are the days of "today", due dates and the invoice year. */
    public ZoneId zone(String tenantId) {
        return current(tenantId).timeZone();
    }

    @Transactional
    public BillingSettings replace(String tenantId, String ifMatch, SettingsData data) {
        BillingSettings settings = em.find(BillingSettings.class, tenantId);
        boolean created = settings == null;
        if (created) {
            settings = BillingSettings.defaults(tenantId);
        } else {
            ETags.requireMatch(ifMatch, settings.version());
        }
        try {
            Money.fractionDigits(data.defaultCurrency());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("defaultCurrency", e.getMessage());
        }
        try {
            settings.replace(data.defaultCurrency(), data.defaultDepositPercent(), data.minDepositPercent(),
                    data.maxDepositPercent(), data.paymentTermsDays(), data.includedRevisions(), data.revisionFee(),
                    data.cancellationFeePercent(), data.responseTimeHours());
        } catch (ScheduleException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("revisionFee", e.getMessage());
        }
        if (data.timeZone() != null) {
            settings.changeTimeZone(zoneOf(data.timeZone()));
        }
        if (created) {
            em.persist(settings);
        }
        em.flush();
        return settings;
    }

    /** Region ids of the IANA database only ("Asia/Almaty", "UTC"): no fixed offsets, which ignore summer time. */
    private static ZoneId zoneOf(String id) {
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw ProblemException.invalidField("timeZone", "must be an IANA time zone such as Europe/Sofia or UTC");
        }
        return ZoneId.of(id);
    }
}
