package dev.clientdesk.client.domain;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static dev.clientdesk.client.domain.IntakeSignals.yes;

/**
 * Compares a lead with the workspace policy. Any HIGH flag, or a risk of 50 or more, recommends DECLINE;
 * any other flag that counts recommends REVIEW; a clean lead is ACCEPT. A friend or relative follows the
 * workspace's friends-and-family policy. What the lead said they need (and the service they asked for) is
 * held against the policy's traits ({@link ScreeningPolicy#matching}): an unwanted trait raises UNWANTED_TRAIT
 * naming it, ideal traits are listed but never outweigh a flag. Reasons are in the workspace's language.
 */
public final class Screener {

    static final int DECLINE_AT = 50;

    private Screener() {
    }

    public static Screening screen(Lead lead, ScreeningPolicy policy) {
        List<String> leadWords = new ArrayList<>(Words.of(lead.needs()));
        leadWords.addAll(Words.of(lead.requestedService()));
        List<String> unwanted = ScreeningPolicy.matching(policy.unwantedTraits(), leadWords);
        Set<RedFlag> raised = raisedFlags(lead, policy);
        if (!unwanted.isEmpty()) {
            raised.add(RedFlag.UNWANTED_TRAIT);
        }
        List<Screening.Finding> findings = new ArrayList<>();
        for (RedFlag flag : raised) {
            List<String> traits = flag == RedFlag.UNWANTED_TRAIT ? unwanted : List.of();
            findings.add(new Screening.Finding(flag, flag.severity(),
                    ScreeningReasons.reason(flag, policy.locale(), traits), traits));
        }
        int risk = Math.min(100, raised.stream().mapToInt(f -> f.severity().weight()).sum());
        return new Screening(List.copyOf(findings), risk, recommend(raised, risk, policy.friendsAndFamily()),
                ScreeningPolicy.matching(policy.idealClientTraits(), leadWords), missingSettings(policy));
    }

    /** The settings whose checks a fresh workspace skips silently unless they are pointed out. */
    private static List<String> missingSettings(ScreeningPolicy policy) {
        List<String> missing = new ArrayList<>();
        if (policy.servicesOffered().isEmpty()) {
            missing.add("servicesOffered");
        }
        if (policy.minimumBudget() == null) {
            missing.add("minimumBudget");
        }
        return missing;
    }

    private static Set<RedFlag> raisedFlags(Lead lead, ScreeningPolicy policy) {
        IntakeSignals s = lead.signals();
        Set<RedFlag> flags = EnumSet.noneOf(RedFlag.class);
        if (yes(s.guaranteeDemanded())) {
            flags.add(RedFlag.GUARANTEE_DEMANDED);
        }
        if (!policy.offers(lead.requestedService())) {
            flags.add(RedFlag.OUTSIDE_SERVICES);
        }
        if (yes(s.repeatOfResolvedIssue())) {
            flags.add(RedFlag.REPEAT_OF_RESOLVED_ISSUE);
        }
        if (yes(s.onBehalfOfSomeoneElse())) {
            flags.add(RedFlag.ON_BEHALF_OF_SOMEONE_ELSE);
        }
        if (yes(s.rudeWhileScheduling()) || yes(s.disrespectsBoundaries())) {
            flags.add(RedFlag.DISRESPECTFUL);
        }
        if (yes(s.expectsUnpaidExtraWork()) || yes(s.expectsAfterHoursContact())) {
            flags.add(RedFlag.EXPECTS_PERSONAL_TIME);
        }
        if (yes(s.haggles()) || yes(s.offersBarter()) || yes(s.appealsToGuiltOrPity())) {
            flags.add(RedFlag.WILL_NOT_PAY);
        }
        if (belowMinimum(lead, policy)) {
            flags.add(RedFlag.BUDGET_BELOW_MINIMUM);
        }
        if (yes(s.depositHesitation())) {
            flags.add(RedFlag.DEPOSIT_HESITATION);
        }
        if (lead.relationship().isPersonal()) {
            flags.add(RedFlag.FRIEND_OR_FAMILY);
        }
        if (yes(s.asksForSpecialExceptions())) {
            flags.add(RedFlag.SPECIAL_EXCEPTIONS);
        }
        if (lead.previouslyEnded()) {
            flags.add(RedFlag.PREVIOUSLY_ENDED);
        }
        return flags;
    }

    /** A budget in another currency than the minimum cannot be compared, so it is not held against the lead. */
    private static boolean belowMinimum(Lead lead, ScreeningPolicy policy) {
        return lead.budget() != null && policy.minimumBudget() != null
                && lead.budget().currency().equals(policy.minimumBudget().currency())
                && lead.budget().amount().compareTo(policy.minimumBudget().amount()) < 0;
    }

    private static Recommendation recommend(Set<RedFlag> flags, int risk, FriendsAndFamilyPolicy friendsAndFamily) {
        boolean personal = flags.contains(RedFlag.FRIEND_OR_FAMILY);
        if (personal && friendsAndFamily == FriendsAndFamilyPolicy.DECLINE_AND_REFER) {
            return Recommendation.DECLINE;
        }
        if (flags.stream().anyMatch(f -> f.severity() == Severity.HIGH) || risk >= DECLINE_AT) {
            return Recommendation.DECLINE;
        }
        boolean othersThanPersonal = flags.stream().anyMatch(f -> f != RedFlag.FRIEND_OR_FAMILY);
        if (othersThanPersonal || (personal && friendsAndFamily == FriendsAndFamilyPolicy.REVIEW)) {
            return Recommendation.REVIEW;
        }
        return Recommendation.ACCEPT;
    }
}
