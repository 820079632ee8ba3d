package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The {@code <topic>.dlt} topics: records this service gave up on go there with why, and operators read
 * and replay them. One dead-letter topic serves every consumer group of its topic; the
 * {@link Headers#DLT_CONSUMER_GROUP} header says whose a record is.
 */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    public static final String SUFFIX = ".dlt";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

    private final KafkaClients kafkaClients;
    private final String group;
    private final Counter deadLettered;
    private KafkaProducer<String, byte[]> producer;

    public DeadLetters(KafkaClients kafkaClients, KitConfig config, MeterRegistry registry) {
        this.kafkaClients = kafkaClients;
        this.group = config.serviceName();
        this.deadLettered = registry.counter("clientdesk.events.dead_lettered");
    }

    /** A record of this group's, as it lies on the dead-letter topic. */
    public record DeadLetter(int partition, long offset, Instant timestamp, String key, byte[] value,
            String errorClass, String error, int attempts, String originalTopic, int originalPartition,
            long originalOffset) {
    }

    /** Sends the record to its dead-letter topic and waits for the broker's acknowledgement. */
    public void send(String topic, int partition, long offset, String key, byte[] value,
            org.apache.kafka.common.header.Headers original, Throwable error, int attempts) {
        LOG.errorf("dead-lettering %s-%d@%d after %d attempt(s): %s", topic, partition, offset, attempts,
                error.getMessage());
        RecordHeaders headers = new RecordHeaders(original.toArray());
        headers.add(Headers.DLT_ERROR, Headers.bytes(String.valueOf(error.getMessage())));
        headers.add(Headers.DLT_ERROR_CLASS, Headers.bytes(error.getClass().getName()));
        headers.add(Headers.DLT_ATTEMPTS, Headers.bytes(String.valueOf(attempts)));
        headers.add(Headers.DLT_CONSUMER_GROUP, Headers.bytes(group));
        headers.add(Headers.DLT_ORIGINAL_TOPIC, Headers.bytes(topic));
        headers.add(Headers.DLT_ORIGINAL_PARTITION, Headers.bytes(String.valueOf(partition)));
        headers.add(Headers.DLT_ORIGINAL_OFFSET, Headers.bytes(String.valueOf(offset)));
        try {
            producer().send(new ProducerRecord<>(topic + SUFFIX, null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while dead-lettering", e);
        } catch (Exception e) {
            throw new IllegalStateException("could not dead-letter " + topic + "@" + offset, e);
        }
        deadLettered.increment();
    }

    public void send(ConsumerRecord<String, byte[]> record, Throwable error, int attempts) {
        send(record.topic(), record.partition(), record.offset(), record.key(), record.value(), record.headers(),
                error, attempts);
    }

    /** This group's dead letters of {@code topic}, oldest first, read up to the end as it is now. */
    public List<DeadLetter> read(String topic, int limit) {
        List<DeadLetter> found = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> reader = kafkaClients.reader(group + "-dead-letter-reader")) {
            List<PartitionInfo> partitions = reader.partitionsFor(topic + SUFFIX, READ_TIMEOUT);
            if (partitions == null || partitions.isEmpty()) {
                return found;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            reader.assign(assigned);
            reader.seekToBeginning(assigned);
            Map<TopicPartition, Long> ends = reader.endOffsets(assigned, READ_TIMEOUT);
            Instant deadline = Instant.now().plus(READ_TIMEOUT);
            while (found.size() < limit && !readToEnd(reader, ends) && Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))
                            && isOurs(record) && found.size() < limit) {
                        found.add(toDeadLetter(topic, record));
                    }
                }
            }
        }
        return found;
    }

    private static boolean readToEnd(KafkaConsumer<String, byte[]> reader, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> reader.position(e.getKey()) >= e.getValue());
    }

    /** Records dead-lettered before the group was written down belong to every group of the topic. */
    private boolean isOurs(ConsumerRecord<String, byte[]> record) {
        String owner = Headers.text(record.headers(), Headers.DLT_CONSUMER_GROUP);
        return owner == null || owner.equals(group);
    }

    private static DeadLetter toDeadLetter(String topic, ConsumerRecord<String, byte[]> record) {
        var headers = record.headers();
        return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                record.key(), record.value(), Headers.text(headers, Headers.DLT_ERROR_CLASS),
                Headers.text(headers, Headers.DLT_ERROR), (int) number(Headers.text(headers, Headers.DLT_ATTEMPTS), 0),
                orElse(Headers.text(headers, Headers.DLT_ORIGINAL_TOPIC), topic),
                (int) number(Headers.text(headers, Headers.DLT_ORIGINAL_PARTITION), -1),
                number(Headers.text(headers, Headers.DLT_ORIGINAL_OFFSET), -1));
    }

    private static long number(String text, long otherwise) {
        try {
            return text == null ? otherwise : Long.parseLong(text);
        } catch (NumberFormatException e) {
            return otherwise;
        }
    }

    private static String orElse(String value, String otherwise) {
        return value == null ? otherwise : value;
    }

    private synchronized KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = kafkaClients.producer(group + "-dead-letters");
        }
        return producer;
    }

    synchronized void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(1));
            producer = null;
        }
    }
}
