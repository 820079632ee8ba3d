package dev.clientdesk.followup.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.testing.TopicReader;
import dev.clientdesk.kit.text.LocaleFormat;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** From billing and client events to a drafted, edited and sent follow-up, and back to closed. */
@QuarkusTest
class FollowUpFlowTest {

    private static final Instant SENT = Instant.parse("2026-11-02T09:30:00Z");

    @Inject
    SilenceScanner scanner;

    @Inject
    MockMailbox mailbox;

    @AfterEach
    void backToNow() {
        TestClockProducer.CLOCK.resume();
    }

    static void publish(String sample, String tenant, String clientId, String invoiceId, String type)
            throws Exception {
        ObjectNode event = (ObjectNode) TopicReader.parse(Files.readString(Path.of("../contracts/" + sample + ".json")));
        event.put("id", UUID.randomUUID().toString()).put("tenantid", tenant);
        if (type != null) {
            event.put("type", type);
        }
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("clientId", clientId);
        if (invoiceId != null) {
            data.put("invoiceId", invoiceId);
        }
        TopicReader.send(sample.substring(0, sample.indexOf('/')), clientId, event.toString());
    }

    private String conversationOf(String tenant, String clientId) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/conversations?clientId=" + clientId)
                .then().body("items.size()", equalTo(1)));
        return as(tenant).get("/v1/conversations?clientId=" + clientId).then().extract().path("items[0].id");
    }

    @Test
    void a_silent_invoice_gets_a_draft_in_the_clients_language_that_can_be_edited_and_sent() throws Exception {
        String tenant = "ws-flow-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, clientId, java.util.Map.of("locale", "kk"));
        publish("billing.v1/InvoiceSent", tenant, clientId, UUID.randomUUID().toString(), null);
        String conversation = conversationOf(tenant, clientId);

        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(7)));
        scanner.scan();
        String followUp = as(tenant).get("/v1/followups?clientId=" + clientId).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].language", equalTo("kk"))
                .body("items[0].recipient", equalTo("aigerim@example.kz"))
                .body("items[0].subject", containsString("2026-0001"))
                .body("items[0].body", containsString("Aigerim"))
                .body("items[0].body", containsString(LocaleFormat.of("kk").money(Money.of("1000.00", "EUR"))))
                .body("items[0].body", containsString(LocaleFormat.of("kk").date(LocalDate.parse("2026-11-16"))))
                .extract().path("items[0].id");

        as(tenant).body("{\"body\":\"Edited text\"}").patch("/v1/followups/" + followUp).then().statusCode(428);
        String etag = as(tenant).get("/v1/followups/" + followUp).then().extract().header("ETag");
        as(tenant).header("If-Match", etag).body("{\"body\":\"Edited text\"}").patch("/v1/followups/" + followUp)
                .then().statusCode(200).body("body", equalTo("Edited text"));
        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(8)));
        mailbox.clear();
        as(tenant).post("/v1/followups/" + followUp + "/send").then().statusCode(200).body("status", equalTo("SENT"));
        var mails = mailbox.getMailsSentTo("aigerim@example.kz");
        org.assertj.core.api.Assertions.assertThat(mails).hasSize(1);
        org.assertj.core.api.Assertions.assertThat(mails.get(0).getText()).isEqualTo("Edited text");
        as(tenant).post("/v1/followups/" + followUp + "/send").then().statusCode(409);
        as(tenant).get("/v1/conversations/" + conversation).then()
                .body("nextCheckAt", equalTo(SENT.plus(Duration.ofDays(15)).toString()))
                .body("history.kind", hasItem("FOLLOW_UP_SENT"));
        as("ws-someone-else").get("/v1/followups/" + followUp).then().statusCode(404);
    }

    @Test
    void a_line_break_never_reaches_a_mail_header() throws Exception {
        String tenant = "ws-headers-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Proposal\\nBcc: evil@example.com\"}")
                .post("/v1/conversations").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("subject"));
        // an address with a header after it, as a forged or older event could carry it
        ClientsHeardOf.register(tenant, clientId,
                java.util.Map.of("locale", "en", "email", "aigerim@example.kz\r\nBcc: evil@example.com"));
        publish("billing.v1/InvoiceSent", tenant, clientId, UUID.randomUUID().toString(), null);
        conversationOf(tenant, clientId);
        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(7)));
        scanner.scan();
        String followUp = as(tenant).get("/v1/followups?clientId=" + clientId).then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("items[0].id");
        String etag = as(tenant).get("/v1/followups/" + followUp).then().extract().header("ETag");

        as(tenant).header("If-Match", etag).body("{\"subject\":\"Invoice\\r\\nBcc: evil@example.com\"}")
                .patch("/v1/followups/" + followUp).then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("subject"));
        mailbox.clear();
        as(tenant).post("/v1/followups/" + followUp + "/send").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("recipient"));
        org.assertj.core.api.Assertions.assertThat(mailbox.getTotalMessagesSent()).isZero();
        as(tenant).get("/v1/followups/" + followUp).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void a_payment_is_a_sign_of_life_and_invoice_paid_closes_the_conversation() throws Exception {
        String tenant = "ws-paid-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        String invoiceId = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, clientId);
        publish("billing.v1/InvoiceSent", tenant, clientId, invoiceId, null);
        String conversation = conversationOf(tenant, clientId);
        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(7)));
        scanner.scan();

        publish("billing.v1/PaymentReceived", tenant, clientId, invoiceId, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/conversations/" + conversation)
                .then().body("attempts", equalTo(0)).body("silentSince", equalTo("2026-11-10T14:00:00Z")));
        as(tenant).get("/v1/followups?clientId=" + clientId + "&status=DISCARDED").then().body("items.size()", equalTo(1));

        publish("billing.v1/PaymentReceived", tenant, clientId, invoiceId, "InvoicePaid");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/conversations/" + conversation)
                .then().body("status", equalTo("CLOSED")).body("closeReason", equalTo("PAID")));
    }

    @Test
    void offboarding_stops_every_follow_up_for_the_client() throws Exception {
        String tenant = "ws-gone-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, clientId);
        publish("billing.v1/InvoiceSent", tenant, clientId, UUID.randomUUID().toString(), null);
        conversationOf(tenant, clientId);
        as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Next phase\"}").post("/v1/conversations")
                .then().statusCode(201);

        publish("clients.v1/ClientOffboarded", tenant, clientId, null, null);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant)
                .get("/v1/conversations?clientId=" + clientId + "&status=CLOSED").then().body("items.size()", equalTo(2)));
        TestClockProducer.CLOCK.set(Instant.now().plus(Duration.ofDays(60)));
        scanner.scan();
        as(tenant).get("/v1/followups?clientId=" + clientId).then().body("items.size()", equalTo(0));
    }
}
