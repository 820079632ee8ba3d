package dev.clientdesk.followup.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.testing.TestTokens;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Billing's InvoiceSent, in the shape of the golden contract sample, opens one conversation however often it arrives. */
@QuarkusTest
class InvoiceSentConsumerTest {

    @Test
    void invoice_sent_opens_one_conversation_even_when_delivered_twice() throws Exception {
        String tenant = "ws-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, clientId);
        ObjectNode event = (ObjectNode) TopicReader.parse(
                Files.readString(Path.of("../contracts/billing.v1/InvoiceSent.json")));
        event.put("id", UUID.randomUUID().toString()).put("tenantid", tenant);
        ((ObjectNode) event.get("data")).put("clientId", clientId).put("invoiceId", UUID.randomUUID().toString());

        TopicReader.send("billing.v1", clientId, event.toString());
        TopicReader.send("billing.v1", clientId, event.toString());
        // The same invoice sent again under a new event id still has one conversation.
        event.put("id", UUID.randomUUID().toString());
        TopicReader.send("billing.v1", clientId, event.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> conversationsOf(tenant, clientId)
                .body("items.size()", equalTo(1)));
        Thread.sleep(1500);
        conversationsOf(tenant, clientId)
                .body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("INVOICE_PAYMENT"))
                .body("items[0].status", equalTo("OPEN"))
                .body("items[0].details.invoiceNumber", equalTo("2026-0001"))
                .body("items[0].details.amount", equalTo("1000.00 EUR"))
                .body("items[0].silentSince", equalTo("2026-11-02T09:30:00Z"))
                .body("items[0].nextCheckAt", equalTo("2026-11-09T09:30:00Z"));
    }

    private static io.restassured.response.ValidatableResponse conversationsOf(String tenant, String clientId) {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON)
                .get("/v1/conversations?clientId=" + clientId).then().statusCode(200);
    }
}
