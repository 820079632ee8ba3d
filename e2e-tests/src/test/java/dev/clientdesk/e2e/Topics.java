package dev.clientdesk.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Reads what is really on a topic, with a consumer of its own (no group, nothing committed). */
final class Topics {

    /** One record: the CloudEvent it carries and where it sits. */
    record Event(String id, String type, String subject, String tenant, JsonNode data, int partition, long offset,
            String key) {
    }

    private Topics() {
    }

    /** Every record of the topic from the beginning up to its end now, in partition-offset order. */
    static List<Event> read(String bootstrap, String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer(bootstrap)) {
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            List<Event> events = new ArrayList<>();
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " to its end " + end);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < end.get(new TopicPartition(record.topic(), record.partition()))) {
                        events.add(event(record));
                    }
                }
            }
            return events;
        }
    }

    /** Every record of one workspace on the topic now. */
    static List<Event> read(String bootstrap, String topic, String tenant) {
        return read(bootstrap, topic).stream().filter(e -> tenant.equals(e.tenant())).toList();
    }

    /** Records beyond the first with the same event id: what at-least-once delivery repeated. */
    static int duplicates(Collection<Event> events) {
        return events.size() - distinctIds(events).size();
    }

    static Set<String> distinctIds(Collection<Event> events) {
        return events.stream().map(Event::id).collect(Collectors.toSet());
    }

    /** Follows a topic from its current end: what is published from now on. */
    static Tail tail(String bootstrap, String topic) {
        return new Tail(bootstrap, topic);
    }

    static final class Tail implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;

        private Tail(String bootstrap, String topic) {
            consumer = consumer(bootstrap);
            List<TopicPartition> partitions = partitions(consumer, topic);
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, not at the first poll
        }

        /** Polls once (up to {@code wait}) and returns the first new record that matches, if any. */
        Optional<Event> poll(Duration wait, Predicate<Event> wanted) {
            for (ConsumerRecord<String, byte[]> record : consumer.poll(wait)) {
                Event event = event(record);
                if (wanted.test(event)) {
                    return Optional.of(event);
                }
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            consumer.close(Duration.ofSeconds(1));
        }
    }

    private static List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        // Asking for the metadata creates the topic if nothing was published on it yet (as a producer would).
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                return infos.stream().map(i -> new TopicPartition(topic, i.partition())).toList();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("topic " + topic + " has no partitions");
            }
        }
    }

    private static KafkaConsumer<String, byte[]> consumer(String bootstrap) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, true);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2000);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new KafkaConsumer<>(config);
    }

    private static Event event(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode envelope = Api.JSON.readTree(record.value());
            return new Event(envelope.path("id").asText(), envelope.path("type").asText(),
                    envelope.path("subject").asText(), envelope.path("tenantid").asText(), envelope.path("data"),
                    record.partition(), record.offset(), record.key());
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON CloudEvent at " + record.topic() + "-" + record.partition()
                    + "@" + record.offset(), e);
        }
    }
}
