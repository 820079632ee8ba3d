package dev.clientdesk.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.testing.TopicReader;
import dev.clientdesk.kit.web.SingleLine;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ClientApiTest {

    static String lead(String name, String email, String extra) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"locale\":\"tr\","
                + "\"requestedService\":\"web design\",\"budget\":{\"amount\":\"4000.00\",\"currency\":\"EUR\"}"
                + extra + "}";
    }

    @Test
    void registering_a_lead_screens_it_and_publishes_the_events() {
        String id = as("ws-intake").body(lead("Ayşe Yılmaz", "ayse@example.com",
                        ",\"signals\":{\"guaranteeDemanded\":true,\"haggles\":true}"))
                .post("/v1/clients")
                .then().statusCode(201)
                .header("Location", containsString("/v1/clients/"))
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("LEAD"))
                .body("screening.recommendation", equalTo("DECLINE"))
                .body("screening.flags.code", hasItems("GUARANTEE_DEMANDED", "WILL_NOT_PAY"))
                .body("screening.riskScore", equalTo(80))
                .extract().path("id");

        as("ws-intake").get("/v1/clients/" + id).then().statusCode(200).body("name", equalTo("Ayşe Yılmaz"));

        List<JsonNode> events = TopicReader.envelopes("clients.v1", e -> id.equals(e.path("subject").asText()), 2,
                Duration.ofSeconds(30));
        assertThat(events).extracting(e -> e.path("type").asText())
                .containsExactly("ClientRegistered", "ClientScreened");
        assertThat(events.get(1).path("data").path("recommendation").asText()).isEqualTo("DECLINE");
        assertThat(events.get(0).path("tenantid").asText()).isEqualTo("ws-intake");
    }

    @Test
    void the_workspace_policy_drives_screening() {
        as("ws-policy").get("/v1/policy").then().statusCode(200)
                .body("friendsAndFamily", equalTo("REVIEW")).body("defaultLocale", equalTo("en"));
        String policy = "{\"servicesOffered\":[\"logo design\"],\"minimumBudget\":{\"amount\":\"5000\",\"currency\":\"EUR\"},"
                + "\"idealClientTraits\":[\"decides quickly\"],\"unwantedTraits\":[],\"friendsAndFamily\":\"DECLINE_AND_REFER\","
                + "\"targetHourlyRate\":{\"amount\":\"60\",\"currency\":\"EUR\"},\"maxBelowTargetShare\":25,"
                + "\"letterSignature\":\"Elif\",\"defaultLocale\":\"bg\"}";
        String etag = as("ws-policy").body(policy).put("/v1/policy").then().statusCode(200)
                .body("minimumBudget.amount", equalTo("5000.00")).extract().header("ETag");
        as("ws-policy").body(policy).put("/v1/policy").then().statusCode(428);
        as("ws-policy").header("If-Match", etag).body(policy).put("/v1/policy").then().statusCode(200);

        as("ws-policy").body("{\"name\":\"N\",\"email\":\"n@example.com\",\"requestedService\":\"web design\","
                        + "\"budget\":{\"amount\":\"100\",\"currency\":\"EUR\"}}")
                .post("/v1/clients").then().statusCode(201)
                .body("locale", equalTo("bg"))
                .body("screening.flags.code", hasItems("OUTSIDE_SERVICES", "BUDGET_BELOW_MINIMUM"));
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        as("ws-bad").body("{\"email\":\"x@example.com\"}").post("/v1/clients")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("name"));
        as("ws-bad").body("{\"name\":\"x\",\"email\":\"not-an-email\"}").post("/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("email"));
        as("ws-bad").body("{\"name\":\"x\",\"email\":\"x@example.com\",\"relationship\":\"COUSIN\"}")
                .post("/v1/clients").then().statusCode(400).body("errors[0].field", equalTo("relationship"));
        as("ws-bad").body(lead("x", "x@example.com", "").replace("4000.00", "-5"))
                .post("/v1/clients").then().statusCode(400).body("errors[0].field", equalTo("budget.amount"));
        as("ws-bad").body(lead("x", "x@example.com", "").replace("EUR", "EURO"))
                .post("/v1/clients").then().log().ifValidationFails().statusCode(400).body("errors[0].field", equalTo("budget"));
        as("ws-bad").body(lead("x".repeat(5000), "x@example.com", "")).post("/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("name"));
        as("ws-bad").body(lead("x", "x@example.com", ",\"timezone\":\"Mars/Olympus\"")).post("/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("timezone"));
        as("ws-bad").get("/v1/clients?size=1000").then().statusCode(400).body("errors.field", hasItem("size"));
    }

    @Test
    void a_line_break_in_a_name_or_email_is_a_400_naming_the_field() {
        String header = "\\r\\nBcc: evil@example.com";
        as("ws-bad").body(lead("Aigerim" + header, "aigerim@example.kz", "")).post("/v1/clients")
                .then().statusCode(400).body("errors.field", hasItem("name"))
                .body("errors.message", hasItem(SingleLine.MESSAGE));
        as("ws-bad").body(lead("Aigerim", "aigerim@example.kz" + header, "")).post("/v1/clients")
                .then().statusCode(400).body("errors.findAll { it.field == 'email' }.message", hasItem(SingleLine.MESSAGE));
        String id = as("ws-bad").body(lead("Nino", "nino-lines@example.ge", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as("ws-bad").header("If-Match", "\"0\"").body("{\"name\":\"Nino\\nBcc: evil@example.com\"}")
                .patch("/v1/clients/" + id).then().statusCode(400).body("errors[0].field", equalTo("name"));
        as("ws-bad").body("{\"name\":\"Giorgi\\r\",\"email\":\"g@example.ge\"}").post("/v1/partners")
                .then().statusCode(400).body("errors[0].field", equalTo("name"));
    }

    @Test
    void accepting_moves_a_lead_once_and_illegal_moves_are_409() {
        String id = as("ws-accept").body(lead("Nino", "nino@example.ge", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as("ws-accept").post("/v1/clients/" + id + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        as("ws-accept").post("/v1/clients/" + id + "/accept").then().statusCode(409)
                .body("type", equalTo("https://clientdesk.dev/problems/illegal-status-transition"));
        as("ws-accept").body("{\"signals\":{\"haggles\":true}}").post("/v1/clients/" + id + "/screenings")
                .then().statusCode(409);
    }

    @Test
    void rescreening_adds_new_signals_to_the_old_ones() {
        String id = as("ws-rescreen").body(lead("Ivan", "ivan@example.bg", ",\"signals\":{\"depositHesitation\":true}"))
                .post("/v1/clients").then().statusCode(201).body("screening.recommendation", equalTo("REVIEW"))
                .extract().path("id");
        as("ws-rescreen").body("{\"signals\":{\"rudeWhileScheduling\":true}}").post("/v1/clients/" + id + "/screenings")
                .then().statusCode(200)
                .body("screening.flags.code", hasItems("DEPOSIT_HESITATION", "DISRESPECTFUL"))
                .body("screening.recommendation", equalTo("DECLINE"));
    }

    @Test
    void lists_filter_by_status_flag_and_text_within_the_workspace() {
        String tenant = "ws-list-" + UUID.randomUUID();
        as(tenant).body(lead("Alpha Kaya", "alpha@example.com", "")).post("/v1/clients").then().statusCode(201);
        as(tenant).body(lead("Beta Demir", "beta@example.com", ",\"signals\":{\"offersBarter\":true}"))
                .post("/v1/clients").then().statusCode(201);
        as("ws-other").body(lead("Alpha Other", "alpha@other.com", "")).post("/v1/clients").then().statusCode(201);

        as(tenant).get("/v1/clients").then().statusCode(200).body("$", not(hasKey("total"))).body("items.size()", equalTo(2));
        as(tenant).get("/v1/clients?flag=WILL_NOT_PAY").then().body("items.size()", equalTo(1))
                .body("items[0].name", equalTo("Beta Demir"));
        as(tenant).get("/v1/clients?flag=WILL_NOT_PAY&includeTotal=true").then().body("total", equalTo(1));
        as(tenant).get("/v1/clients?q=ALPHA").then().body("items.size()", equalTo(1));
        as(tenant).get("/v1/clients?status=ACCEPTED").then().body("items.size()", equalTo(0));
        as(tenant).get("/v1/clients?size=1&page=0").then().body("items.size()", equalTo(1)).body("hasMore", equalTo(true));
        as(tenant).get("/v1/clients?size=1&page=1&includeTotal=true").then().body("items.size()", equalTo(1))
                .body("total", equalTo(2)).body("hasMore", equalTo(false));
    }

    @Test
    void another_workspace_cannot_see_or_change_a_client() {
        String id = as("ws-owner").body(lead("Private", "private@example.com", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        as("ws-intruder").get("/v1/clients/" + id).then().statusCode(404);
        as("ws-intruder").post("/v1/clients/" + id + "/accept").then().statusCode(404);
        as("ws-intruder").header("If-Match", "\"0\"").body("{\"name\":\"pwned\"}").patch("/v1/clients/" + id)
                .then().statusCode(404);
        as("ws-owner").get("/v1/clients/" + id).then().body("status", equalTo("LEAD")).body("name", equalTo("Private"));
    }
}
