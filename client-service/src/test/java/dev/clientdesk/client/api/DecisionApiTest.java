package dev.clientdesk.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class DecisionApiTest {

    private static String register(String tenant, String body) {
        return as(tenant).body(body).post("/v1/clients").then().statusCode(201).extract().path("id");
    }

    private static String partner(String tenant, String name) {
        return as(tenant).body("{\"name\":\"" + name + "\",\"email\":\"p@example.com\",\"services\":[\"SEO\"]}")
                .post("/v1/partners").then().statusCode(201).extract().path("id");
    }

    @Test
    void declining_writes_a_letter_in_the_clients_language_with_the_referral_and_publishes_the_event() {
        String tenant = "ws-decline-" + UUID.randomUUID();
        String partnerId = partner(tenant, "Giorgi Beridze");
        String id = register(tenant, lead("Aigerim", "aigerim@example.kz", "").replace("\"tr\"", "\"kk\""));

        as(tenant).body("{\"reason\":\"бұл менің қызметтерімнен тыс\",\"includeReason\":true,\"partnerIds\":[\"" + partnerId + "\"]}")
                .post("/v1/clients/" + id + "/decline").then().statusCode(200)
                .body("client.status", equalTo("DECLINED"))
                .body("letter.locale", equalTo("kk"))
                .body("letter.subject", equalTo("Сіздің өтінішіңіз туралы"))
                .body("letter.body", containsString("Aigerim"))
                .body("letter.body", containsString("Giorgi Beridze (p@example.com)"))
                .body("letter.body", containsString("Себебі: бұл менің қызметтерімнен тыс"))
                .body("letter.body", not(containsString("{")));
        as(tenant).body("{}").post("/v1/clients/" + id + "/decline").then().statusCode(409);
        as(tenant).post("/v1/clients/" + id + "/accept").then().statusCode(409);
        as(tenant).get("/v1/clients/" + id + "/letters").then().statusCode(200).body("size()", equalTo(1));

        List<JsonNode> events = TopicReader.envelopes("clients.v1",
                e -> id.equals(e.path("subject").asText()) && "ClientDeclined".equals(e.path("type").asText()), 1,
                Duration.ofSeconds(30));
        assertThat(events.get(0).path("data").path("reason").asText()).isEqualTo("бұл менің қызметтерімнен тыс");
    }

    @Test
    void a_reason_kept_private_stays_out_of_the_letter_and_unknown_partners_are_a_400() {
        String tenant = "ws-private-" + UUID.randomUUID();
        String id = register(tenant, lead("Ivan", "ivan@example.bg", "").replace("\"tr\"", "\"bg\""));
        as(tenant).body("{\"partnerIds\":[\"" + UUID.randomUUID() + "\"]}").post("/v1/clients/" + id + "/decline")
                .then().statusCode(400).body("errors[0].field", equalTo("partnerIds"));
        as(tenant).body("{\"reason\":\"too rude\",\"includeReason\":false}").post("/v1/clients/" + id + "/decline")
                .then().statusCode(200)
                .body("letter.locale", equalTo("bg"))
                .body("letter.body", not(containsString("too rude")));
    }

    @Test
    void offboarding_ends_the_client_with_a_termination_letter_and_a_returning_email_is_flagged() {
        String tenant = "ws-offboard-" + UUID.randomUUID();
        String partnerId = partner(tenant, "Ana Petrova");
        String id = register(tenant, lead("Mehmet", "mehmet@example.com", ""));
        as(tenant).body("{\"reason\":\"x\"}").post("/v1/clients/" + id + "/offboarding").then().statusCode(409);
        as(tenant).post("/v1/clients/" + id + "/accept").then().statusCode(200);

        as(tenant).body("{\"reason\":\"Calls at midnight\",\"includeReason\":true,\"partnerId\":\"" + partnerId + "\"}")
                .post("/v1/clients/" + id + "/offboarding").then().statusCode(200)
                .body("client.status", equalTo("ENDED"))
                .body("letter.kind", equalTo("TERMINATION"))
                .body("letter.locale", equalTo("tr"))
                .body("letter.body", containsString("Ana Petrova"))
                .body("letter.body", containsString("Calls at midnight"));
        as(tenant).body("{\"reason\":\"again\"}").post("/v1/clients/" + id + "/offboarding").then().statusCode(409);

        TopicReader.envelopes("clients.v1", e -> id.equals(e.path("subject").asText())
                && "ClientOffboarded".equals(e.path("type").asText()), 1, Duration.ofSeconds(30));
        as(tenant).body(lead("Mehmet again", "MEHMET@example.com", "")).post("/v1/clients").then().statusCode(201)
                .body("screening.flags.code", hasItem("PREVIOUSLY_ENDED"))
                .body("screening.recommendation", equalTo("DECLINE"));
    }

    @Test
    void a_workspace_letter_template_wins_over_the_built_in_one() {
        String tenant = "ws-template-" + UUID.randomUUID();
        as(tenant).get("/v1/letter-templates/DECLINE/en").then().statusCode(200).body("overridden", equalTo(false));
        as(tenant).body("{\"subject\":\"Your {service} request\",\"body\":\"Hello {clientName}. {nonsense}\"}")
                .put("/v1/letter-templates/DECLINE/en").then().statusCode(400).body("errors[0].field", equalTo("body"));
        as(tenant).body("{\"subject\":\"s\",\"body\":\"b\"}").put("/v1/letter-templates/DECLINE/xx")
                .then().statusCode(400).body("errors[0].field", equalTo("language"));
        as(tenant).body("{\"subject\":\"Your {service} request\",\"body\":\"Hello {clientName}, it is a no.\\n{referralParagraph}\\n{signature}\"}")
                .put("/v1/letter-templates/DECLINE/en").then().statusCode(200).body("overridden", equalTo(true));

        String id = register(tenant, lead("Kim", "kim@example.com", "").replace("\"tr\"", "\"en\""));
        as(tenant).body("{}").post("/v1/clients/" + id + "/decline").then().statusCode(200)
                .body("letter.subject", equalTo("Your web design request"))
                .body("letter.body", containsString("Hello Kim, it is a no."));
        as(tenant).delete("/v1/letter-templates/DECLINE/en").then().statusCode(204);
        as(tenant).get("/v1/letter-templates/DECLINE/en").then().body("overridden", equalTo(false));
    }

    @Test
    void partners_can_be_listed_replaced_and_removed() {
        String tenant = "ws-partners-" + UUID.randomUUID();
        String id = partner(tenant, "Zed");
        partner(tenant, "Amy");
        as(tenant).get("/v1/partners").then().statusCode(200).body("items.name", equalTo(List.of("Amy", "Zed")));
        String etag = as(tenant).get("/v1/partners/" + id).then().extract().header("ETag");
        as(tenant).header("If-Match", etag).body("{\"name\":\"Zed Z\",\"services\":[\"copywriting\"]}")
                .put("/v1/partners/" + id).then().statusCode(200).body("name", equalTo("Zed Z"));
        as(tenant).body("{\"name\":\"x\",\"email\":\"not mail\"}").post("/v1/partners").then().statusCode(400)
                .body("errors[0].field", equalTo("email"));
        as("ws-someone-else").delete("/v1/partners/" + id).then().statusCode(404);
        as(tenant).delete("/v1/partners/" + id).then().statusCode(204);
        as(tenant).get("/v1/partners/" + id).then().statusCode(404);
    }
}
