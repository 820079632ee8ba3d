package dev.clientdesk.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.testing.TopicReader;
import dev.clientdesk.kit.text.LocaleFormat;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.kit.testing.TestTokens.bearer;
import static dev.clientdesk.client.api.ClientApiTest.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

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
    void accepting_writes_a_welcome_letter_listed_beside_the_termination_letter() {
        String tenant = "ws-welcome-" + UUID.randomUUID();
        String id = register(tenant, lead("Nino", "nino@example.ge", "").replace("\"tr\"", "\"ka\""));

        // as a plain curl would: no body, no Content-Type
        io.restassured.RestAssured.given().header("Authorization", bearer(tenant))
                .post("/v1/clients/" + id + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("acceptanceException", nullValue());
        as(tenant).get("/v1/clients/" + id + "/letters").then().statusCode(200)
                .body("kind", equalTo(List.of("ACCEPTANCE")))
                .body("[0].locale", equalTo("ka"))
                .body("[0].body", org.hamcrest.Matchers.startsWith("პატივცემულო Nino,"))
                .body("[0].body", containsString(LocaleFormat.of("ka").money(Money.of("4000.00", "EUR"))))
                .body("[0].body", containsString("ავანს"))
                .body("[0].body", endsWith("პატივისცემით,\n"));

        as(tenant).body("{\"reason\":\"Scope keeps growing\"}").post("/v1/clients/" + id + "/offboarding")
                .then().statusCode(200);
        as(tenant).get("/v1/clients/" + id + "/letters").then().statusCode(200)
                .body("kind", equalTo(List.of("ACCEPTANCE", "TERMINATION")));
    }

    @Test
    void a_workspace_can_word_its_acceptance_letter_and_point_declines_to_its_free_resources() {
        String tenant = "ws-own-welcome-" + UUID.randomUUID();
        as(tenant).get("/v1/letter-templates/ACCEPTANCE/en").then().statusCode(200)
                .body("overridden", equalTo(false)).body("body", containsString("deposit"));
        as(tenant).body("{\"subject\":\"Welcome\",\"body\":\"Hi {clientName}. {reasonParagraph}\"}")
                .put("/v1/letter-templates/ACCEPTANCE/en").then().statusCode(400)
                .body("errors[0].field", equalTo("body")).body("detail", containsString("{reasonParagraph}"));
        as(tenant).body("{\"subject\":\"Welcome aboard\",\"body\":\"Hi {clientName}, glad to start {service}.\\n{budgetParagraph}\\n{signature}\"}")
                .put("/v1/letter-templates/ACCEPTANCE/en").then().statusCode(200).body("overridden", equalTo(true));

        String policy = "{\"servicesOffered\":[],\"idealClientTraits\":[],\"unwantedTraits\":[],"
                + "\"friendsAndFamily\":\"REVIEW\",\"maxBelowTargetShare\":20,\"letterSignature\":\"Elif\","
                + "\"defaultLocale\":\"en\",\"freeResourcesUrl\":\"%s\"}";
        for (String bad : List.of("ftp://studio.example/guides", "/guides", "studio.example/guides", "https://")) {
            as(tenant).body(policy.formatted(bad)).put("/v1/policy").then().statusCode(400)
                    .body("errors[0].field", equalTo("freeResourcesUrl"));
        }
        as(tenant).body(policy.formatted("https://studio.example/guides")).put("/v1/policy").then().statusCode(200)
                .body("freeResourcesUrl", equalTo("https://studio.example/guides"));

        String accepted = register(tenant, lead("Kim", "kim@example.com", "").replace("\"tr\"", "\"en\""));
        as(tenant).post("/v1/clients/" + accepted + "/accept").then().statusCode(200);
        as(tenant).get("/v1/clients/" + accepted + "/letters").then()
                .body("[0].subject", equalTo("Welcome aboard"))
                .body("[0].body", containsString("Hi Kim, glad to start web design."))
                .body("[0].body", containsString("EUR\u00a04,000.00"));

        String declined = register(tenant, lead("Lee", "lee@example.com", "").replace("\"tr\"", "\"en\""));
        String ana = partner(tenant, "Ana Petrova");
        String giorgi = partner(tenant, "Giorgi Beridze");
        as(tenant).body("{\"partnerIds\":[\"" + ana + "\",\"" + giorgi + "\"]}").post("/v1/clients/" + declined + "/decline")
                .then().statusCode(200)
                .body("letter.body", containsString("Colleagues who can help you with this: "))
                .body("letter.body", containsString("https://studio.example/guides"))
                .body("letter.body", containsString("Kind regards,\nElif"));
    }

    @Test
    void accepting_a_client_you_ended_needs_a_stated_reason_and_is_recorded_as_an_exception() {
        String tenant = "ws-reintake-" + UUID.randomUUID();
        String first = register(tenant, lead("Mehmet Demir", "mehmet@example.com", ""));
        as(tenant).post("/v1/clients/" + first + "/accept").then().statusCode(200);
        as(tenant).body("{\"reason\":\"Calls at midnight\"}").post("/v1/clients/" + first + "/offboarding")
                .then().statusCode(200);
        String again = register(tenant, lead("Mehmet D.", "Mehmet@Example.com", ""));

        as(tenant).post("/v1/clients/" + again + "/accept").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", endsWith("/ended-client-reintake"))
                .body("detail", containsString("Mehmet Demir"))
                .body("detail", containsString(first))
                .body("detail", containsString("override.reason"));
        as(tenant).body("{\"override\":{\"reason\":\" \"}}").post("/v1/clients/" + again + "/accept")
                .then().statusCode(400).body("errors[0].field", containsString("override.reason"));
        as(tenant).get("/v1/clients/" + again).then().body("status", equalTo("LEAD"));

        as(tenant).body("{\"override\":{\"reason\":\"Fixed scope, paid up front this time\"}}")
                .post("/v1/clients/" + again + "/accept").then().statusCode(200)
                .body("status", equalTo("ACCEPTED"))
                .body("acceptanceException", equalTo("Fixed scope, paid up front this time"));
        as(tenant).get("/v1/clients/" + again).then()
                .body("acceptanceException", equalTo("Fixed scope, paid up front this time"));
        as(tenant).get("/v1/clients/" + again + "/notes?kind=REINTAKE_EXCEPTION").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].text", containsString(first))
                .body("items[0].text", containsString("Fixed scope, paid up front this time"));
        as(tenant).body("{\"kind\":\"REINTAKE_EXCEPTION\",\"text\":\"made up\"}").post("/v1/clients/" + again + "/notes")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));

        JsonNode accepted = TopicReader.envelopes("clients.v1", e -> again.equals(e.path("subject").asText())
                && "ClientAccepted".equals(e.path("type").asText()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(accepted.path("data").path("exception").asText()).isEqualTo("Fixed scope, paid up front this time");
        JsonNode ordinary = TopicReader.envelopes("clients.v1", e -> first.equals(e.path("subject").asText())
                && "ClientAccepted".equals(e.path("type").asText()), 1, Duration.ofSeconds(30)).get(0);
        assertThat(ordinary.path("data").path("exception").isNull()).isTrue();
    }

    @Test
    void the_offboarding_event_and_letter_carry_who_ends_it_and_whether_started_work_is_finished() {
        String tenant = "ws-ending-" + UUID.randomUUID();
        String byClient = register(tenant, lead("Ayla", "ayla@example.com", "").replace("\"tr\"", "\"en\""));
        String byMe = register(tenant, lead("Burak", "burak@example.com", "").replace("\"tr\"", "\"en\""));
        as(tenant).post("/v1/clients/" + byClient + "/accept").then().statusCode(200);
        as(tenant).post("/v1/clients/" + byMe + "/accept").then().statusCode(200);
        as(tenant).body("{\"reason\":\"x\",\"endedBy\":\"SOMEONE\"}").post("/v1/clients/" + byClient + "/offboarding")
                .then().statusCode(400);

        as(tenant).body("{\"reason\":\"Moving the work in-house\",\"endedBy\":\"CLIENT\",\"finishCommittedWork\":false}")
                .post("/v1/clients/" + byClient + "/offboarding").then().statusCode(200)
                .body("letter.body", containsString("I have received your decision to end our collaboration"))
                .body("letter.body", containsString("Here is what happens to the work: it stops on "))
                .body("letter.body", containsString("the cancellation fee it sets out is due"))
                .body("letter.body", not(containsString("there is no cancellation fee")));
        as(tenant).body("{\"reason\":\"Scope keeps growing\"}").post("/v1/clients/" + byMe + "/offboarding")
                .then().statusCode(200)
                .body("letter.body", containsString("the stages under way will be finished and billed as agreed"))
                .body("letter.body", containsString("there is no cancellation fee"));

        JsonNode client = TopicReader.envelopes("clients.v1", e -> byClient.equals(e.path("subject").asText())
                && "ClientOffboarded".equals(e.path("type").asText()), 1, Duration.ofSeconds(30)).get(0).path("data");
        assertThat(client.path("endedBy").asText()).isEqualTo("CLIENT");
        assertThat(client.path("finishCommittedWork").isBoolean()).isTrue();
        assertThat(client.path("finishCommittedWork").asBoolean()).isFalse();
        JsonNode mine = TopicReader.envelopes("clients.v1", e -> byMe.equals(e.path("subject").asText())
                && "ClientOffboarded".equals(e.path("type").asText()), 1, Duration.ofSeconds(30)).get(0).path("data");
        assertThat(mine.path("endedBy").asText()).isEqualTo("FREELANCER");
        assertThat(mine.path("finishCommittedWork").asBoolean(false)).isTrue();
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
