package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.messaging.ParkedEvents.Parked;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** A parked event as an operator sees it. */
@Schema(description = "An event set aside until what it depends on exists")
public record ParkedEventView(
        @Schema(example = "12") long id,
        @Schema(example = "billing.v1") String topic,
        @Schema(example = "2") int partition,
        @Schema(example = "1042") long offset,
        @Schema(description = "The Kafka key (the client id); later events of the key wait behind this one",
                example = "7f0c6f8e-3c55-4a55-9a57-4d2b3b0f2a11") String key,
        @Schema(description = "Why it waits", example = "client 7f0c6f8e-3c55-4a55-9a57-4d2b3b0f2a11 is not known yet") String reason,
        @Schema(description = "When the consumer first tried it") Instant firstSeenAt,
        @Schema(description = "When it was last tried") Instant lastTriedAt,
        @Schema(description = "Tries so far", example = "41") int attempts,
        @Schema(description = "The record's value as text (a CloudEvents JSON envelope)") String value) {

    static ParkedEventView of(Parked parked) {
        return new ParkedEventView(parked.id(), parked.topic(), parked.partition(), parked.offset(), parked.key(),
                parked.reason(), parked.firstSeenAt(), parked.lastTriedAt(), parked.attempts(),
                parked.value() == null ? null : new String(parked.value(), StandardCharsets.UTF_8));
    }
}
