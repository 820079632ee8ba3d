package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.sample.WidgetEvents;
import dev.clientdesk.kit.testing.TestTokens;
import dev.clientdesk.kit.testing.TopicReader;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Events about something not heard of yet: waited for, then parked in the open, never dropped or reordered. */
@QuarkusTest
class ParkedEventsTest {

    @Inject
    WidgetEvents widgets;

    @Inject
    MeterRegistry registry;

    @Inject
    ParkedEventRetrier retrier;

    @Test
    void an_event_whose_prerequisite_arrives_a_little_later_is_applied_when_it_does() {
        String dependentKey = UUID.randomUUID().toString();
        // In a service the prerequisite comes on another topic; here it must at least be on another partition
        String prerequisite = WidgetEvents.keyOnAnotherPartitionThan(dependentKey, partitions());
        String dependent = widgets.send(dependentKey, "needs:" + prerequisite);
        sleep(Duration.ofMillis(500));
        assertThat(widgets.seen(dependent)).isZero();

        TopicReader.send(WidgetEvents.TOPIC, prerequisite,
                widgets.envelope(UUID.randomUUID().toString(), prerequisite, "the prerequisite"));

        await().atMost(Duration.ofSeconds(10)).until(() -> widgets.seen(dependent) == 1);
        assertThat(parkedOfKeys(List.of(dependentKey))).isEmpty();
    }

    @Test
    void an_event_whose_prerequisite_does_not_come_in_time_is_parked_with_the_events_of_its_key_until_it_does() {
        double parkedBefore = registry.counter("clientdesk.events.parked").count();
        String key = UUID.randomUUID().toString();
        String missing = UUID.randomUUID().toString();
        String premature = widgets.send(key, "needs:" + missing);
        String behind = widgets.send(key, "same client, later");
        String otherClient = widgets.send(UUID.randomUUID().toString(), "another client");

        await().atMost(Duration.ofSeconds(20)).until(() -> parkedOfKeys(List.of(key)).size() == 2);
        List<Map<String, Object>> parked = parkedOfKeys(List.of(key));
        assertThat(parked.get(0).get("reason").toString()).contains("is not known yet");
        assertThat((Integer) parked.get(0).get("attempts")).isGreaterThan(1);
        assertThat(parked.get(1).get("reason").toString()).contains("waits behind parked event " + parked.get(0).get("id"));
        assertThat(widgets.seen(premature)).isZero();
        assertThat(widgets.seen(behind)).as("a later event of the key is not applied first").isZero();
        await().atMost(Duration.ofSeconds(10)).until(() -> widgets.seen(otherClient) == 1);
        assertThat(registry.counter("clientdesk.events.parked").count()).isGreaterThanOrEqualTo(parkedBefore + 2);
        assertThat(registry.find("clientdesk.events.parked.current").gauge().value()).isGreaterThanOrEqualTo(2);

        long first = ((Number) parked.get(0).get("id")).longValue();
        long second = ((Number) parked.get(1).get("id")).longValue();
        TestTokens.as("ws-parked").post("/v1/admin/parked-events/" + first + "/retry").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        TestTokens.asOperator("ws-parked").post("/v1/admin/parked-events/" + second + "/retry").then()
                .statusCode(409).contentType(startsWith("application/problem+json"));
        TestTokens.asOperator("ws-parked").post("/v1/admin/parked-events/" + first + "/retry").then()
                .statusCode(200).body("outcome", equalTo("STILL_PARKED"));
        retrier.retryAll();
        assertThat(parkedOfKeys(List.of(key))).hasSize(2);

        TopicReader.send(WidgetEvents.TOPIC, missing,
                widgets.envelope(UUID.randomUUID().toString(), missing, "arrives at last"));
        // What the consumer has just applied may be what a parked event waited for: it retries them at once,
        // the oldest of the key first.
        await().atMost(Duration.ofSeconds(10)).until(() -> widgets.seen(behind) == 1);
        assertThat(widgets.seen(missing)).isEqualTo(1);
        assertThat(widgets.seen(premature)).isEqualTo(1);
        assertThat(widgets.seq(missing)).isLessThan(widgets.seq(premature));
        assertThat(widgets.seq(premature)).isLessThan(widgets.seq(behind));
        assertThat(parkedOfKeys(List.of(key))).isEmpty();
        TestTokens.asOperator("ws-parked").post("/v1/admin/parked-events/" + first + "/retry").then()
                .statusCode(404).contentType(startsWith("application/problem+json"));
    }

    private static int partitions() {
        return TopicReader.partitions(WidgetEvents.TOPIC);
    }

    private static List<Map<String, Object>> parkedOfKeys(List<String> keys) {
        List<Map<String, Object>> all = TestTokens.asOperator("ws-parked").get("/v1/admin/parked-events")
                .then().statusCode(200).extract().jsonPath().getList("$");
        return all.stream().filter(p -> keys.contains(String.valueOf(p.get("key")))).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
