package dev.clientdesk.e2e;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The product's journeys across the three real services, through their public REST APIs only. */
class JourneysTest {

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    private RequestSpecification at(String service, String tenant) {
        return given().baseUri(system.url(service)).header("Authorization", RunningSystem.bearer(tenant))
                .contentType(ContentType.JSON);
    }

    private RequestSpecification clients(String tenant) {
        return at("client-service", tenant);
    }

    private RequestSpecification billing(String tenant) {
        return at("billing-service", tenant);
    }

    private RequestSpecification followups(String tenant) {
        return at("followup-service", tenant);
    }

    private static final Duration EVENTUALLY = Duration.ofSeconds(45);

    /** billing-service contracts a client once client-service's ClientAccepted has reached it: a 409 until then. */
    private Response contract(String tenant, String project) {
        return await().atMost(EVENTUALLY).until(() -> billing(tenant).body(project).post("/v1/projects"),
                response -> response.statusCode() != 409);
    }

    @Test
    void journey_1_a_lead_with_red_flags_is_declined_with_a_letter_in_their_language_and_referred() {
        String tenant = "ws-j1-" + UUID.randomUUID();
        String partner = clients(tenant).body("{\"name\":\"Giorgi Beridze\",\"email\":\"giorgi@example.ge\"}")
                .post("/v1/partners").then().statusCode(201).extract().path("id");
        String clientId = clients(tenant).body("{\"name\":\"Nino\",\"email\":\"nino@example.ge\",\"locale\":\"ka\","
                        + "\"signals\":{\"guaranteeDemanded\":true,\"onBehalfOfSomeoneElse\":true,\"haggles\":true}}")
                .post("/v1/clients").then().statusCode(201)
                .body("screening.recommendation", equalTo("DECLINE"))
                .body("screening.flags.code", hasItem("GUARANTEE_DEMANDED"))
                .extract().path("id");

        clients(tenant).body("{\"reason\":\"x\",\"includeReason\":false,\"partnerIds\":[\"" + partner + "\"]}")
                .post("/v1/clients/" + clientId + "/decline").then().statusCode(200)
                .body("letter.locale", equalTo("ka"))
                .body("letter.subject", equalTo("თქვენი მოთხოვნის შესახებ"))
                .body("letter.body", containsString("Giorgi Beridze"))
                .body("letter.body", not(containsString("{")));

        // billing-service learns of the decline from clients.v1 and refuses to contract with them.
        String project = "{\"clientId\":\"" + clientId + "\",\"title\":\"Anything\",\"totalFee\":{\"amount\":\"100\","
                + "\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}]}";
        await().atMost(EVENTUALLY).untilAsserted(() -> billing(tenant).body(project).post("/v1/projects")
                .then().statusCode(409).body("type", containsString("client-not-available")));
    }

    @Test
    void journey_2_deposit_silence_follow_up_payment() {
        String tenant = "ws-j2-" + UUID.randomUUID();
        String clientId = clients(tenant).body("{\"name\":\"Aigerim\",\"email\":\"aigerim@example.kz\",\"locale\":\"kk\","
                        + "\"requestedService\":\"brand identity\",\"budget\":{\"amount\":\"5000\",\"currency\":\"EUR\"}}")
                .post("/v1/clients").then().statusCode(201).body("screening.recommendation", equalTo("ACCEPT"))
                .extract().path("id");
        clients(tenant).post("/v1/clients/" + clientId + "/accept").then().statusCode(200);

        var project = contract(tenant, "{\"clientId\":\"" + clientId + "\",\"title\":\"Brand identity\","
                        + "\"totalFee\":{\"amount\":\"5000.00\",\"currency\":\"EUR\"},\"depositPercent\":20,"
                        + "\"milestones\":[{\"name\":\"Concepts\",\"percent\":\"30\"},{\"name\":\"Design\",\"percent\":\"30\"},"
                        + "{\"name\":\"Brand book\",\"percent\":\"20\"}]}")
                .then().statusCode(201)
                .body("deposit.amount", equalTo("1000.00"))
                .body("milestones.amount.amount", equalTo(List.of("1500.00", "1500.00", "1000.00")))
                .extract();
        String projectId = project.path("id");
        String deposit = project.path("depositInvoiceId");
        await().atMost(EVENTUALLY).untilAsserted(() -> clients(tenant).get("/v1/clients/" + clientId)
                .then().body("status", equalTo("ACTIVE")));
        billing(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);

        // The client stays silent: after the (shortened) threshold a follow-up is drafted, in Kazakh.
        await().atMost(EVENTUALLY).untilAsserted(() -> followups(tenant).get("/v1/followups?clientId=" + clientId)
                .then().body("items.size()", greaterThanOrEqualTo(1))
                .body("items[0].language", equalTo("kk"))
                // the amount as a Kazakh reader writes it: 1 000,00 EUR
                .body("items[0].body", containsString("000,00\u00a0EUR")));
        followups(tenant).get("/v1/conversations?clientId=" + clientId).then()
                .body("items[0].attempts", greaterThanOrEqualTo(1));

        billing(tenant).body("{\"amount\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"}}")
                .post("/v1/invoices/" + deposit + "/payments").then().statusCode(201)
                .body("invoice.status", equalTo("PAID"));
        await().atMost(EVENTUALLY).untilAsserted(() -> followups(tenant).get("/v1/conversations?clientId=" + clientId)
                .then().body("items[0].status", equalTo("CLOSED")).body("items[0].closeReason", equalTo("PAID")));
        billing(tenant).get("/v1/projects/" + projectId).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void journey_3_a_client_who_eats_time_is_flagged_and_offboarding_settles_and_stops_follow_ups() {
        String tenant = "ws-j3-" + UUID.randomUUID();
        clients(tenant).body("{\"servicesOffered\":[],\"idealClientTraits\":[],\"unwantedTraits\":[],"
                        + "\"friendsAndFamily\":\"REVIEW\",\"targetHourlyRate\":{\"amount\":\"60\",\"currency\":\"EUR\"},"
                        + "\"maxBelowTargetShare\":20,\"letterSignature\":\"Elif\",\"defaultLocale\":\"en\"}")
                .put("/v1/policy").then().statusCode(200);
        String clientId = clients(tenant).body("{\"name\":\"Ivan\",\"email\":\"ivan@example.bg\",\"locale\":\"bg\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
        clients(tenant).post("/v1/clients/" + clientId + "/accept").then().statusCode(200);
        var project = contract(tenant, "{\"clientId\":\"" + clientId + "\",\"title\":\"Website\","
                        + "\"totalFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}]}")
                .then().statusCode(201).extract();
        String projectId = project.path("id");
        String deposit = project.path("depositInvoiceId");
        billing(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        billing(tenant).body("{\"amount\":{\"amount\":\"200.00\",\"currency\":\"EUR\"}}")
                .post("/v1/invoices/" + deposit + "/payments").then().statusCode(201);
        for (int i = 0; i < 8; i++) {
            billing(tenant).body("{\"minutes\":120,\"kind\":\"COMMUNICATION\"}")
                    .post("/v1/projects/" + projectId + "/time-entries").then().statusCode(201);
        }
        // followup-service opens it once the client's ClientAccepted has reached it (409 until then, no effect)
        await().atMost(EVENTUALLY).untilAsserted(() -> followups(tenant)
                .body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Next phase\"}")
                .post("/v1/conversations").then().statusCode(201));

        // 200 EUR for 16 hours = 12.50 EUR/h, far below the 60 EUR target.
        await().atMost(EVENTUALLY).untilAsserted(() -> clients(tenant).get("/v1/clients/" + clientId + "/health")
                .then().body("effectiveHourlyRate.amount", equalTo("12.50"))
                .body("recommendation", equalTo("RAISE_RATE")));
        billing(tenant).get("/v1/clients/" + clientId + "/economics").then()
                .body("totals[0].effectiveHourlyRate.amount", equalTo("12.50"));

        clients(tenant).body("{\"reason\":\"Takes far more time than agreed\",\"includeReason\":true}")
                .post("/v1/clients/" + clientId + "/offboarding").then().statusCode(200)
                .body("client.status", equalTo("ENDED")).body("letter.locale", equalTo("bg"));

        // Settled per contract: the freelancer ended it, so no cancellation fee; nothing was completed, so
        // nothing of the 200.00 paid was earned and all of it goes back.
        await().atMost(EVENTUALLY).untilAsserted(() -> billing(tenant).get("/v1/projects/" + projectId)
                .then().body("status", equalTo("CANCELLED")));
        billing(tenant).get("/v1/clients/" + clientId + "/economics").then()
                .body("totals[0].refunded.amount", equalTo("200.00"));
        // client-service hears of the refund too: nothing kept counts as paid.
        await().atMost(EVENTUALLY).untilAsserted(() -> clients(tenant).get("/v1/clients/" + clientId + "/health")
                .then().body("paid.amount", equalTo("0.00")));
        await().atMost(EVENTUALLY).untilAsserted(() -> followups(tenant).get("/v1/conversations?clientId=" + clientId)
                .then().body("items.status", everyItem(equalTo("CLOSED"))));
        followups(tenant).get("/v1/followups?clientId=" + clientId + "&status=DRAFT").then().body("items.size()", equalTo(0));
    }
}
