package dev.clientdesk.kit.admin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** What a replay of a dead-letter topic did. Already applied events count as duplicates and change nothing. */
@Schema(description = "What a replay did; replaying again only adds duplicates")
public record ReplayReport(
        @Schema(description = "Dead letters of this consumer group read", example = "3") int read,
        @Schema(description = "Applied now", example = "2") int applied,
        @Schema(description = "Already applied before (nothing changed)", example = "0") int duplicates,
        @Schema(description = "Of a type this service does not handle", example = "0") int ignored,
        @Schema(description = "Failed again; they stay on the dead-letter topic") List<Failed> failed) {

    /** A dead letter that failed again. */
    public record Failed(@Schema(example = "0") int partition, @Schema(example = "17") long offset,
            @Schema(example = "not a JSON CloudEvent: the record has no value") String error) {
    }
}
