package dev.clientdesk.client.domain;

/**
 * The warning signs of a client to avoid, each with its severity (docs/domain.md#red-flags). Their plain-language
 * reasons are in {@code screening/reasons.<language>.properties}, written in the workspace's language by
 * {@link ScreeningReasons}.
 */
public enum RedFlag {
    GUARANTEE_DEMANDED(Severity.HIGH),
    OUTSIDE_SERVICES(Severity.HIGH),
    REPEAT_OF_RESOLVED_ISSUE(Severity.MEDIUM),
    ON_BEHALF_OF_SOMEONE_ELSE(Severity.HIGH),
    DISRESPECTFUL(Severity.HIGH),
    EXPECTS_PERSONAL_TIME(Severity.MEDIUM),
    WILL_NOT_PAY(Severity.HIGH),
    BUDGET_BELOW_MINIMUM(Severity.MEDIUM),
    DEPOSIT_HESITATION(Severity.MEDIUM),
    FRIEND_OR_FAMILY(Severity.LOW),
    SPECIAL_EXCEPTIONS(Severity.MEDIUM),
    PREVIOUSLY_ENDED(Severity.HIGH),
    /** What the lead said they need matches one of the workspace's unwanted traits. */
    UNWANTED_TRAIT(Severity.MEDIUM);

    private final Severity severity;

    RedFlag(Severity severity) {
        this.severity = severity;
    }

    public Severity severity() {
        return severity;
    }
}
