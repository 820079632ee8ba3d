package dev.clientdesk.kit.testing;

import dev.clientdesk.kit.messaging.Headers;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Duration;

/** What a service's consumer sent to {@code <topic>.dlt}. */
public final class DeadLetters {

    private DeadLetters() {
    }

    /** Waits for the event with this CloudEvents id on {@code <topic>.dlt}; fails when it does not come. */
    public static ConsumerRecord<String, byte[]> awaitEvent(String topic, String eventId, Duration timeout) {
        return TopicReader.readUntil(topic + ".dlt", timeout,
                        records -> records.stream().anyMatch(r -> eventId.equals(Redelivery.eventId(r))))
                .stream().filter(r -> eventId.equals(Redelivery.eventId(r))).findFirst()
                .orElseThrow(() -> new AssertionError("event " + eventId + " did not reach " + topic + ".dlt within "
                        + timeout));
    }

    /** Waits for the event on {@code <topic>.dlt} and returns why the consumer gave up on it ({@code dlt-error}). */
    public static String awaitError(String topic, String eventId, Duration timeout) {
        return Headers.text(awaitEvent(topic, eventId, timeout).headers(), Headers.DLT_ERROR);
    }
}
