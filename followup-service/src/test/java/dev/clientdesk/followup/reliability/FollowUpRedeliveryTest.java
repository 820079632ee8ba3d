package dev.clientdesk.followup.reliability;

import dev.clientdesk.followup.messaging.ClientsHeardOf;
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
import static org.hamcrest.Matchers.hasItem;

/** Every record of billing.v1 and clients.v1 delivered a second time changes nothing in followup-service. */
@QuarkusTest
class FollowUpRedeliveryTest {

    private static final String GROUP = "followup-service";
    private static final List<String> CONSUMED = List.of("billing.v1", "clients.v1");

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void replaying_every_consumed_record_changes_no_state() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-redelivery-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        String paidInvoice = UUID.randomUUID().toString();
        String openInvoice = UUID.randomUUID().toString();
        String gone = UUID.randomUUID().toString();

        // A contact, two conversations, payments that restart the silence (history entries each), one paid off,
        // and a client whose conversations all close.
        ClientsHeardOf.register(tenant, client);
        ClientsHeardOf.register(tenant, gone);
        GoldenEvents.publish("billing.v1", "InvoiceSent", tenant, client,
                Map.of("clientId", client, "invoiceId", paidInvoice));
        GoldenEvents.publish("billing.v1", "InvoiceSent", tenant, client,
                Map.of("clientId", client, "invoiceId", openInvoice));
        GoldenEvents.publish("billing.v1", "PaymentReceived", tenant, client,
                Map.of("clientId", client, "invoiceId", openInvoice));
        GoldenEvents.publish("billing.v1", "InvoicePaid", tenant, client,
                Map.of("clientId", client, "invoiceId", paidInvoice));
        GoldenEvents.publish("billing.v1", "InvoiceSent", tenant, gone,
                Map.of("clientId", gone, "invoiceId", UUID.randomUUID().toString()));
        // clients.v1 and billing.v1 are not ordered with each other: offboard once the conversation is open.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .get("/v1/conversations?clientId=" + gone + "&status=OPEN").then().body("items.size()", equalTo(1)));
        GoldenEvents.publish("clients.v1", "ClientOffboarded", tenant, gone, Map.of("clientId", gone));
        int seeded = 8;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            as(tenant).get("/v1/conversations?clientId=" + client + "&status=CLOSED").then()
                    .body("items.size()", equalTo(1));
            as(tenant).get("/v1/conversations?clientId=" + client + "&status=OPEN").then()
                    .body("items.size()", equalTo(1));
            as(tenant).get("/v1/conversations?clientId=" + gone + "&status=CLOSED").then()
                    .body("items.size()", equalTo(1));
        });
        String open = as(tenant).get("/v1/conversations?clientId=" + client + "&status=OPEN").then()
                .extract().path("items[0].id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/conversations/" + open)
                .then().body("history.kind", hasItem("PAYMENT")));

        Redelivery.Outcome outcome = Redelivery.replayEverything(GROUP, CONSUMED, dataSource,
                () -> registry.counter("clientdesk.events.handled").count(), Duration.ofSeconds(45));

        outcome.assertChangedNothing("followup-service", seeded);
    }
}
