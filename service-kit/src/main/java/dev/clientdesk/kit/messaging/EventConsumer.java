package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.events.CloudEventCodec.MalformedEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The idempotent consumer: one poll loop per service over the topics its {@link EventHandler}s name.
 * Each event is handled in its own transaction together with the record of its id; offsets are committed
 * only after those transactions. An event that keeps failing goes to {@code <topic>.dlt} with the error
 * and the partition moves on.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final Map<String, EventHandler> handlersByType = new HashMap<>();
    private final KafkaClients kafkaClients;
    private final ProcessedEvents processedEvents;
    private final CloudEventCodec codec;
    private final KitConfig config;
    private final Counter handled;
    private final Counter deadLettered;
    private final Counter duplicatesSkipped;

    private volatile boolean running;
    private Thread worker;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private KafkaProducer<String, byte[]> deadLetterProducer;

    public EventConsumer(Instance<EventHandler> handlers, KafkaClients kafkaClients, ProcessedEvents processedEvents,
            CloudEventCodec codec, KitConfig config, MeterRegistry registry) {
        for (EventHandler handler : handlers) {
            for (String type : handler.eventTypes()) {
                EventHandler previous = handlersByType.put(handler.topic() + "/" + type, handler);
                if (previous != null) {
                    throw new IllegalStateException("two handlers for " + type + ": " + previous + ", " + handler);
                }
            }
        }
        this.kafkaClients = kafkaClients;
        this.processedEvents = processedEvents;
        this.codec = codec;
        this.config = config;
        this.handled = registry.counter("clientdesk.events.handled");
        this.deadLettered = registry.counter("clientdesk.events.dead_lettered");
        this.duplicatesSkipped = registry.counter("clientdesk.events.duplicates_skipped");
    }

    void onStart(@Observes StartupEvent event) {
        if (handlersByType.isEmpty() || !config.consumer().enabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (worker != null) {
            worker.join(10_000);
        }
        if (deadLetterProducer != null) {
            deadLetterProducer.close(Duration.ofSeconds(1));
        }
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = kafkaClients.consumer(config.serviceName(),
                    config.serviceName() + "-consumer")) {
                consumer = kafka;
                kafka.subscribe(handlersByType.keySet().stream().map(k -> k.substring(0, k.indexOf('/')))
                        .distinct().toList());
                while (running) {
                    ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(250));
                    for (ConsumerRecord<String, byte[]> record : records) {
                        process(record);
                    }
                    if (!records.isEmpty()) {
                        kafka.commitSync();
                    }
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // Uncommitted records are read again from the last committed offset; the processed-event
                // table makes that harmless.
                LOG.warnf("event consumer restarting after: %s", e.getMessage());
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    void process(ConsumerRecord<String, byte[]> record) {
        CloudEvent event;
        try {
            event = codec.decode(record.value());
        } catch (MalformedEventException e) {
            deadLetter(record, e);
            return;
        }
        EventHandler handler = handlersByType.get(record.topic() + "/" + event.type());
        if (handler == null) {
            return;
        }
        int maxAttempts = Math.max(1, config.consumer().maxAttempts());
        for (int attempt = 1; ; attempt++) {
            try {
                boolean firstDelivery = QuarkusTransaction.requiringNew().call(() -> {
                    boolean first = processedEvents.recordFirstDelivery(config.serviceName(), event.id(), event.type());
                    if (first) {
                        handler.handle(event);
                    }
                    return first;
                });
                handled.increment();
                if (!firstDelivery) {
                    duplicatesSkipped.increment();
                }
                return;
            } catch (RuntimeException e) {
                if (e instanceof MalformedEventException || attempt >= maxAttempts) {
                    deadLetter(record, e);
                    return;
                }
                LOG.debugf("attempt %d at %s %s failed: %s", attempt, event.type(), event.id(), e.getMessage());
                sleep(config.consumer().retryBackoff());
            }
        }
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, Exception error) {
        LOG.errorf("dead-lettering %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                error.getMessage());
        RecordHeaders headers = new RecordHeaders(record.headers().toArray());
        headers.add(Headers.DLT_ERROR, Headers.bytes(String.valueOf(error.getMessage())));
        headers.add(Headers.DLT_ORIGINAL_TOPIC, Headers.bytes(record.topic()));
        headers.add(Headers.DLT_ORIGINAL_PARTITION, Headers.bytes(String.valueOf(record.partition())));
        headers.add(Headers.DLT_ORIGINAL_OFFSET, Headers.bytes(String.valueOf(record.offset())));
        try {
            deadLetterProducer().send(new ProducerRecord<>(record.topic() + DEAD_LETTER_SUFFIX, null, record.key(),
                    record.value(), headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            // Not committing the offset is the only safe answer: the record is read again.
            throw new IllegalStateException("could not dead-letter " + record.topic() + "@" + record.offset(), e);
        }
        deadLettered.increment();
    }

    private synchronized KafkaProducer<String, byte[]> deadLetterProducer() {
        if (deadLetterProducer == null) {
            deadLetterProducer = kafkaClients.producer(config.serviceName() + "-dead-letters");
        }
        return deadLetterProducer;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
