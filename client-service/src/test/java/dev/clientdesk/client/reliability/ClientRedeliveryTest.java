package dev.clientdesk.client.reliability;

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
import static org.hamcrest.Matchers.equalTo;

/**
 * Every record of billing.v1 and followups.v1 delivered a second time (a rewind, a redelivery)
 * changes nothing in client-service.
 */
@QuarkusTest
class ClientRedeliveryTest {

    private static final String GROUP = "client-service";
    private static final List<String> CONSUMED = List.of("billing.v1", "followups.v1");

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void replaying_every_consumed_record_changes_no_state() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-redelivery-" + UUID.randomUUID();
        String client = as(tenant).body("{\"name\":\"Replay\",\"email\":\"replay@example.com\",\"locale\":\"en\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/clients/" + client + "/accept").then().statusCode(200);

        // Events whose effects add up: handled twice, the health numbers would show it.
        Map<String, String> forClient = Map.of("clientId", client);
        GoldenEvents.publish("billing.v1", "ProjectContracted", tenant, client, forClient);
        GoldenEvents.publish("billing.v1", "PaymentReceived", tenant, client,
                Map.of("clientId", client, "amount.amount", "400.00"));
        GoldenEvents.publish("billing.v1", "PaymentReceived", tenant, client,
                Map.of("clientId", client, "amount.amount", "300.00"));
        GoldenEvents.publish("billing.v1", "RefundIssued", tenant, client,
                Map.of("clientId", client, "amount.amount", "100.00"));
        GoldenEvents.publish("billing.v1", "TimeLogged", tenant, client, forClient);
        GoldenEvents.publish("billing.v1", "TimeLogged", tenant, client, forClient);
        GoldenEvents.publish("billing.v1", "InvoiceOverdue", tenant, client, forClient);
        GoldenEvents.publish("followups.v1", "NoReplyForSevenDays", tenant, client, forClient);
        GoldenEvents.publish("followups.v1", "ClientWentSilent", tenant, client, forClient);
        int seeded = 9;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/clients/" + client + "/health")
                .then().statusCode(200)
                .body("paid.amount", equalTo("600.00"))
                .body("hoursLogged", equalTo(3.0f))
                .body("latePayments", equalTo(1))
                .body("silentEpisodes", equalTo(1)));
        as(tenant).get("/v1/clients/" + client).then().body("status", equalTo("ACTIVE"));

        Redelivery.Outcome outcome = Redelivery.replayEverything(GROUP, CONSUMED, dataSource,
                () -> registry.counter("clientdesk.events.handled").count(), Duration.ofSeconds(45));

        outcome.assertChangedNothing("client-service", seeded);
        as(tenant).get("/v1/clients/" + client + "/health").then()
                .body("paid.amount", equalTo("600.00")).body("hoursLogged", equalTo(3.0f));
    }
}
