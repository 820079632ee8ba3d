package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.sample.WidgetEvents;
import dev.clientdesk.kit.testing.InfrastructureTestResource;
import dev.clientdesk.kit.testing.RowLock;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The database going away, or a row staying locked, while events arrive: nothing is lost, nothing doubled. */
@QuarkusTest
class ConsumerOutageTest {

    /** Longer than the consumer used to retry an event before dead-lettering it (3 tries 0.2 s apart). */
    private static final Duration OUTAGE = Duration.ofSeconds(5);

    @Inject
    WidgetEvents widgets;

    @Inject
    MeterRegistry registry;

    @Inject
    DataSource dataSource;

    @Test
    void events_arriving_while_the_database_is_stopped_are_applied_once_it_is_back_and_none_is_dead_lettered() {
        double deadLetteredBefore = deadLettered();
        List<String> widgetIds = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            widgetIds.add(widgets.send(UUID.randomUUID().toString(), "before the outage " + i));
        }
        Instant stopped = Instant.now();
        CompletableFuture<Void> outage = CompletableFuture.runAsync(() ->
                InfrastructureTestResource.restartDatabase(OUTAGE));
        for (int i = 0; i < 10; i++) {
            widgetIds.add(widgets.send(UUID.randomUUID().toString(), "during the outage " + i));
        }
        outage.join();
        Duration down = Duration.between(stopped, Instant.now());

        await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> widgetIds.stream().allMatch(id -> widgets.seen(id) == 1));
        System.out.printf("RELIABILITY consumer database-outage down=%dms events=%d applied-once=%d dead-lettered=%d%n",
                down.toMillis(), widgetIds.size(), widgetIds.stream().filter(id -> widgets.seen(id) == 1).count(),
                (long) (deadLettered() - deadLetteredBefore));
        assertThat(down).isGreaterThanOrEqualTo(OUTAGE);
        assertThat(widgetIds).allSatisfy(id -> assertThat(widgets.seen(id)).as(id).isEqualTo(1));
        assertThat(deadLettered()).as("nothing dead-lettered").isEqualTo(deadLetteredBefore);
    }

    @Test
    void a_lock_timeout_pauses_the_partition_and_the_records_behind_it_wait_in_order() {
        String lockedWidget = widgets.send(UUID.randomUUID().toString(), "to be locked");
        await().atMost(Duration.ofSeconds(30)).until(() -> widgets.seen(lockedWidget) == 1);
        double deadLetteredBefore = deadLettered();
        String key = UUID.randomUUID().toString();
        String first;
        String second;
        try (RowLock lock = RowLock.hold(dataSource, "SELECT widget_id FROM widget_seen WHERE widget_id = ? FOR UPDATE",
                lockedWidget)) {
            first = widgets.send(key, "locked:" + lockedWidget);
            second = widgets.send(key, "behind the locked one");

            await().atMost(Duration.ofSeconds(20)).until(() -> !consumerData().get("pausedPartitions").isEmpty());
            assertThat(consumerCheck().get("status")).as("retrying is not a reason to be unready").isEqualTo("UP");
            assertThat(consumerData().get("retryingSince")).isNotBlank();
            assertThat(consumerData().get("lastError")).startsWith("TRANSIENT");
            // several backoff rounds (0.05 s doubling to 0.4 s here), well past the old three tries
            sleep(Duration.ofMillis(1500));
            assertThat(widgets.seen(first)).isZero();
            assertThat(widgets.seen(second)).as("a later record of the partition waits").isZero();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> widgets.seen(second) == 1);
        assertThat(widgets.seen(first)).isEqualTo(1);
        assertThat(widgets.seq(first)).as("order kept").isLessThan(widgets.seq(second));
        assertThat(deadLettered()).isEqualTo(deadLetteredBefore);
        await().atMost(Duration.ofSeconds(5)).until(() -> consumerData().get("pausedPartitions").isEmpty());
    }

    private double deadLettered() {
        return registry.counter("clientdesk.events.dead_lettered").count();
    }

    private static Map<String, Object> consumerCheck() {
        return given().get("/q/health/ready").jsonPath().getMap("checks.find { it.name == 'event-consumer' }");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> consumerData() {
        return (Map<String, String>) consumerCheck().get("data");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
