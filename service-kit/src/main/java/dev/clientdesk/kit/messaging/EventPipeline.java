package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies one record to its handler, in one transaction with the record of its id: the path every event
 * takes, whether it comes from the topic, from the parked events or from a dead-letter replay.
 */
@ApplicationScoped
public class EventPipeline {

    public enum Outcome { APPLIED, DUPLICATE, IGNORED, PARKED_BEHIND }

    private final Map<String, EventHandler> handlersByType = new HashMap<>();
    private final ProcessedEvents processedEvents;
    private final ParkedEvents parkedEvents;
    private final CloudEventCodec codec;
    private final String group;
    private final Counter handled;
    private final Counter duplicatesSkipped;

    public EventPipeline(Instance<EventHandler> handlers, ProcessedEvents processedEvents, ParkedEvents parkedEvents,
            CloudEventCodec codec, KitConfig config, MeterRegistry registry) {
        for (EventHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                EventHandler previous = handlersByType.put(handler.topic() + "/" + type, handler);
                if (previous != null) {
                    throw new IllegalStateException("two handlers for " + type + ": " + previous + ", " + handler);
                }
            }
        }
        this.processedEvents = processedEvents;
        this.parkedEvents = parkedEvents;
        this.codec = codec;
        this.group = config.serviceName();
        this.handled = registry.counter("clientdesk.events.handled");
        this.duplicatesSkipped = registry.counter("clientdesk.events.duplicates_skipped");
    }

    /** The consumer group: this service. */
    public String group() {
        return group;
    }

    public Set<String> topics() {
        Set<String> topics = new TreeSet<>();
        handlersByType.keySet().forEach(k -> topics.add(k.substring(0, k.indexOf('/'))));
        return topics;
    }

    /**
     * A record read from its topic: parked behind an earlier parked event of its key, or applied.
     * @throws RuntimeException whatever the decoding or the handler threw; {@link Failure#of} says what it deserves
     */
    public Outcome fromTopic(ConsumerRecord<String, byte[]> record) {
        CloudEvent event = codec.decode(record.value());
        EventHandler handler = handlersByType.get(record.topic() + "/" + event.type());
        if (handler == null) {
            return Outcome.IGNORED;
        }
        return count(QuarkusTransaction.requiringNew().call(() -> {
            // Most of the time nothing is parked: then no event pays for the look-up.
            Optional<Long> ahead = parkedEvents.any()
                    ? parkedEvents.parkedAhead(group, record.topic(), record.key()) : Optional.empty();
            if (ahead.isPresent()) {
                parkedEvents.park(group, record, "waits behind parked event " + ahead.get() + " of the same key", 0,
                        null);
                return Outcome.PARKED_BEHIND;
            }
            return apply(handler, event);
        }));
    }

    /** A parked event, applied and removed from the parked events in one transaction. */
    public Outcome fromParking(ParkedEvents.Parked parked) {
        CloudEvent event = codec.decode(parked.value());
        EventHandler handler = handlersByType.get(parked.topic() + "/" + event.type());
        return count(QuarkusTransaction.requiringNew().call(() -> {
            if (!parkedEvents.take(group, parked.id())) {
                return Outcome.DUPLICATE;
            }
            return handler == null ? Outcome.IGNORED : apply(handler, event);
        }));
    }

    /** Removes a parked event that went to the dead-letter topic instead. */
    public void discardParked(long id) {
        QuarkusTransaction.requiringNew().run(() -> parkedEvents.take(group, id));
    }

    /** A dead-lettered record of {@code topic}, replayed. */
    public Outcome replay(String topic, byte[] value) {
        CloudEvent event = codec.decode(value);
        EventHandler handler = handlersByType.get(topic + "/" + event.type());
        if (handler == null) {
            return Outcome.IGNORED;
        }
        return count(QuarkusTransaction.requiringNew().call(() -> apply(handler, event)));
    }

    private Outcome apply(EventHandler handler, CloudEvent event) {
        if (!processedEvents.recordFirstDelivery(group, event.id(), event.type())) {
            return Outcome.DUPLICATE;
        }
        handler.handle(event);
        return Outcome.APPLIED;
    }

    private Outcome count(Outcome outcome) {
        if (outcome == Outcome.APPLIED || outcome == Outcome.DUPLICATE) {
            handled.increment();
        }
        if (outcome == Outcome.DUPLICATE) {
            duplicatesSkipped.increment();
        }
        return outcome;
    }

}
