package dev.clientdesk.followup.api;

import dev.clientdesk.followup.messaging.ClientsHeardOf;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ConversationApiTest {

    @Test
    void a_conversation_opened_by_hand_waits_a_week_from_the_last_message() {
        String clientId = UUID.randomUUID().toString();
        ClientsHeardOf.accept("ws-conv", clientId);
        String id = as("ws-conv").body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Proposal\","
                        + "\"lastWrittenAt\":\"2026-01-10T08:00:00Z\"}")
                .post("/v1/conversations").then().statusCode(201)
                .header("Location", containsString("/v1/conversations/"))
                .body("status", equalTo("OPEN"))
                .body("nextCheckAt", equalTo("2026-01-17T08:00:00Z"))
                .extract().path("id");
        as("ws-conv").get("/v1/conversations/" + id).then().statusCode(200).body("subject", equalTo("Proposal"));
        as("ws-other").get("/v1/conversations/" + id).then().statusCode(404);
    }

    @Test
    void bad_input_names_the_field() {
        as("ws-conv").body("{\"subject\":\"x\"}").post("/v1/conversations").then().statusCode(400)
                .body("errors.field", hasItem("clientId"));
        as("ws-conv").body("{\"clientId\":\"nope\",\"subject\":\"x\"}").post("/v1/conversations").then()
                .statusCode(400).body("errors[0].field", equalTo("clientId"));
        as("ws-conv").body("{\"clientId\":\"" + UUID.randomUUID() + "\",\"subject\":\"x\",\"lastWrittenAt\":\"2999-01-01T00:00:00Z\"}")
                .post("/v1/conversations").then().statusCode(400).body("errors[0].field", equalTo("lastWrittenAt"));
        as("ws-conv").get("/v1/conversations?status=SLEEPING").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        as("ws-conv").get("/v1/conversations?clientId=42").then().statusCode(400)
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void a_pause_keeps_its_reason_until_it_ends() {
        String tenant = "ws-pause-reason-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, clientId);
        String id = as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Proposal\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
        String until = Instant.now().plus(5, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();

        as(tenant).body("{\"until\":\"" + until + "\",\"reason\":\"On a payment plan\"}")
                .put("/v1/conversations/" + id + "/pause").then().statusCode(200)
                .body("pausedUntil", equalTo(until)).body("pauseReason", equalTo("On a payment plan"));
        as(tenant).get("/v1/conversations/" + id).then().statusCode(200)
                .body("pauseReason", equalTo("On a payment plan"))
                .body("history.note", hasItem(containsString("On a payment plan")));
        as(tenant).delete("/v1/conversations/" + id + "/pause").then().statusCode(200)
                .body("pausedUntil", nullValue()).body("pauseReason", nullValue());

        as(tenant).body("{\"until\":\"" + until + "\",\"reason\":\"Away until December\"}")
                .put("/v1/clients/" + clientId + "/pause").then().statusCode(200)
                .body("[0].pauseReason", equalTo("Away until December"));
        as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Second proposal\"}")
                .post("/v1/conversations").then().statusCode(201)
                .body("pausedUntil", equalTo(until)).body("pauseReason", equalTo("Away until December"));
    }
}
