package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Every Location a POST answers can be followed: payments, time entries and revisions read back as they were
 * answered, in their workspace only, and are listed, paged, under their invoice or project; so are refunds.
 */
@QuarkusTest
class RecordsApiTest {

    private static final String STRANGER = "ws-records-stranger";

    record Active(String projectId, String depositInvoiceId, UUID clientId) {
    }

    @BeforeEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    /** A project whose deposit (200.00 of 1000.00) is sent; paid in full when {@code paid}. */
    static Active project(String tenant, boolean paid) {
        UUID client = AcceptedClients.accepted(tenant);
        var contracted = as(tenant).body("{\"clientId\":\"" + client + "\",\"title\":\"Logo\","
                        + "\"totalFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"depositPercent\":20,"
                        + "\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}],\"includedRevisions\":1,"
                        + "\"revisionFee\":{\"amount\":\"75.00\",\"currency\":\"EUR\"}}")
                .post("/v1/projects").then().statusCode(201).extract();
        Active active = new Active(contracted.path("id"), contracted.path("depositInvoiceId"), client);
        as(tenant).post("/v1/invoices/" + active.depositInvoiceId() + "/send").then().statusCode(200);
        if (paid) {
            PaymentApiTest.pay(tenant, active.depositInvoiceId(), "200.00", "EUR", 201);
        }
        return active;
    }

    /** Follows the Location of a 201 and expects the same resource. */
    private static Map<String, Object> followed(String tenant, Response created) {
        assertThat(created.statusCode()).as(created.asString()).isEqualTo(201);
        String location = created.header("Location");
        assertThat(location).as("Location").isNotNull();
        Map<String, Object> answered = created.jsonPath().getMap("");
        Map<String, Object> read = as(tenant).get(location).then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(read).as("GET " + location).isEqualTo(answered);
        as(STRANGER).get(location).then().statusCode(404).contentType("application/problem+json");
        return read;
    }

    @Test
    void a_payment_reads_back_from_its_location_and_the_invoice_lists_its_payments_in_pages() {
        String tenant = "ws-records-pay-" + UUID.randomUUID();
        Active p = project(tenant, false);
        String payments = "/v1/invoices/" + p.depositInvoiceId() + "/payments";
        Map<String, Object> first = followed(tenant, as(tenant).body("{\"amount\":{\"amount\":\"50.00\","
                + "\"currency\":\"EUR\"},\"receivedAt\":\"2026-11-20T14:05:00Z\",\"reference\":\"bank transfer\"}")
                .post(payments));
        assertThat(first).containsEntry("reference", "bank transfer").containsEntry("receivedAt", "2026-11-20T14:05:00Z");
        Map<String, Object> second = followed(tenant, as(tenant)
                .body("{\"amount\":{\"amount\":\"150.00\",\"currency\":\"EUR\"}}").post(payments));

        as(tenant).get(payments + "?size=1").then().statusCode(200).body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(first.get("id"))).body("hasMore", equalTo(true));
        as(tenant).get(payments + "?size=1&page=1&includeTotal=true").then().statusCode(200)
                .body("items[0].id", equalTo(second.get("id"))).body("items[0].invoice.status", equalTo("PAID"))
                .body("hasMore", equalTo(false)).body("total", equalTo(2));
        as(STRANGER).get(payments).then().statusCode(404);
        as(tenant).get("/v1/invoices/" + UUID.randomUUID() + "/payments/" + first.get("id")).then().statusCode(404);
    }

    @Test
    void a_time_entry_reads_back_from_its_location_and_the_project_lists_its_time() {
        String tenant = "ws-records-time-" + UUID.randomUUID();
        Active p = project(tenant, true);
        String entries = "/v1/projects/" + p.projectId() + "/time-entries";
        Map<String, Object> older = followed(tenant, as(tenant)
                .body("{\"minutes\":90,\"kind\":\"COMMUNICATION\",\"date\":\"2026-11-02\",\"note\":\"call\"}")
                .post(entries));
        Map<String, Object> today = followed(tenant, as(tenant).body("{\"minutes\":30,\"kind\":\"WORK\"}")
                .post(entries));
        assertThat(older).containsEntry("note", "call").containsEntry("minutes", 90);

        as(tenant).get(entries).then().statusCode(200).body("items.id", equalTo(List.of(today.get("id"), older.get("id"))))
                .body("hasMore", equalTo(false));
        as(STRANGER).get(entries).then().statusCode(404);
    }

    @Test
    void a_revision_reads_back_from_its_location_with_the_invoice_that_billed_it() {
        String tenant = "ws-records-rev-" + UUID.randomUUID();
        Active p = project(tenant, true);
        String revisions = "/v1/projects/" + p.projectId() + "/revisions";
        Map<String, Object> included = followed(tenant, as(tenant).body("{\"note\":\"darker\"}").post(revisions));
        as(tenant).get(revisions).then().statusCode(200).body("items.id", equalTo(List.of(included.get("id"))));
        Map<String, Object> billed = followed(tenant, as(tenant).body("{\"note\":\"lighter\"}").post(revisions));
        assertThat(included).containsEntry("number", 1).containsEntry("billable", false).containsEntry("invoice", null);
        assertThat(billed).containsEntry("number", 2).containsEntry("billable", true).containsEntry("note", "lighter");

        as(tenant).get(revisions).then().statusCode(200).body("items.number", equalTo(List.of(1, 2)))
                .body("items[1].invoice.kind", equalTo("REVISION"))
                .body("items[1].invoice.amount.amount", equalTo("75.00"));
        as(STRANGER).get(revisions).then().statusCode(404);
    }

    @Test
    void a_refund_issued_on_offboarding_is_listed_under_its_project_and_read_by_its_id() {
        String tenant = "ws-records-refund-" + UUID.randomUUID();
        Active p = project(tenant, true);
        AcceptedClients.announce(tenant, p.clientId(), "ClientOffboarded");
        String refundId = TopicReader.envelopes("billing.v1", e -> "RefundIssued".equals(e.path("type").asText())
                        && p.projectId().equals(e.path("subject").asText()), 1, Duration.ofSeconds(30))
                .get(0).path("data").path("refundId").asText();

        String refunds = "/v1/projects/" + p.projectId() + "/refunds";
        Map<String, Object> listed = as(tenant).get(refunds).then().statusCode(200).body("items.size()", equalTo(1))
                .extract().jsonPath().getMap("items[0]");
        assertThat(listed).containsEntry("id", refundId).containsEntry("projectId", p.projectId());
        assertThat(as(tenant).get(refunds + "/" + refundId).then().statusCode(200).extract().jsonPath().getMap(""))
                .isEqualTo(listed);
        as(STRANGER).get(refunds + "/" + refundId).then().statusCode(404);
        as(STRANGER).get(refunds).then().statusCode(404);
    }
}
