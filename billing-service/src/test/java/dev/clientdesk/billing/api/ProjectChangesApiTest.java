package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.clientdesk.billing.api.ContractFeaturesTest.activeContract;
import static dev.clientdesk.billing.api.PaymentApiTest.contract;
import static dev.clientdesk.billing.api.PaymentApiTest.pay;
import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Voiding gives the deposit or stage back to bill; a project's dates, fee and stages change as agreed. */
@QuarkusTest
class ProjectChangesApiTest {

    @BeforeEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    private static void sendAndPay(String tenant, String invoiceId, String amount) {
        as(tenant).post("/v1/invoices/" + invoiceId + "/send").then().statusCode(200);
        pay(tenant, invoiceId, amount, "EUR", 201);
    }

    private static String complete(String tenant, PaymentApiTest.Contract c, int stage) {
        return as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + c.milestoneIds().get(stage)
                + "/complete").then().statusCode(201).extract().path("id");
    }

    private static String etag(String tenant, String projectId) {
        return as(tenant).get("/v1/projects/" + projectId).then().statusCode(200).extract().header("ETag");
    }

    private static String number(String tenant, String invoiceId) {
        return as(tenant).get("/v1/invoices/" + invoiceId).then().statusCode(200).extract().path("number");
    }

    /** The number that follows {@code number} in its workspace and year. */
    private static String next(String number) {
        String[] parts = number.split("-");
        return String.format("%s-%04d", parts[0], Integer.parseInt(parts[1]) + 1);
    }

    private static JsonNode event(String type, String subject, Predicate<JsonNode> also) {
        List<JsonNode> found = TopicReader.envelopes("billing.v1", e -> type.equals(e.path("type").asText())
                && subject.equals(e.path("subject").asText()) && also.test(e), 1, Duration.ofSeconds(30));
        assertThat(found).as(type + " about " + subject).hasSize(1);
        return found.get(0).path("data");
    }

    @Test
    void a_voided_deposit_invoice_can_be_issued_again_with_the_next_number() {
        String tenant = "ws-redeposit-" + UUID.randomUUID();
        PaymentApiTest.Contract c = contract(tenant, "1000.00", "40", "40");
        String deposit = "/v1/projects/" + c.projectId() + "/deposit-invoice";
        as(tenant).post(deposit).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("deposit-invoice-exists"));

        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        as(tenant).body("{\"reason\":\"wrong company on it\"}").post("/v1/invoices/" + c.depositInvoiceId() + "/void")
                .then().statusCode(200).body("status", equalTo("VOID"));
        JsonNode voided = event("InvoiceVoided", c.depositInvoiceId(), e -> true);
        assertThat(voided.path("kind").asText()).isEqualTo("DEPOSIT");
        assertThat(voided.path("billableAgain").asText()).isEqualTo("DEPOSIT");
        assertThat(voided.path("milestoneId").isNull()).isTrue();
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("AWAITING_DEPOSIT"));

        String reissued = as(tenant).post(deposit).then().statusCode(201)
                .header("Location", containsString("/v1/invoices/"))
                .body("kind", equalTo("DEPOSIT")).body("status", equalTo("DRAFT"))
                .body("amount.amount", equalTo("200.00"))
                .body("number", equalTo(next(number(tenant, c.depositInvoiceId()))))
                .extract().path("id");
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("status", equalTo("VOID"));
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("depositInvoiceId", equalTo(reissued));
        as(tenant).post(deposit).then().statusCode(409).body("type", containsString("deposit-invoice-exists"));
        assertThat(event("InvoiceIssued", reissued, e -> true).path("kind").asText()).isEqualTo("DEPOSIT");

        sendAndPay(tenant, reissued, "200.00");
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("ACTIVE"));
        as(tenant).post(deposit).then().statusCode(409).body("type", containsString("deposit-paid"));
        as("ws-stranger-" + UUID.randomUUID()).post(deposit).then().statusCode(404);
    }

    @Test
    void a_voided_stage_invoice_makes_the_stage_billable_again_and_numbers_stay_gapless() {
        String tenant = "ws-restage-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "80");
        String first = complete(tenant, c, 0);
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("COMPLETED"));

        as(tenant).body("{}").post("/v1/invoices/" + first + "/void").then().statusCode(200);
        JsonNode voided = event("InvoiceVoided", first, e -> true);
        assertThat(voided.path("kind").asText()).isEqualTo("MILESTONE");
        assertThat(voided.path("billableAgain").asText()).isEqualTo("MILESTONE");
        assertThat(voided.path("milestoneId").asText()).isEqualTo(c.milestoneIds().get(0));
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("ACTIVE"))
                .body("milestones[0].status", equalTo("PENDING")).body("milestones[0].invoiceId", nullValue());

        String second = complete(tenant, c, 0);
        assertThat(second).isNotEqualTo(first);
        as(tenant).get("/v1/invoices/" + second).then().body("amount.amount", equalTo("800.00"))
                .body("number", equalTo(next(number(tenant, first))));
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("COMPLETED"))
                .body("milestones[0].invoiceId", equalTo(second));
        as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + c.milestoneIds().get(0) + "/complete")
                .then().statusCode(409);

        // deposit, the voided stage invoice, its replacement: three numbers, none skipped
        List<String> numbers = as(tenant).get("/v1/invoices?size=10").then().extract().path("items.number");
        assertThat(numbers).hasSize(3);
        String deposit = number(tenant, c.depositInvoiceId());
        assertThat(numbers).containsExactlyInAnyOrder(deposit, next(deposit), next(next(deposit)));
    }

    @Test
    void a_paid_or_part_paid_invoice_still_cannot_be_voided_and_its_stage_stays_billed() {
        String tenant = "ws-novoid-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "40", "40");
        String stage = complete(tenant, c, 0);
        sendAndPay(tenant, stage, "100.00");

        as(tenant).body("{}").post("/v1/invoices/" + stage + "/void").then().statusCode(409);
        as(tenant).body("{}").post("/v1/invoices/" + c.depositInvoiceId() + "/void").then().statusCode(409);
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("milestones[0].status", equalTo("INVOICED"))
                .body("milestones[0].invoiceId", equalTo(stage));
    }

    @Test
    void postponing_moves_the_unfinished_stages_and_completed_ones_keep_their_dates() {
        String tenant = "ws-postpone-" + UUID.randomUUID();
        LocalDate today = LocalDate.now(TestClockProducer.CLOCK.withZone(ZoneOffset.UTC));
        LocalDate design = today.plusDays(30);
        LocalDate build = today.plusDays(60);
        var created = as(tenant).body("{\"clientId\":\"" + AcceptedClients.accepted(tenant) + "\",\"title\":\"Site\","
                        + "\"totalFee\":{\"amount\":\"1000\",\"currency\":\"EUR\"},\"milestones\":["
                        + "{\"name\":\"Design\",\"percent\":\"30\",\"dueDate\":\"" + design + "\"},"
                        + "{\"name\":\"Build\",\"percent\":\"30\",\"dueDate\":\"" + build + "\"},"
                        + "{\"name\":\"Care\",\"percent\":\"20\"}]}")
                .post("/v1/projects").then().statusCode(201).extract();
        PaymentApiTest.Contract c = new PaymentApiTest.Contract(created.path("id"), created.path("depositInvoiceId"),
                created.path("milestones.id"));
        sendAndPay(tenant, c.depositInvoiceId(), "200");
        complete(tenant, c, 0);
        String postponement = "/v1/projects/" + c.projectId() + "/postponement";

        as(tenant).body("{\"shiftDays\":14}").post(postponement).then().statusCode(428);
        as(tenant).header("If-Match", "\"999\"").body("{\"shiftDays\":14}").post(postponement).then().statusCode(412);
        String before = etag(tenant, c.projectId());
        String after = as(tenant).header("If-Match", before).body("{\"shiftDays\":14}").post(postponement).then()
                .statusCode(200)
                .body("milestones.dueDate", contains(design.toString(), build.plusDays(14).toString(), null))
                .body("milestones.status", contains("INVOICED", "PENDING", "PENDING"))
                .header("ETag", not(equalTo(before)))
                .extract().header("ETag");
        assertThat(after).isEqualTo(etag(tenant, c.projectId()));
        JsonNode postponed = event("ProjectPostponed", c.projectId(), e -> e.path("data").path("shiftedByDays").asInt() == 14);
        assertThat(postponed.path("milestones")).hasSize(1);
        assertThat(postponed.path("milestones").get(0).path("milestoneId").asText()).isEqualTo(c.milestoneIds().get(1));
        assertThat(postponed.path("milestones").get(0).path("previousDueDate").asText()).isEqualTo(build.toString());
        assertThat(postponed.path("milestones").get(0).path("dueDate").asText()).isEqualTo(build.plusDays(14).toString());

        String care = today.plusDays(120).toString();
        as(tenant).header("If-Match", after).body("{\"milestones\":[{\"milestoneId\":\"" + c.milestoneIds().get(0)
                + "\",\"dueDate\":\"" + care + "\"}]}").post(postponement).then().statusCode(409)
                .body("type", containsString("milestone-already-completed"));
        as(tenant).header("If-Match", after).body("{\"milestones\":[{\"milestoneId\":\"" + UUID.randomUUID()
                + "\",\"dueDate\":\"" + care + "\"}]}").post(postponement).then().statusCode(400)
                .body("errors[0].field", equalTo("milestones[0].milestoneId"));
        as(tenant).header("If-Match", after).body("{\"milestones\":[{\"milestoneId\":\"" + c.milestoneIds().get(2)
                + "\",\"dueDate\":\"" + today.minusDays(1) + "\"}]}").post(postponement).then().statusCode(400)
                .body("errors[0].field", equalTo("milestones[0].dueDate"));
        as(tenant).header("If-Match", after).body("{\"shiftDays\":3,\"milestones\":[{\"milestoneId\":\""
                + c.milestoneIds().get(2) + "\",\"dueDate\":\"" + care + "\"}]}").post(postponement).then()
                .statusCode(400).body("errors[0].field", equalTo("shiftDays"));
        as(tenant).header("If-Match", after).body("{\"shiftDays\":0}").post(postponement).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("shiftDays"));

        as(tenant).header("If-Match", after).body("{\"milestones\":[{\"milestoneId\":\"" + c.milestoneIds().get(2)
                + "\",\"dueDate\":\"" + care + "\"}]}").post(postponement).then().statusCode(200)
                .body("milestones.dueDate", contains(design.toString(), build.plusDays(14).toString(), care));
        JsonNode perStage = event("ProjectPostponed", c.projectId(), e -> e.path("data").path("shiftedByDays").isNull());
        assertThat(perStage.path("milestones").get(0).path("previousDueDate").isNull()).isTrue();
        assertThat(perStage.path("milestones").get(0).path("dueDate").asText()).isEqualTo(care);
        as("ws-stranger-" + UUID.randomUUID()).header("If-Match", "*").body("{\"shiftDays\":1}").post(postponement)
                .then().statusCode(404);
    }

    @Test
    void a_new_fee_is_split_among_new_stages_to_the_cent_and_what_is_invoiced_stays() {
        String tenant = "ws-change-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "40", "40");
        String stage = complete(tenant, c, 0);
        sendAndPay(tenant, stage, "400.00");
        String changes = "/v1/projects/" + c.projectId() + "/changes";
        String change = "{\"totalFee\":{\"amount\":\"1100.01\",\"currency\":\"EUR\"},\"milestones\":["
                + "{\"name\":\"Design\",\"percent\":\"33.33\"},{\"name\":\"Build\",\"percent\":\"33.33\"},"
                + "{\"name\":\"Launch\",\"percent\":\"33.34\"}]}";

        as(tenant).body(change).post(changes).then().statusCode(428);
        String key = UUID.randomUUID().toString();
        String before = etag(tenant, c.projectId());
        for (int attempt = 0; attempt < 2; attempt++) {
            // 1100.01 - 200.00 deposit - 400.00 paid stage = 500.01: 166.65 each, the spare cent to the last.
            as(tenant).header("If-Match", before).header("Idempotency-Key", key).body(change).post(changes).then()
                    .statusCode(200)
                    .body("totalFee.amount", equalTo("1100.01"))
                    .body("deposit.amount", equalTo("200.00"))
                    .body("depositPercent", equalTo(18.18f))
                    .body("milestones.name", contains("Stage 1", "Design", "Build", "Launch"))
                    .body("milestones.amount.amount", contains("400.00", "166.65", "166.65", "166.71"))
                    .body("milestones.status", contains("INVOICED", "PENDING", "PENDING", "PENDING"))
                    .body("milestones[0].invoiceId", equalTo(stage));
        }
        as(tenant).get("/v1/invoices/" + stage).then().body("status", equalTo("PAID"))
                .body("amount.amount", equalTo("400.00"));
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("amount.amount", equalTo("200.00"));

        List<com.fasterxml.jackson.databind.JsonNode> changed = TopicReader.envelopes("billing.v1",
                e -> "ProjectChanged".equals(e.path("type").asText()) && c.projectId().equals(e.path("subject").asText()),
                2, Duration.ofSeconds(5));
        assertThat(changed).as("one change for two idempotent requests").hasSize(1);
        JsonNode data = changed.get(0).path("data");
        assertThat(data.path("previousFee").path("amount").asText()).isEqualTo("1000.00");
        assertThat(data.path("totalFee").path("amount").asText()).isEqualTo("1100.01");
        assertThat(data.path("deposit").path("amount").asText()).isEqualTo("200.00");
        assertThat(data.path("milestones").findValuesAsText("status"))
                .containsExactly("INVOICED", "PENDING", "PENDING", "PENDING");
        assertThat(data.path("milestones").findValues("amount").stream().map(a -> a.path("amount").asText()))
                .containsExactly("400.00", "166.65", "166.65", "166.71");

        String launch = as(tenant).get("/v1/projects/" + c.projectId()).then().extract().path("milestones[3].id");
        as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + launch + "/complete").then()
                .statusCode(201).body("amount.amount", equalTo("166.71"));
    }

    @Test
    void a_fee_below_what_is_invoiced_and_bad_changes_are_refused_naming_the_field() {
        String tenant = "ws-change-bad-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "40", "40");
        complete(tenant, c, 0);
        String changes = "/v1/projects/" + c.projectId() + "/changes";
        String etag = etag(tenant, c.projectId());

        as(tenant).header("If-Match", etag).body("{\"totalFee\":{\"amount\":\"600.00\",\"currency\":\"EUR\"}}")
                .post(changes).then().statusCode(422).contentType("application/problem+json")
                .body("type", containsString("fee-below-invoiced"))
                .body("errors[0].field", equalTo("totalFee.amount"))
                .body("detail", containsString("600.00"));
        as(tenant).header("If-Match", etag).body("{\"totalFee\":{\"amount\":\"2000.00\",\"currency\":\"USD\"}}")
                .post(changes).then().statusCode(400).body("errors[0].field", equalTo("totalFee.currency"));
        as(tenant).header("If-Match", etag).body("{\"milestones\":[{\"name\":\"A\",\"percent\":\"50\"}]}")
                .post(changes).then().statusCode(400).body("errors[0].field", equalTo("milestones"))
                .body("detail", containsString("total exactly 100%"));
        as(tenant).header("If-Match", etag).body("{}").post(changes).then().statusCode(400)
                .body("errors[0].field", equalTo("totalFee"));
        as(tenant).get("/v1/projects/" + c.projectId()).then().header("ETag", equalTo(etag))
                .body("totalFee.amount", equalTo("1000.00"))
                .body("milestones.amount.amount", contains("400.00", "400.00"));
    }

    @Test
    void a_fee_alone_re_splits_the_remaining_stages_and_the_drafted_deposit_stays() {
        String tenant = "ws-change-fee-" + UUID.randomUUID();
        PaymentApiTest.Contract c = contract(tenant, "1000.00", "30", "50");

        // 1500.00 - 200.00 deposit = 1300.00 in the proportion 300:500.
        as(tenant).header("If-Match", etag(tenant, c.projectId()))
                .body("{\"totalFee\":{\"amount\":\"1500.00\",\"currency\":\"EUR\"}}")
                .post("/v1/projects/" + c.projectId() + "/changes").then().statusCode(200)
                .body("status", equalTo("AWAITING_DEPOSIT"))
                .body("milestones.id", equalTo(c.milestoneIds()))
                .body("milestones.amount.amount", contains("487.50", "812.50"))
                .body("deposit.amount", equalTo("200.00"));
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("amount.amount", equalTo("200.00"));
    }

    @Test
    void a_completed_project_can_be_neither_postponed_nor_changed() {
        String tenant = "ws-change-closed-" + UUID.randomUUID();
        PaymentApiTest.Contract c = activeContract(tenant, "80");
        complete(tenant, c, 0);
        String etag = etag(tenant, c.projectId());

        as(tenant).header("If-Match", etag).body("{\"shiftDays\":7}")
                .post("/v1/projects/" + c.projectId() + "/postponement").then().statusCode(409)
                .body("type", containsString("illegal-project-state"));
        as(tenant).header("If-Match", etag).body("{\"totalFee\":{\"amount\":\"2000.00\",\"currency\":\"EUR\"}}")
                .post("/v1/projects/" + c.projectId() + "/changes").then().statusCode(409)
                .body("type", containsString("illegal-project-state"));
    }
}
