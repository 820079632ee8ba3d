package dev.clientdesk.kit.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What retrying one parked event came to. */
@Schema(description = "What retrying a parked event came to")
public record RetryResult(
        @Schema(example = "12") long id,
        @Schema(description = "APPLIED: done and no longer parked; STILL_PARKED: it still cannot be applied;"
                + " DEAD_LETTERED: it can never be applied and went to the dead-letter topic",
                example = "APPLIED") String outcome,
        @Schema(description = "Why it is still parked", example = "client 7f0c6f8e-3c55-4a55-9a57-4d2b3b0f2a11 is not known yet") String reason) {
}
