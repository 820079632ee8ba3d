package dev.clientdesk.client.domain;

/** The warning signs of a client to avoid (domain.md, seeds 001 and 003), each with a plain reason. */
public enum RedFlag {
    GUARANTEE_DEMANDED(Severity.HIGH,
            "Demands a guaranteed outcome and puts all responsibility on you; nobody can promise 100%."),
    OUTSIDE_SERVICES(Severity.HIGH,
            "Wants something outside the services you offer; \"well, I guess I can do this\" is a no."),
    REPEAT_OF_RESOLVED_ISSUE(Severity.MEDIUM,
            "You already helped with this same problem; solving it again ties the client to you."),
    ON_BEHALF_OF_SOMEONE_ELSE(Severity.HIGH,
            "Asks on behalf of someone else; you work only with the person who asks for themselves."),
    DISRESPECTFUL(Severity.HIGH,
            "Disrespected boundaries or was rude, already while scheduling the first call."),
    EXPECTS_PERSONAL_TIME(Severity.MEDIUM,
            "Expects unpaid extra work or contact at any hour."),
    WILL_NOT_PAY(Severity.HIGH,
            "Haggles, offers barter or leans on guilt and pity instead of paying your rate."),
    BUDGET_BELOW_MINIMUM(Severity.MEDIUM,
            "The budget is below your minimum."),
    DEPOSIT_HESITATION(Severity.MEDIUM,
            "Hesitated or refused when asked for a deposit: a sign they are not committed."),
    FRIEND_OR_FAMILY(Severity.LOW,
            "A friend or relative: your friends-and-family policy decides."),
    SPECIAL_EXCEPTIONS(Severity.MEDIUM,
            "Keeps asking for special exceptions to your policies."),
    PREVIOUSLY_ENDED(Severity.HIGH,
            "You ended a working relationship with this email address before.");

    private final Severity severity;
    private final String reason;

    RedFlag(Severity severity, String reason) {
        this.severity = severity;
        this.reason = reason;
    }

    public Severity severity() {
        return severity;
    }

    public String reason() {
        return reason;
    }
}
