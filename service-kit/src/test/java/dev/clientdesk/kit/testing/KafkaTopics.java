package dev.clientdesk.kit.testing;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.awaitility.Awaitility.await;

/**
 * Offsets and whole-topic reads on the test broker through the Kafka Admin API and plain clients: what a
 * topic holds right now, how far a consumer group has committed, and re-producing records as a redelivery.
 */
public final class KafkaTopics {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(20);

    private KafkaTopics() {
    }

    private static Admin admin() {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafka().bootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) CALL_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000));
    }

    /** Which of these topics exist on the broker. */
    public static Set<String> existing(Collection<String> topics) {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return topics.stream().filter(names::contains).collect(Collectors.toCollection(java.util.TreeSet::new));
        } catch (Exception e) {
            throw new IllegalStateException("could not list topics", e);
        }
    }

    /** Creates a topic with these topic-level configs (e.g. {@code max.message.bytes}). */
    public static void create(String topic, int partitions, Map<String, String> configs) {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1).configs(configs))).all()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not create " + topic, e);
        }
    }

    /** Sets one topic-level config, as an operator would with kafka-configs. */
    public static void setConfig(String topic, String name, String value) {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(new ConfigEntry(name, value),
                    AlterConfigOp.OpType.SET)))).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not set " + name + " of " + topic, e);
        }
    }

    /** Deletes topics and waits until the broker no longer lists them. */
    public static void delete(Collection<String> topics) {
        try (Admin admin = admin()) {
            admin.deleteTopics(topics).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not delete " + topics, e);
        }
        await("deleted " + topics).atMost(CALL_TIMEOUT).until(() -> existing(topics).isEmpty());
    }

    /** The log-end offset (the next offset to be written) of every partition of the topics that exist. */
    public static Map<TopicPartition, Long> endOffsets(Collection<String> topics) {
        Set<String> present = existing(topics);
        if (present.isEmpty()) {
            return Map.of();
        }
        try (Admin admin = admin()) {
            Map<String, TopicDescription> descriptions = admin.describeTopics(present).allTopicNames()
                    .get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            descriptions.values().forEach(d -> d.partitions().forEach(p ->
                    request.put(new TopicPartition(d.name(), p.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> ends = new TreeMap<>(KafkaTopics::compare);
            admin.listOffsets(request).all().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((partition, info) -> ends.put(partition, info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("could not list the end offsets of " + topics, e);
        }
    }

    /** The offsets a consumer group has committed, by partition (partitions it never committed are absent). */
    public static Map<TopicPartition, Long> committedOffsets(String groupId) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            Map<TopicPartition, Long> offsets = new TreeMap<>(KafkaTopics::compare);
            committed.forEach((partition, offset) -> {
                if (offset != null) {
                    offsets.put(partition, offset.offset());
                }
            });
            return offsets;
        } catch (Exception e) {
            throw new IllegalStateException("could not read the offsets of group " + groupId, e);
        }
    }

    /** The partitions where the group's committed offset is behind {@code targets}, with how far behind. */
    public static Map<TopicPartition, Long> lag(String groupId, Map<TopicPartition, Long> targets) {
        Map<TopicPartition, Long> committed = committedOffsets(groupId);
        Map<TopicPartition, Long> lag = new TreeMap<>(KafkaTopics::compare);
        targets.forEach((partition, end) -> {
            long behind = end - committed.getOrDefault(partition, 0L);
            if (behind > 0) {
                lag.put(partition, behind);
            }
        });
        return lag;
    }

    /** Waits until the group has committed at least {@code targets} on every partition; returns the targets. */
    public static Map<TopicPartition, Long> awaitCommitted(String groupId, Map<TopicPartition, Long> targets,
            Duration timeout) {
        await("consumer group " + groupId + " committed up to " + targets).atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> lag(groupId, targets), Map::isEmpty);
        return targets;
    }

    /** Waits until the group has consumed everything the topics hold now; returns the end offsets it reached. */
    public static Map<TopicPartition, Long> awaitCaughtUp(String groupId, Collection<String> topics, Duration timeout) {
        return awaitCommitted(groupId, endOffsets(topics), timeout);
    }

    /** Every record the topic holds now, from the beginning of each partition to its current end. */
    public static List<ConsumerRecord<String, byte[]>> readToEnd(String topic) {
        Map<TopicPartition, Long> ends = endOffsets(List.of(topic));
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        if (ends.values().stream().allMatch(end -> end == 0)) {
            return records;
        }
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafka().bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            consumer.assign(ends.keySet());
            consumer.seekToBeginning(ends.keySet());
            Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
            while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + topic + " up to " + ends);
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        records.add(record);
                    }
                }
            }
        }
        records.sort((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                : Long.compare(a.offset(), b.offset()));
        return records;
    }

    /**
     * Produces the records again, each to its own partition with its own key, value and headers: what a
     * redelivery, a rewound consumer or a producer retry looks like to the consumer.
     */
    public static void produceAgain(List<ConsumerRecord<String, byte[]>> records) {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafka().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            List<Future<?>> acks = new ArrayList<>(records.size());
            for (ConsumerRecord<String, byte[]> record : records) {
                acks.add(producer.send(new ProducerRecord<>(record.topic(), record.partition(), record.key(),
                        record.value(), new RecordHeaders(record.headers().toArray()))));
            }
            producer.flush();
            for (Future<?> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("could not produce the records again", e);
        }
    }

    private static int compare(TopicPartition a, TopicPartition b) {
        int byTopic = a.topic().compareTo(b.topic());
        return byTopic != 0 ? byTopic : Integer.compare(a.partition(), b.partition());
    }
}
