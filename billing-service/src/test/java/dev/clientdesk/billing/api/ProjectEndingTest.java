package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.testing.DeadLetters;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.billing.api.PaymentApiTest.pay;
import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Ending a relationship or one project keeps the promise of the termination letter: committed (started) work
 * is finished and billed, the cancellation fee is due only when the client ends it, prepaid money beyond what
 * was earned goes back. Each project: 1000.00 EUR, deposit 200.00 paid, stages A and B of 400.00, 10% fee.
 */
@QuarkusTest
class ProjectEndingTest {

    @BeforeEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    record Active(String projectId, String clientId, String a, String b) {
    }

    private static Active active(String tenant, UUID clientId) {
        var project = as(tenant).body(BillingApiTest.project(clientId, "1000.00", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract();
        String deposit = project.path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        pay(tenant, deposit, "200", "EUR", 201);
        List<String> stages = project.path("milestones.id");
        return new Active(project.path("id"), clientId.toString(), stages.get(0), stages.get(1));
    }

    private static String complete(String tenant, Active p, String stage, int status) {
        return as(tenant).post("/v1/projects/" + p.projectId() + "/milestones/" + stage + "/complete").then()
                .statusCode(status).extract().path("id");
    }

    private static void start(String tenant, Active p, String stage) {
        as(tenant).post("/v1/projects/" + p.projectId() + "/milestones/" + stage + "/start").then().statusCode(200);
    }

    private static JsonNode event(String type, String projectId) {
        List<JsonNode> found = TopicReader.envelopes("billing.v1", e -> type.equals(e.path("type").asText())
                && projectId.equals(e.path("subject").asText()), 1, Duration.ofSeconds(30));
        assertThat(found).as(type + " of " + projectId).hasSize(1);
        return found.get(0).path("data");
    }

    private static void logTime(String tenant, String projectId, int status) {
        var response = as(tenant).body("{\"minutes\":30,\"kind\":\"WORK\"}")
                .post("/v1/projects/" + projectId + "/time-entries").then().statusCode(status);
        if (status == 409) {
            response.contentType("application/problem+json").body("type", containsString("illegal-project-state"));
        }
    }

    @Test
    void the_freelancer_offboarding_finishes_the_started_stage_then_settles_without_a_fee_and_refunds_the_rest() {
        String tenant = "ws-end-freelancer-" + UUID.randomUUID();
        Active p = active(tenant, AcceptedClients.accepted(tenant));
        pay(tenant, sent(tenant, complete(tenant, p, p.a(), 201)), "400", "EUR", 201);
        start(tenant, p, p.b());

        // The shape client-service published before it said who ended it: the freelancer, finishing started work.
        ObjectNode offboarded = GoldenEvents.event("clients.v1", "ClientOffboarded", tenant,
                Map.of("clientId", p.clientId()));
        ((ObjectNode) offboarded.get("data")).remove(List.of("endedBy", "finishCommittedWork"));
        GoldenEvents.publish("clients.v1", p.clientId(), offboarded.put("subject", p.clientId()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/projects/" + p.projectId())
                .then().body("status", equalTo("WINDING_DOWN")));
        JsonNode cancelled = event("ProjectCancelled", p.projectId());
        assertThat(cancelled.path("endedBy").asText()).isEqualTo("FREELANCER");
        assertThat(cancelled.path("finishCommittedWork").asBoolean()).isTrue();
        assertThat(cancelled.path("stagesToFinish").findValuesAsText("milestoneId")).containsExactly(p.b());

        logTime(tenant, p.projectId(), 201);
        as(tenant).body("{}").post("/v1/projects/" + p.projectId() + "/revisions").then().statusCode(409);
        String stageB = complete(tenant, p, p.b(), 201);
        as(tenant).get("/v1/projects/" + p.projectId()).then().body("status", equalTo("CANCELLED"))
                .body("milestones.status", contains("INVOICED", "INVOICED"));

        // Earned: stage A 400.00, no fee; paid 600.00 → 200.00 back. Stage B is billed on its own invoice.
        JsonNode settled = event("ProjectSettled", p.projectId());
        assertThat(settled.path("earned").path("amount").asText()).isEqualTo("400.00");
        assertThat(settled.path("paid").path("amount").asText()).isEqualTo("600.00");
        assertThat(settled.path("refunded").path("amount").asText()).isEqualTo("200.00");
        assertThat(settled.path("cancellationFee").path("amount").asText()).isEqualTo("0.00");
        assertThat(settled.path("finalInvoiceId").isNull()).isTrue();
        assertThat(ContractFeaturesTest.refunds(p.projectId())).containsExactly("200.00");
        as(tenant).get("/v1/invoices/" + stageB).then().body("status", equalTo("DRAFT"))
                .body("amount.amount", equalTo("400.00"));
        as(tenant).post("/v1/invoices/" + stageB + "/send").then().statusCode(200);
        logTime(tenant, p.projectId(), 409);
    }

    @Test
    void the_client_ending_one_project_pays_the_fee_on_the_unfinished_rest_and_the_other_projects_go_on() {
        String tenant = "ws-end-client-" + UUID.randomUUID();
        UUID clientId = AcceptedClients.accepted(tenant);
        Active p = active(tenant, clientId);
        Active other = active(tenant, clientId);
        pay(tenant, sent(tenant, complete(tenant, p, p.a(), 201)), "400", "EUR", 201);
        start(tenant, p, p.b());

        // Stage B was started, but committed work is not finished: it counts as unfinished.
        // Earned: A 400.00 + 10% of the unfinished 600.00 = 460.00; paid 600.00 → 140.00 back.
        as(tenant).body("{\"endedBy\":\"CLIENT\",\"finishCommittedWork\":false,\"reason\":\"Budget cut\"}")
                .post("/v1/projects/" + p.projectId() + "/cancellation").then().statusCode(200)
                .body("project.status", equalTo("CANCELLED")).body("stagesToFinish", empty())
                .body("settlement.earned.amount", equalTo("460.00"))
                .body("settlement.paid.amount", equalTo("600.00"))
                .body("settlement.refunded.amount", equalTo("140.00"))
                .body("settlement.cancellationFee.amount", equalTo("60.00"))
                .body("settlement.finalInvoiceId", nullValue());
        JsonNode cancelled = event("ProjectCancelled", p.projectId());
        assertThat(cancelled.path("endedBy").asText()).isEqualTo("CLIENT");
        assertThat(cancelled.path("finishCommittedWork").asBoolean()).isFalse();
        assertThat(cancelled.path("reason").asText()).isEqualTo("Budget cut");
        assertThat(event("ProjectSettled", p.projectId()).path("cancellationFee").path("amount").asText())
                .isEqualTo("60.00");

        complete(tenant, p, p.b(), 409);
        logTime(tenant, p.projectId(), 409);
        as(tenant).body("{}").post("/v1/projects/" + p.projectId() + "/revisions").then().statusCode(409)
                .body("type", containsString("illegal-project-state"));
        as(tenant).post("/v1/projects/" + p.projectId() + "/cancellation").then().statusCode(400);
        as(tenant).body("{}").post("/v1/projects/" + p.projectId() + "/cancellation").then().statusCode(409)
                .body("type", containsString("illegal-project-state"));

        as(tenant).get("/v1/projects/" + other.projectId()).then().body("status", equalTo("ACTIVE"));
        logTime(tenant, other.projectId(), 201);
        complete(tenant, other, other.a(), 201);
        as(tenant).get("/v1/projects?clientId=" + clientId + "&status=ACTIVE").then()
                .body("items.id", contains(other.projectId()));
    }

    @Test
    void the_client_ending_with_committed_work_winds_down_then_pays_the_fee_on_what_is_left() {
        String tenant = "ws-end-wind-" + UUID.randomUUID();
        Active p = active(tenant, AcceptedClients.accepted(tenant));
        start(tenant, p, p.b());

        as(tenant).body("{\"endedBy\":\"CLIENT\",\"finishCommittedWork\":true}")
                .post("/v1/projects/" + p.projectId() + "/cancellation").then().statusCode(200)
                .body("project.status", equalTo("WINDING_DOWN"))
                .body("stagesToFinish.id", contains(p.b())).body("settlement", nullValue());
        complete(tenant, p, p.a(), 409);
        as(tenant).post("/v1/projects/" + p.projectId() + "/milestones/" + p.a() + "/complete").then()
                .body("type", containsString("milestone-not-committed"));
        complete(tenant, p, p.b(), 201);

        // B (400.00) is billed on its invoice; the fee is 10% of the 600.00 still unfinished, the rest of the
        // 200.00 deposit goes back.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/projects/" + p.projectId())
                .then().body("status", equalTo("CANCELLED")));
        JsonNode settled = event("ProjectSettled", p.projectId());
        assertThat(settled.path("cancellationFee").path("amount").asText()).isEqualTo("60.00");
        assertThat(settled.path("earned").path("amount").asText()).isEqualTo("60.00");
        assertThat(settled.path("refunded").path("amount").asText()).isEqualTo("140.00");
    }

    @Test
    void the_freelancer_cancelling_before_the_deposit_is_paid_bills_nothing() {
        String tenant = "ws-end-unpaid-" + UUID.randomUUID();
        var project = as(tenant).body(BillingApiTest.project(AcceptedClients.accepted(tenant), "1000.00", "EUR", "20", "80"))
                .post("/v1/projects").then().statusCode(201).extract();
        String projectId = project.path("id");
        as(tenant).body("{\"endedBy\":\"FREELANCER\"}").post("/v1/projects/" + projectId + "/cancellation").then()
                .statusCode(200).body("project.status", equalTo("CANCELLED"))
                .body("settlement.earned.amount", equalTo("0.00"))
                .body("settlement.cancellationFee.amount", equalTo("0.00"))
                .body("settlement.finalInvoiceId", nullValue());
        as(tenant).get("/v1/invoices/" + project.path("depositInvoiceId")).then().body("status", equalTo("VOID"));
        as(tenant).get("/v1/invoices?status=SENT").then().body("items", empty());
    }

    @Test
    void only_a_pending_stage_of_an_active_project_can_be_started() {
        String tenant = "ws-start-" + UUID.randomUUID();
        var project = as(tenant).body(BillingApiTest.project(AcceptedClients.accepted(tenant), "1000.00", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract();
        String projectId = project.path("id");
        List<String> stages = project.path("milestones.id");
        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + stages.get(0) + "/start").then()
                .statusCode(409).body("type", containsString("deposit-not-paid"));
        String deposit = project.path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        pay(tenant, deposit, "200", "EUR", 201);

        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + stages.get(0) + "/start").then()
                .statusCode(200).body("milestones.status", contains("STARTED", "PENDING"));
        JsonNode started = event("MilestoneStarted", projectId);
        assertThat(started.path("milestoneId").asText()).isEqualTo(stages.get(0));
        assertThat(started.path("name").asText()).isEqualTo("Stage 1");
        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + stages.get(0) + "/start").then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", containsString("milestone-not-pending"));
        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + UUID.randomUUID() + "/start").then()
                .statusCode(404);
        as("ws-other-" + UUID.randomUUID()).post("/v1/projects/" + projectId + "/milestones/" + stages.get(1)
                + "/start").then().statusCode(404);
        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + stages.get(0) + "/complete").then()
                .statusCode(201).body("amount.amount", equalTo("400.00"));
        as(tenant).post("/v1/projects/" + projectId + "/milestones/" + stages.get(1) + "/complete").then()
                .statusCode(201);
        as(tenant).get("/v1/projects/" + projectId).then().body("status", equalTo("COMPLETED"));
        logTime(tenant, projectId, 409);
    }

    @Test
    void a_bad_cancellation_is_a_400_naming_the_field() {
        String tenant = "ws-end-bad-" + UUID.randomUUID();
        Active p = active(tenant, AcceptedClients.accepted(tenant));
        String path = "/v1/projects/" + p.projectId() + "/cancellation";
        as(tenant).body("{\"endedBy\":\"BOSS\"}").post(path).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("endedBy"));
        as(tenant).body("{\"reason\":\"one\\nBcc: two\"}").post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as(tenant).body("{\"reason\":\"" + "x".repeat(501) + "\"}").post(path).then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("ws-other-" + UUID.randomUUID()).body("{}").post(path).then().statusCode(404);
        as(tenant).get("/v1/projects/" + p.projectId()).then().body("status", equalTo("ACTIVE"));
    }

    @Test
    void an_offboarding_that_names_no_known_ender_changes_nothing_and_is_dead_lettered() {
        String tenant = "ws-end-poison-" + UUID.randomUUID();
        Active p = active(tenant, AcceptedClients.accepted(tenant));
        String id = GoldenEvents.publish("clients.v1", "ClientOffboarded", tenant, p.clientId(),
                Map.of("clientId", p.clientId(), "endedBy", "NOBODY"));
        assertThat(DeadLetters.awaitError("clients.v1", id, Duration.ofSeconds(30))).contains("NOBODY");
        as(tenant).get("/v1/projects/" + p.projectId()).then().body("status", equalTo("ACTIVE"));
    }

    private static String sent(String tenant, String invoiceId) {
        as(tenant).post("/v1/invoices/" + invoiceId + "/send").then().statusCode(200);
        return invoiceId;
    }
}
