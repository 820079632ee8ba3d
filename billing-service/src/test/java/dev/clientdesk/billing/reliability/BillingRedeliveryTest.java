package dev.clientdesk.billing.reliability;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.Redelivery;
import dev.clientdesk.kit.testing.TestClockProducer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Every record of clients.v1 delivered a second time changes nothing in billing-service. */
@QuarkusTest
class BillingRedeliveryTest {

    private static final String GROUP = "billing-service";
    private static final List<String> CONSUMED = List.of("clients.v1");

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void replaying_every_consumed_record_changes_no_state() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-redelivery-" + UUID.randomUUID();
        String offboarded = UUID.randomUUID().toString();
        String declined = UUID.randomUUID().toString();
        // Each client's life on clients.v1: accepted and contracted, then offboarding settles the project (refund
        // or final invoice, voided drafts); declining bars new contracts.
        AcceptedClients.accept(tenant, UUID.fromString(offboarded));
        var contracted = as(tenant).body("{\"clientId\":\"" + offboarded + "\",\"title\":\"Replay\","
                        + "\"totalFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"depositPercent\":20,"
                        + "\"milestones\":[{\"name\":\"One\",\"percent\":\"40\"},"
                        + "{\"name\":\"Two\",\"percent\":\"40\"}]}")
                .post("/v1/projects").then().statusCode(201).extract();
        String projectId = contracted.path("id");
        String deposit = contracted.path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        as(tenant).body("{\"amount\":{\"amount\":\"200.00\",\"currency\":\"EUR\"}}")
                .post("/v1/invoices/" + deposit + "/payments").then().statusCode(201);

        GoldenEvents.publish("clients.v1", "ClientOffboarded", tenant, offboarded, Map.of("clientId", offboarded));
        GoldenEvents.publish("clients.v1", "ClientRegistered", tenant, declined, Map.of("clientId", declined));
        GoldenEvents.publish("clients.v1", "ClientDeclined", tenant, declined, Map.of("clientId", declined));
        int seeded = 5;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/projects/" + projectId)
                .then().body("status", equalTo("CANCELLED")));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .body("{\"clientId\":\"" + declined + "\",\"title\":\"No\",\"totalFee\":{\"amount\":\"100\","
                        + "\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}]}")
                .post("/v1/projects").then().statusCode(409).body("type", containsString("client-not-available")));

        Redelivery.Outcome outcome = Redelivery.replayEverything(GROUP, CONSUMED, dataSource,
                () -> registry.counter("clientdesk.events.handled").count(), Duration.ofSeconds(45));

        outcome.assertChangedNothing("billing-service", seeded);
    }
}
