package dev.clientdesk.client.domain;

import dev.clientdesk.kit.money.Money;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.List;

/** How a workspace chooses its clients: its ideal client, its limits and its letters' signature. */
@Entity
public class WorkspacePolicy {

    public static final int DEFAULT_MAX_BELOW_TARGET_SHARE = 20;

    @Id
    private String tenantId;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> servicesOffered;
    private BigDecimal minimumBudgetAmount;
    private String minimumBudgetCurrency;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> idealClientTraits;
    @JdbcTypeCode(SqlTypes.JSON)
    private List<String> unwantedTraits;
    @Enumerated(EnumType.STRING)
    private FriendsAndFamilyPolicy friendsAndFamily;
    private BigDecimal targetHourlyAmount;
    private String targetHourlyCurrency;
    private int maxBelowTargetShare;
    private String letterSignature;
    private String defaultLocale;
    private String freeResourcesUrl;
    @Version
    private long version;

    protected WorkspacePolicy() {
    }

    /** The policy a workspace has before anyone wrote one: open to every service, friends reviewed. */
    public static WorkspacePolicy defaults(String tenantId) {
        WorkspacePolicy policy = new WorkspacePolicy();
        policy.tenantId = tenantId;
        policy.servicesOffered = List.of();
        policy.idealClientTraits = List.of();
        policy.unwantedTraits = List.of();
        policy.friendsAndFamily = FriendsAndFamilyPolicy.REVIEW;
        policy.maxBelowTargetShare = DEFAULT_MAX_BELOW_TARGET_SHARE;
        policy.letterSignature = "";
        policy.defaultLocale = "en";
        return policy;
    }

    public void replace(List<String> servicesOffered, Money minimumBudget, List<String> idealClientTraits,
            List<String> unwantedTraits, FriendsAndFamilyPolicy friendsAndFamily, Money targetHourlyRate,
            int maxBelowTargetShare, String letterSignature, String defaultLocale) {
        this.servicesOffered = List.copyOf(servicesOffered);
        this.minimumBudgetAmount = minimumBudget == null ? null : minimumBudget.amount();
        this.minimumBudgetCurrency = minimumBudget == null ? null : minimumBudget.currency();
        this.idealClientTraits = List.copyOf(idealClientTraits);
        this.unwantedTraits = List.copyOf(unwantedTraits);
        this.friendsAndFamily = friendsAndFamily;
        this.targetHourlyAmount = targetHourlyRate == null ? null : targetHourlyRate.amount();
        this.targetHourlyCurrency = targetHourlyRate == null ? null : targetHourlyRate.currency();
        this.maxBelowTargetShare = maxBelowTargetShare;
        this.letterSignature = letterSignature;
        this.defaultLocale = defaultLocale;
    }

    /** Where a decline letter's encouragement points (an absolute http(s) URL), or null for the general wording. */
    public void useFreeResources(String url) {
        this.freeResourcesUrl = url;
    }

    public ScreeningPolicy screeningPolicy() {
        return new ScreeningPolicy(servicesOffered, minimumBudget(), friendsAndFamily, idealClientTraits, unwantedTraits,
                defaultLocale);
    }

    public Money minimumBudget() {
        return minimumBudgetAmount == null ? null : new Money(minimumBudgetAmount, minimumBudgetCurrency);
    }

    public Money targetHourlyRate() {
        return targetHourlyAmount == null ? null : new Money(targetHourlyAmount, targetHourlyCurrency);
    }

    public String tenantId() { return tenantId; }
    public List<String> servicesOffered() { return servicesOffered; }
    public List<String> idealClientTraits() { return idealClientTraits; }
    public List<String> unwantedTraits() { return unwantedTraits; }
    public FriendsAndFamilyPolicy friendsAndFamily() { return friendsAndFamily; }
    public int maxBelowTargetShare() { return maxBelowTargetShare; }
    public String letterSignature() { return letterSignature; }
    public String defaultLocale() { return defaultLocale; }
    public String freeResourcesUrl() { return freeResourcesUrl; }
    public long version() { return version; }
}
