package dev.clientdesk.client.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.containsString;

/** Health is built from billing and follow-up events shaped like the golden samples, redeliveries included. */
@QuarkusTest
class HealthApiTest {

    @Test
    void health_numbers_follow_the_consumed_events_and_ignore_redeliveries() throws Exception {
        String tenant = "ws-health-" + UUID.randomUUID();
        as(tenant).body("{\"servicesOffered\":[],\"idealClientTraits\":[],\"unwantedTraits\":[],"
                        + "\"friendsAndFamily\":\"REVIEW\",\"targetHourlyRate\":{\"amount\":\"60\",\"currency\":\"EUR\"},"
                        + "\"maxBelowTargetShare\":20,\"letterSignature\":\"\",\"defaultLocale\":\"en\"}")
                .put("/v1/policy").then().statusCode(200);
        String greedy = as(tenant).body(lead("Greedy", "greedy@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        String good = as(tenant).body(lead("Good", "good@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/clients/" + greedy + "/accept").then().statusCode(200);

        send("billing.v1/ProjectContracted", tenant, greedy, null);
        String payment = send("billing.v1/PaymentReceived", tenant, greedy, "400.00");
        resend("billing.v1/PaymentReceived", tenant, greedy, "400.00", payment);
        send("billing.v1/PaymentReceived", tenant, greedy, "300.00");
        String refund = send("billing.v1/RefundIssued", tenant, greedy, "100.00");
        resend("billing.v1/RefundIssued", tenant, greedy, "100.00", refund);
        for (int i = 0; i < 4; i++) {
            send("billing.v1/TimeLogged", tenant, greedy, null);
        }
        String time = send("billing.v1/TimeLogged", tenant, good, null);
        resend("billing.v1/TimeLogged", tenant, good, null, time);
        send("billing.v1/InvoiceOverdue", tenant, greedy, null);
        String silent = send("followups.v1/ClientWentSilent", tenant, greedy, null);
        resend("followups.v1/ClientWentSilent", tenant, greedy, null, silent);
        send("followups.v1/NoReplyForSevenDays", tenant, greedy, null);
        as(tenant).body("{\"kind\":\"INCIDENT\",\"text\":\"Shouted at me on a call\"}")
                .post("/v1/clients/" + greedy + "/notes").then().statusCode(201);

        // 400 + 300 - 100 refunded = 600 EUR for 4 x 90 minutes = 100 EUR/h; 360 of 450 minutes = 80% of the time.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/clients/" + greedy + "/health")
                .then().statusCode(200)
                .body("paid.amount", equalTo("600.00"))
                .body("hoursLogged", equalTo(6.0f))
                .body("latePayments", equalTo(1))
                .body("silentEpisodes", equalTo(1)));
        as(tenant).get("/v1/clients/" + greedy + "/health").then()
                .body("effectiveHourlyRate.amount", equalTo("100.00"))
                .body("shareOfLoggedTimePercent", equalTo(80.0f))
                .body("incidents", equalTo(1))
                .body("nudges", equalTo(1))
                .body("score", equalTo(100 - 10 - 5 - 5 - 25))
                .body("recommendation", equalTo("SET_BOUNDARIES"))
                .body("reasons", hasItem(containsString("incident")));
        as(tenant).get("/v1/clients/" + good + "/health").then()
                .body("hoursLogged", equalTo(1.5f))
                .body("shareOfLoggedTimePercent", equalTo(20.0f))
                .body("recommendation", equalTo("KEEP"));
        as(tenant).get("/v1/clients/" + greedy).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void each_follow_up_a_client_needed_counts_once_whether_reported_as_silence_or_as_sent() throws Exception {
        String tenant = "ws-nudges-" + UUID.randomUUID();
        String client = as(tenant).body(lead("Chased", "chased@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        String invoiceChat = UUID.randomUUID().toString();
        String otherChat = UUID.randomUUID().toString();

        nudge("NoReplyForSevenDays", tenant, client, invoiceChat, 1, UUID.randomUUID().toString());
        String sent = UUID.randomUUID().toString();
        nudge("FollowUpSent", tenant, client, invoiceChat, 1, sent);
        nudge("FollowUpSent", tenant, client, invoiceChat, 1, sent);
        nudge("NoReplyForSevenDays", tenant, client, invoiceChat, 2, UUID.randomUUID().toString());
        nudge("FollowUpSent", tenant, client, otherChat, 1, UUID.randomUUID().toString());

        // three nudges (invoice chat attempts 1 and 2, the other chat's first): 3 x 5 points and boundaries
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/clients/" + client + "/health")
                .then().statusCode(200).body("nudges", equalTo(3)));
        as(tenant).get("/v1/clients/" + client + "/health").then()
                .body("score", equalTo(100 - 3 * 5))
                .body("recommendation", equalTo("SET_BOUNDARIES"))
                .body("reasons", hasItem("3 follow-up(s) needed after a week of silence before answering."));
    }

    @Test
    void a_fresh_workspace_says_it_has_no_target_rate_until_it_sets_one() {
        String tenant = "ws-health-fresh-" + UUID.randomUUID();
        String client = as(tenant).body(lead("Fresh", "fresh@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as(tenant).get("/v1/clients/" + client + "/health").then().statusCode(200)
                .body("missingSettings", equalTo(List.of("targetHourlyRate")))
                .body("reasons", hasItem(containsString("No target hourly rate set")));
        as(tenant).body("{\"servicesOffered\":[],\"idealClientTraits\":[],\"unwantedTraits\":[],"
                        + "\"friendsAndFamily\":\"REVIEW\",\"targetHourlyRate\":{\"amount\":\"60\",\"currency\":\"EUR\"},"
                        + "\"maxBelowTargetShare\":20,\"letterSignature\":\"\",\"defaultLocale\":\"en\"}")
                .put("/v1/policy").then().statusCode(200);
        as(tenant).get("/v1/clients/" + client + "/health").then().statusCode(200)
                .body("missingSettings", equalTo(List.of()));
    }

    private static void nudge(String type, String tenant, String clientId, String conversationId, int attempt,
            String eventId) throws Exception {
        ObjectNode event = (ObjectNode) TopicReader.parse(Files.readString(Path.of("../contracts/followups.v1/" + type
                + ".json")));
        event.put("id", eventId).put("tenantid", tenant);
        ((ObjectNode) event.get("data")).put("clientId", clientId).put("conversationId", conversationId)
                .put("attempt", attempt);
        TopicReader.send("followups.v1", clientId, event.toString());
    }

    @Test
    void payments_adding_up_past_the_bound_of_a_single_amount_still_give_a_health() throws Exception {
        String tenant = "ws-health-big-" + UUID.randomUUID();
        String client = as(tenant).body(lead("Big", "big@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        send("billing.v1/PaymentReceived", tenant, client, "900000000000.00");
        send("billing.v1/PaymentReceived", tenant, client, "900000000000.00");
        send("billing.v1/TimeLogged", tenant, client, null);

        // 1.8e12 EUR for 90 minutes: 1.2e12 EUR an hour, both beyond what one Money may hold.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/clients/" + client + "/health")
                .then().statusCode(200)
                .body("paid.amount", equalTo("1800000000000.00"))
                .body("effectiveHourlyRate.amount", equalTo("1200000000000.00")));
    }

    @Test
    void notes_are_listed_newest_first_and_filtered_by_kind() {
        String tenant = "ws-notes-" + UUID.randomUUID();
        String id = as(tenant).body(lead("Noted", "noted@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as(tenant).body("{\"kind\":\"PREFERENCE\",\"text\":\"Prefers calls on Tuesdays\"}")
                .post("/v1/clients/" + id + "/notes").then().statusCode(201);
        as(tenant).body("{\"kind\":\"SPECIAL_REQUEST\",\"text\":\"Wants weekend delivery\"}")
                .post("/v1/clients/" + id + "/notes").then().statusCode(201);
        as(tenant).body("{\"kind\":\"GOSSIP\",\"text\":\"x\"}").post("/v1/clients/" + id + "/notes")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(tenant).get("/v1/clients/" + id + "/notes").then().body("items.size()", equalTo(2))
                .body("items[0].kind", equalTo("SPECIAL_REQUEST"));
        as(tenant).get("/v1/clients/" + id + "/notes?kind=PREFERENCE").then().body("items.size()", equalTo(1));
        as(tenant).get("/v1/clients/" + id + "/notes?size=1&includeTotal=true").then().body("items.size()", equalTo(1))
                .body("hasMore", equalTo(true)).body("total", equalTo(2));
        as("ws-stranger").get("/v1/clients/" + id + "/notes").then().statusCode(404);
        as("ws-stranger").get("/v1/clients/" + id + "/health").then().statusCode(404);
    }

    private static String send(String sample, String tenant, String clientId, String amount) throws Exception {
        String eventId = UUID.randomUUID().toString();
        resend(sample, tenant, clientId, amount, eventId);
        return eventId;
    }

    private static void resend(String sample, String tenant, String clientId, String amount, String eventId)
            throws Exception {
        ObjectNode event = (ObjectNode) TopicReader.parse(Files.readString(Path.of("../contracts/" + sample + ".json")));
        event.put("id", eventId).put("tenantid", tenant);
        ObjectNode data = (ObjectNode) event.get("data");
        data.put("clientId", clientId);
        if (amount != null) {
            ((ObjectNode) data.get("amount")).put("amount", amount);
        }
        TopicReader.send(sample.substring(0, sample.indexOf('/')), clientId, event.toString());
    }
}
