package dev.clientdesk.client.domain;

import java.util.List;

/**
 * The outcome of screening a lead: every red flag with its reason, a risk score from 0 (none) to 100,
 * and what to do.
 */
public record Screening(List<Finding> flags, int riskScore, Recommendation recommendation) {

    public record Finding(RedFlag code, Severity severity, String reason) {
        static Finding of(RedFlag flag) {
            return new Finding(flag, flag.severity(), flag.reason());
        }
    }

    public boolean has(RedFlag flag) {
        return flags.stream().anyMatch(f -> f.code() == flag);
    }
}
