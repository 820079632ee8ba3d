package dev.clientdesk.client.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Answers to the screening questions; a missing answer counts as "no". */
@Schema(description = "What you noticed about the lead; omitted answers mean no")
public record IntakeSignals(
        @Schema(description = "Demands a guaranteed result and shifts responsibility to you") Boolean guaranteeDemanded,
        @Schema(description = "Asks on behalf of a spouse, child, parent or friend") Boolean onBehalfOfSomeoneElse,
        @Schema(description = "You already helped them with this same problem") Boolean repeatOfResolvedIssue,
        @Schema(description = "Rude or disrespectful, also while scheduling the first call") Boolean rudeWhileScheduling,
        @Schema(description = "Ignores boundaries or personal space") Boolean disrespectsBoundaries,
        @Schema(description = "Expects extra work for free") Boolean expectsUnpaidExtraWork,
        @Schema(description = "Expects contact at any hour") Boolean expectsAfterHoursContact,
        @Schema(description = "Haggles over the price") Boolean haggles,
        @Schema(description = "Offers barter instead of money") Boolean offersBarter,
        @Schema(description = "Uses guilt or pity to get a lower price") Boolean appealsToGuiltOrPity,
        @Schema(description = "Hesitated or refused when asked for a deposit") Boolean depositHesitation,
        @Schema(description = "Asks for special exceptions to your policies") Boolean asksForSpecialExceptions) {

    public static final IntakeSignals NONE = new IntakeSignals(null, null, null, null, null, null, null, null, null,
            null, null, null);

    static boolean yes(Boolean answer) {
        return Boolean.TRUE.equals(answer);
    }

    /** Later answers add to earlier ones: a re-screening never forgets what was already noticed. */
    public IntakeSignals merge(IntakeSignals later) {
        if (later == null) {
            return this;
        }
        return new IntakeSignals(or(guaranteeDemanded, later.guaranteeDemanded),
                or(onBehalfOfSomeoneElse, later.onBehalfOfSomeoneElse),
                or(repeatOfResolvedIssue, later.repeatOfResolvedIssue),
                or(rudeWhileScheduling, later.rudeWhileScheduling),
                or(disrespectsBoundaries, later.disrespectsBoundaries),
                or(expectsUnpaidExtraWork, later.expectsUnpaidExtraWork),
                or(expectsAfterHoursContact, later.expectsAfterHoursContact),
                or(haggles, later.haggles), or(offersBarter, later.offersBarter),
                or(appealsToGuiltOrPity, later.appealsToGuiltOrPity),
                or(depositHesitation, later.depositHesitation),
                or(asksForSpecialExceptions, later.asksForSpecialExceptions));
    }

    private static Boolean or(Boolean a, Boolean b) {
        return yes(a) || yes(b) ? Boolean.TRUE : null;
    }
}
