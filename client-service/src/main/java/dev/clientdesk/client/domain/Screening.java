package dev.clientdesk.client.domain;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * The outcome of screening a lead: every red flag with its reason, a risk score from 0 (none) to 100, what to
 * do, the ideal-client traits the lead matched, and the policy settings that were not set and so could not be
 * checked. Screenings stored before the last two existed read them as empty.
 */
public record Screening(List<Finding> flags, int riskScore, Recommendation recommendation,
        @Schema(description = "Your ideal-client traits found in what the lead said they need", example = "[\"clear brief\"]")
        List<String> matchedIdealTraits,
        @Schema(description = "Policy settings not set yet, so their checks were skipped (e.g. no BUDGET_BELOW_MINIMUM without a minimum budget)",
                example = "[\"minimumBudget\"]")
        List<String> missingSettings) {

    public Screening {
        matchedIdealTraits = matchedIdealTraits == null ? List.of() : List.copyOf(matchedIdealTraits);
        missingSettings = missingSettings == null ? List.of() : List.copyOf(missingSettings);
    }

    /**
     * @param reason in the workspace's language
     * @param traits for UNWANTED_TRAIT, the unwanted traits the lead matched; empty otherwise
     */
    public record Finding(RedFlag code, Severity severity, String reason,
            @Schema(description = "For UNWANTED_TRAIT: which of your unwanted traits matched") List<String> traits) {

        public Finding {
            traits = traits == null ? List.of() : List.copyOf(traits);
        }
    }

    public boolean has(RedFlag flag) {
        return flags.stream().anyMatch(f -> f.code() == flag);
    }

    public Finding finding(RedFlag flag) {
        return flags.stream().filter(f -> f.code() == flag).findFirst().orElse(null);
    }
}
