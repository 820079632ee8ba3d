package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.messaging.DeadLetters.DeadLetter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A dead-lettered record of this service's consumer group, as an operator sees it. */
@Schema(description = "A record this service gave up on, with why")
public record DeadLetterView(
        @Schema(description = "Partition of the dead-letter topic", example = "0") int partition,
        @Schema(description = "Offset on the dead-letter topic", example = "17") long offset,
        @Schema(description = "When it was dead-lettered") Instant deadLetteredAt,
        @Schema(description = "The Kafka key (the client id)", example = "7f0c6f8e-3c55-4a55-9a57-4d2b3b0f2a11") String key,
        @Schema(description = "The error's class", example = "dev.clientdesk.kit.events.CloudEventCodec$MalformedEventException") String errorClass,
        @Schema(description = "The error's message", example = "not a JSON CloudEvent: the record has no value") String error,
        @Schema(description = "Tries before it was dead-lettered", example = "1") int attempts,
        @Schema(description = "Where it was read", example = "billing.v1") String originalTopic,
        @Schema(example = "2") int originalPartition,
        @Schema(example = "1042") long originalOffset,
        @Schema(description = "The record's value as text (a CloudEvents JSON envelope, unless that was the problem)") String value) {

    static DeadLetterView of(DeadLetter letter) {
        return new DeadLetterView(letter.partition(), letter.offset(), letter.timestamp(), letter.key(),
                letter.errorClass(), letter.error(), letter.attempts(), letter.originalTopic(),
                letter.originalPartition(), letter.originalOffset(),
                letter.value() == null ? null : new String(letter.value(), StandardCharsets.UTF_8));
    }
}
