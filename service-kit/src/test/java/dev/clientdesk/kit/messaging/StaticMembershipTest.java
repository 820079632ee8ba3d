package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.sample.WidgetEvents;
import dev.clientdesk.kit.testing.InfrastructureTestResource;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A replica that comes back after dying takes its partitions back at once (static group membership). */
@QuarkusTest
class StaticMembershipTest {

    @Inject
    EventConsumer consumer;

    @Inject
    WidgetEvents widgets;

    @Test
    void a_restarted_consumer_handles_events_at_once_although_its_dead_predecessor_never_left_the_group()
            throws InterruptedException {
        consumer.stop();
        KafkaConsumer<String, byte[]> abandoned = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, InfrastructureTestResource.kafka().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "sample-service",
                ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, consumer.instanceId(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class));
        try {
            abandoned.subscribe(List.of(WidgetEvents.TOPIC));
            Instant deadline = Instant.now().plusSeconds(20);
            while (abandoned.assignment().isEmpty() && Instant.now().isBefore(deadline)) {
                abandoned.poll(Duration.ofMillis(100));
            }
            assertThat(abandoned.assignment()).as("the predecessor holds the partitions").isNotEmpty();
            // From here on it neither polls nor leaves: a process that was killed.

            Instant started = Instant.now();
            consumer.start();
            String widget = widgets.send(UUID.randomUUID().toString(), "after the restart");
            await().atMost(Duration.ofSeconds(10)).until(() -> widgets.seen(widget) == 1);
            Duration took = Duration.between(started, Instant.now());
            System.out.printf("RELIABILITY consumer restart-after-crash first-event-handled=%dms%n", took.toMillis());
            assertThat(took).isLessThan(Duration.ofSeconds(10));
        } finally {
            try {
                abandoned.close(Duration.ZERO);
            } catch (RuntimeException fenced) {
                // it was replaced by the restarted consumer, as intended
            }
        }
    }
}
