package dev.clientdesk.billing.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.billing.api.PaymentApiTest.contract;
import static dev.clientdesk.billing.api.PaymentApiTest.pay;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ContractFeaturesTest {

    @BeforeEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    static PaymentApiTest.Contract activeContract(String tenant, String... milestones) {
        PaymentApiTest.Contract c = contract(tenant, "1000.00", milestones);
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        pay(tenant, c.depositInvoiceId(), "200", "EUR", 201);
        return c;
    }

    @Test
    void revisions_beyond_the_included_ones_are_billed_at_the_disclosed_fee() {
        String tenant = "ws-rev-" + UUID.randomUUID();
        String projectId = as(tenant).body("{\"clientId\":\"" + AcceptedClients.accepted(tenant) + "\",\"title\":\"Logo\","
                        + "\"totalFee\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}],"
                        + "\"includedRevisions\":1,\"revisionFee\":{\"amount\":\"75\",\"currency\":\"EUR\"}}")
                .post("/v1/projects").then().statusCode(201).extract().path("id");
        as(tenant).body("{}").post("/v1/projects/" + projectId + "/revisions").then().statusCode(409);
        String deposit = as(tenant).get("/v1/projects/" + projectId).then().extract().path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        pay(tenant, deposit, "200", "EUR", 201);

        as(tenant).body("{\"note\":\"darker\"}").post("/v1/projects/" + projectId + "/revisions").then().statusCode(201)
                .body("number", equalTo(1)).body("billable", equalTo(false)).body("invoice", nullValue());
        as(tenant).body("{\"note\":\"lighter\"}").post("/v1/projects/" + projectId + "/revisions").then().statusCode(201)
                .body("number", equalTo(2)).body("billable", equalTo(true))
                .body("invoice.kind", equalTo("REVISION")).body("invoice.amount.amount", equalTo("75.00"));
        as(tenant).get("/v1/projects/" + projectId).then().body("revisionsUsed", equalTo(2));
    }

    @Test
    void time_and_payments_give_the_clients_economics() {
        String tenant = "ws-econ-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "80");
        String clientId = as(tenant).get("/v1/projects/" + c.projectId()).then().extract().path("clientId");
        as(tenant).body("{\"minutes\":90,\"kind\":\"WORK\"}").post("/v1/projects/" + c.projectId() + "/time-entries")
                .then().statusCode(201);
        for (int retry = 0; retry < 2; retry++) {
            as(tenant).header("Idempotency-Key", "time-" + c.projectId())
                    .body("{\"minutes\":150,\"kind\":\"COMMUNICATION\"}")
                    .post("/v1/projects/" + c.projectId() + "/time-entries").then().statusCode(201);
        }
        as(tenant).body("{\"minutes\":0,\"kind\":\"WORK\"}").post("/v1/projects/" + c.projectId() + "/time-entries")
                .then().statusCode(400).body("errors[0].field", equalTo("minutes"));
        as(tenant).body("{\"minutes\":10,\"kind\":\"NAPPING\"}").post("/v1/projects/" + c.projectId() + "/time-entries")
                .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        as(tenant).body("{\"minutes\":10,\"kind\":\"WORK\",\"date\":\"2999-01-01\"}")
                .post("/v1/projects/" + c.projectId() + "/time-entries").then().statusCode(400)
                .body("errors[0].field", equalTo("date"));

        as(tenant).get("/v1/clients/" + clientId + "/economics").then().statusCode(200)
                .body("hoursLogged", equalTo(4.0f))
                .body("totals[0].billed.amount", equalTo("200.00"))
                .body("totals[0].paid.amount", equalTo("200.00"))
                .body("totals[0].outstanding.amount", equalTo("0.00"))
                .body("totals[0].effectiveHourlyRate.amount", equalTo("50.00"));
        as("ws-other").get("/v1/clients/" + clientId + "/economics").then().statusCode(404);
    }

    @Test
    void the_terms_state_every_fee_in_the_clients_language() {
        String tenant = "ws-terms-" + UUID.randomUUID();
        String projectId = as(tenant).body("{\"clientId\":\"" + AcceptedClients.accepted(tenant) + "\",\"title\":\"Site\","
                        + "\"totalFee\":{\"amount\":\"1250\",\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"Design\",\"percent\":\"40\",\"dueDate\":\"2027-01-15\"},"
                        + "{\"name\":\"Build\",\"percent\":\"40\"}],\"revisionFee\":{\"amount\":\"60\",\"currency\":\"EUR\"},"
                        + "\"includedRevisions\":1,\"cancellationFeePercent\":\"12.5\","
                        + "\"communication\":\"Email on weekdays\",\"locale\":\"tr\"}")
                .post("/v1/projects").then().statusCode(201).extract().path("id");

        as(tenant).get("/v1/projects/" + projectId + "/terms").then().statusCode(200)
                .body("language", equalTo("tr"))
                .body("terms", hasItem("Toplam ücret: 1.250,00\u00a0EUR."))
                .body("terms", hasItem(containsString("%20 oranında ön ödeme (250,00\u00a0EUR)")))
                .body("terms", hasItem(containsString("planlanan tarih 15.01.2027;")))
                .body("terms", hasItem("Ücrete 1 revizyon dahildir; her ek revizyon 60,00\u00a0EUR olarak ücretlendirilir."))
                .body("terms", hasItem(containsString("tamamlanmamış kısım üzerinden %12,5 oranında iptal ücreti")))
                .body("terms", everyItem(not(containsString("kapora"))))
                .body("terms", everyItem(not(containsString("2027-01-15"))))
                .body("terms", hasItem(containsString("garanti edilmez")));
        for (String language : List.of("en", "tr", "kk", "ka", "bg")) {
            as(tenant).get("/v1/projects/" + projectId + "/terms?locale=" + language).then().statusCode(200)
                    .body("terms", everyItem(not(containsString("{"))))
                    .body("terms.size()", equalTo(12))
                    .body("language", equalTo(language));
        }
        as(tenant).get("/v1/projects/" + projectId + "/terms?locale=kk-KZ").then().statusCode(200)
                .body("language", equalTo("kk"));
    }

    @Test
    void a_malformed_or_unsupported_locale_is_a_400_naming_it() {
        String tenant = "ws-locale-" + UUID.randomUUID();
        String projectId = contract(tenant, "1000.00", "80").projectId();
        for (String locale : List.of("-", "de", "kk_KZ", "%E2%82%AC", "en--", "x".repeat(30))) {
            as(tenant).urlEncodingEnabled(false).get("/v1/projects/" + projectId + "/terms?locale=" + locale)
                    .then().log().ifValidationFails().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("locale"));
        }
    }

    @Test
    void economics_answer_when_the_totals_pass_the_bound_of_a_single_amount() {
        String tenant = "ws-econ-big-" + UUID.randomUUID();
        UUID clientId = AcceptedClients.accepted(tenant);
        for (int i = 0; i < 3; i++) {
            String deposit = as(tenant).body(BillingApiTest.project(clientId, "999999999999.00", "EUR", "50", "50"))
                    .post("/v1/projects").then().statusCode(201).extract().path("depositInvoiceId");
            as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
            pay(tenant, deposit, "499999999999.50", "EUR", 201);
        }
        as(tenant).body("{\"minutes\":60,\"kind\":\"WORK\"}").post("/v1/projects/" + as(tenant)
                .queryParam("clientId", clientId).get("/v1/projects").then().extract().path("items[0].id")
                + "/time-entries").then().statusCode(201);

        as(tenant).get("/v1/clients/" + clientId + "/economics").then().statusCode(200)
                .body("totals[0].billed.amount", equalTo("1499999999998.50"))
                .body("totals[0].paid.amount", equalTo("1499999999998.50"))
                .body("totals[0].outstanding.amount", equalTo("0.00"))
                .body("totals[0].effectiveHourlyRate.amount", equalTo("1499999999998.50"));
    }

    @Test
    void settings_change_the_defaults_and_bad_ranges_name_the_field() {
        String tenant = "ws-settings-" + UUID.randomUUID();
        as(tenant).get("/v1/settings").then().statusCode(200).body("defaultDepositPercent", equalTo(20))
                .body("minDepositPercent", equalTo(10)).body("maxDepositPercent", equalTo(50));
        String good = "{\"defaultCurrency\":\"GEL\",\"defaultDepositPercent\":15,\"minDepositPercent\":10,"
                + "\"maxDepositPercent\":30,\"paymentTermsDays\":7,\"includedRevisions\":3,\"revisionFee\":\"40\","
                + "\"cancellationFeePercent\":20,\"responseTimeHours\":24}";
        as(tenant).body(good.replace("\"defaultDepositPercent\":15", "\"defaultDepositPercent\":40"))
                .put("/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("defaultDepositPercent"));
        as(tenant).body(good.replace("GEL", "XYZ")).put("/v1/settings").then().statusCode(400)
                .body("errors[0].field", equalTo("defaultCurrency"));
        as(tenant).body(good.replace("\"40\"", "\"40.001\"")).put("/v1/settings").then().statusCode(400)
                .body("errors[0].field", equalTo("revisionFee"));
        as(tenant).body(good).put("/v1/settings").then().statusCode(200).body("paymentTermsDays", equalTo(7));

        UUID client = AcceptedClients.accepted(tenant);
        as(tenant).body(BillingApiTest.project(client, "100", "GEL", null, "85")).post("/v1/projects")
                .then().statusCode(201).body("depositPercent", equalTo(15.0f))
                .body("terms.paymentTermsDays", equalTo(7)).body("terms.includedRevisions", equalTo(3))
                .body("terms.revisionFee.amount", equalTo("40.00"));
        as(tenant).body(BillingApiTest.project(client, "100", "GEL", "40", "60")).post("/v1/projects")
                .then().statusCode(400).body("errors[0].field", equalTo("depositPercent"));
    }

    @Test
    void offboarding_by_the_client_with_nothing_paid_voids_the_drafts_and_bills_the_cancellation_fee()
            throws Exception {
        String tenant = "ws-settle0-" + UUID.randomUUID();
        PaymentApiTest.Contract c = contract(tenant, "1000.00", "40", "40");
        String clientId = offboard(tenant, c, "CLIENT");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).get("/v1/projects/" + c.projectId())
                .then().body("status", equalTo("CANCELLED")));
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("status", equalTo("VOID"));
        as(tenant).get("/v1/invoices?clientId=" + clientId + "&status=SENT").then()
                .body("items.size()", equalTo(1)).body("items[0].kind", equalTo("FINAL"))
                .body("items[0].amount.amount", equalTo("100.00"));
    }

    @Test
    void offboarding_by_the_client_after_the_deposit_refunds_what_was_not_earned() throws Exception {
        String tenant = "ws-settle1-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "40", "40");
        offboard(tenant, c, "CLIENT");

        // Earned: 10% of the unfinished 1000.00 = 100.00; paid 200.00 → refund 100.00.
        await().atMost(Duration.ofSeconds(30)).until(() -> refunds(c.projectId()).contains("100.00"));
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("CANCELLED"));
    }

    @Test
    void offboarding_after_deposit_and_a_paid_stage_refunds_the_rest_and_leaves_the_paid_stage() throws Exception {
        String tenant = "ws-settle2-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "40", "40");
        String stageInvoice = as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/"
                + c.milestoneIds().get(0) + "/complete").then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/invoices/" + stageInvoice + "/send").then().statusCode(200);
        pay(tenant, stageInvoice, "400", "EUR", 201);
        offboard(tenant, c, "CLIENT");

        // Earned: stage 400.00 + 10% of the unfinished 600.00 = 460.00; paid 600.00 → refund 140.00.
        await().atMost(Duration.ofSeconds(30)).until(() -> refunds(c.projectId()).contains("140.00"));
        as(tenant).get("/v1/invoices/" + stageInvoice).then().body("status", equalTo("PAID"));
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("CANCELLED"))
                .body("milestones.status", contains("INVOICED", "PENDING"));
    }

    @Test
    void offboarding_counts_billed_revisions_as_earned_and_settles_a_part_paid_invoice() throws Exception {
        String tenant = "ws-settle3-" + UUID.randomUUID();
        var project = as(tenant).body("{\"clientId\":\"" + AcceptedClients.accepted(tenant) + "\",\"title\":\"Logo\","
                        + "\"totalFee\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}],"
                        + "\"includedRevisions\":0,\"revisionFee\":{\"amount\":\"80\",\"currency\":\"EUR\"}}")
                .post("/v1/projects").then().statusCode(201).extract();
        String projectId = project.path("id");
        String deposit = project.path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        pay(tenant, deposit, "200", "EUR", 201);
        String revision = as(tenant).body("{}").post("/v1/projects/" + projectId + "/revisions").then()
                .statusCode(201).extract().path("invoice.id");
        as(tenant).post("/v1/invoices/" + revision + "/send").then().statusCode(200);
        pay(tenant, revision, "30", "EUR", 201);
        PaymentApiTest.Contract c = new PaymentApiTest.Contract(projectId, deposit, List.of());
        offboard(tenant, c, "CLIENT");

        // Earned: revision 80.00 + 10% of the unfinished 1000.00 = 180.00; paid 230.00 → refund 50.00.
        await().atMost(Duration.ofSeconds(30)).until(() -> refunds(projectId).contains("50.00"));
        as(tenant).get("/v1/invoices/" + revision).then().body("status", equalTo("SETTLED"))
                .body("paid.amount", equalTo("30.00"));
        pay(tenant, revision, "10", "EUR", 409);
    }

    @Test
    void a_declined_client_gets_no_contract() throws Exception {
        String tenant = "ws-declined-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        AcceptedClients.announce(tenant, UUID.fromString(clientId), "ClientRegistered");
        ObjectNode event = (ObjectNode) TopicReader.parse(
                Files.readString(Path.of("../contracts/clients.v1/ClientDeclined.json")));
        event.put("id", UUID.randomUUID().toString()).put("tenantid", tenant).put("subject", clientId);
        ((ObjectNode) event.get("data")).put("clientId", clientId);
        TopicReader.send("clients.v1", clientId, event.toString());

        String body = BillingApiTest.project(UUID.fromString(clientId), "100", "EUR", "20", "80");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(tenant).body(body).post("/v1/projects")
                .then().statusCode(409).body("type", containsString("client-not-available"))
                .body("detail", equalTo("no new contract for client " + clientId + ": declined"))
                .body("errors[0].field", equalTo("clientId")));
        as("ws-other-" + UUID.randomUUID()).body(body).post("/v1/projects").then().statusCode(409)
                .body("errors[0].field", equalTo("clientId"));
    }

    /** ClientOffboarded as client-service publishes it, saying who ended the relationship. */
    static String offboard(String tenant, PaymentApiTest.Contract c, String endedBy) throws Exception {
        String clientId = as(tenant).get("/v1/projects/" + c.projectId()).then().extract().path("clientId");
        ObjectNode event = (ObjectNode) TopicReader.parse(
                Files.readString(Path.of("../contracts/clients.v1/ClientOffboarded.json")));
        event.put("id", UUID.randomUUID().toString()).put("tenantid", tenant).put("subject", clientId);
        ((ObjectNode) event.get("data")).put("clientId", clientId).put("endedBy", endedBy)
                .put("finishCommittedWork", true);
        TopicReader.send("clients.v1", clientId, event.toString());
        TopicReader.send("clients.v1", clientId, event.toString());
        return clientId;
    }

    static List<String> refunds(String projectId) {
        return TopicReader.envelopes("billing.v1", e -> "RefundIssued".equals(e.path("type").asText())
                        && projectId.equals(e.path("subject").asText()), 1, Duration.ofSeconds(2)).stream()
                .map(e -> e.path("data").path("amount").path("amount").asText()).toList();
    }
}
