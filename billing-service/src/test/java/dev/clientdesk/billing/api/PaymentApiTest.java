package dev.clientdesk.billing.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.billing.service.InvoiceService;
import dev.clientdesk.kit.testing.Concurrently;
import dev.clientdesk.kit.testing.RowLock;
import dev.clientdesk.kit.testing.TopicReader;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.billing.api.BillingApiTest.project;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PaymentApiTest {

    private static final int PAYMENTS = 50;

    @Inject
    InvoiceService invoices;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void now() {
        TestClockProducer.CLOCK.resume();
    }

    static String pay(String tenant, String invoiceId, String amount, String currency, int status) {
        return as(tenant).body("{\"amount\":{\"amount\":\"" + amount + "\",\"currency\":\"" + currency + "\"}}")
                .post("/v1/invoices/" + invoiceId + "/payments").then().statusCode(status)
                .extract().asString();
    }

    record Contract(String projectId, String depositInvoiceId, List<String> milestoneIds) {
    }

    static Contract contract(String tenant, String fee, String... milestonePercents) {
        var response = as(tenant).body(project(AcceptedClients.accepted(tenant), fee, "EUR", "20", milestonePercents))
                .post("/v1/projects").then().statusCode(201).extract();
        return new Contract(response.path("id"), response.path("depositInvoiceId"), response.path("milestones.id"));
    }

    @Test
    void the_deposit_gates_the_work_and_its_payment_activates_the_project() {
        String tenant = "ws-gate-" + UUID.randomUUID();
        Contract c = contract(tenant, "1000.00", "40", "40");

        as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + c.milestoneIds().get(0) + "/complete")
                .then().statusCode(409).body("type", containsString("deposit-not-paid"))
                .body("detail", containsString("deposit"));
        pay(tenant, c.depositInvoiceId(), "200", "EUR", 409);
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        pay(tenant, c.depositInvoiceId(), "150", "EUR", 201);
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("AWAITING_DEPOSIT"));
        pay(tenant, c.depositInvoiceId(), "50", "EUR", 201);
        as(tenant).get("/v1/projects/" + c.projectId()).then().body("status", equalTo("ACTIVE"));
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("status", equalTo("PAID"));

        as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + c.milestoneIds().get(0) + "/complete")
                .then().statusCode(201).body("kind", equalTo("MILESTONE")).body("amount.amount", equalTo("400.00"));
        as(tenant).post("/v1/projects/" + c.projectId() + "/milestones/" + c.milestoneIds().get(0) + "/complete")
                .then().statusCode(409);

        List<String> types = TopicReader.envelopes("billing.v1", e -> e.path("data").path("projectId").asText()
                        .equals(c.projectId()) && e.path("type").asText().matches("DepositPaid|InvoicePaid|PaymentReceived"),
                4, Duration.ofSeconds(30)).stream().map(e -> e.path("type").asText()).toList();
        assertThat(types).containsExactly("PaymentReceived", "PaymentReceived", "InvoicePaid", "DepositPaid");
    }

    @Test
    void overpayment_and_another_currency_are_refused_with_a_clear_problem() {
        String tenant = "ws-over-" + UUID.randomUUID();
        Contract c = contract(tenant, "1000.00", "80");
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        assertThat(pay(tenant, c.depositInvoiceId(), "200.01", "EUR", 422)).contains("overpayment", "200.00");
        assertThat(pay(tenant, c.depositInvoiceId(), "100", "USD", 422)).contains("currency-mismatch");
        assertThat(pay(tenant, c.depositInvoiceId(), "-5", "EUR", 400)).contains("amount");
        as(tenant).body("{\"amount\":{\"amount\":\"5\",\"currency\":\"EUR\"},\"receivedAt\":\"2999-01-01T00:00:00Z\"}")
                .post("/v1/invoices/" + c.depositInvoiceId() + "/payments").then().statusCode(400)
                .body("errors[0].field", equalTo("receivedAt"));
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("paid.amount", equalTo("0.00"));
    }

    @Test
    void fifty_concurrent_payments_never_collect_more_than_the_invoice() {
        String tenant = "ws-race-" + UUID.randomUUID();
        Contract c = contract(tenant, "1000.00", "80");
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);

        List<Callable<Integer>> payments = new ArrayList<>();
        for (int i = 0; i < PAYMENTS; i++) {
            payments.add(() -> as(tenant).body("{\"amount\":{\"amount\":\"7.00\",\"currency\":\"EUR\"}}")
                    .post("/v1/invoices/" + c.depositInvoiceId() + "/payments").statusCode());
        }
        // The invoice row is held until every payment waits for it, or for a connection to wait with (the pool
        // is smaller than fifty), so they all race on every run.
        boolean poolMetrics = dataSource.getConfiguration().metricsEnabled();
        dataSource.getConfiguration().setMetricsEnabled(true);
        List<Integer> statuses;
        long waitingForTheRow;
        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM invoice WHERE id = ? FOR UPDATE",
                UUID.fromString(c.depositInvoiceId()))) {
            Concurrently.Running<Integer> running = Concurrently.start(PAYMENTS, payments);
            await("every payment waits for the invoice row or for a connection").atMost(Duration.ofSeconds(30))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> lock.waiters() + dataSource.getMetrics().awaitingCount() + running.done() >= PAYMENTS);
            waitingForTheRow = lock.waiters();
            assertThat(running.done()).as("payments answered while the invoice row was held").isZero();
            lock.close();
            statuses = running.results();
        } finally {
            dataSource.getConfiguration().setMetricsEnabled(poolMetrics);
        }
        assertThat(waitingForTheRow).as("payments waiting for the invoice row at once").isGreaterThan(1);
        assertThat(statuses).as("statuses").hasSize(PAYMENTS).allMatch(s -> s == 201 || s == 422);
        // 200.00 / 7.00 = 28 payments fit; the 29th would over-collect.
        assertThat(statuses.stream().filter(s -> s == 201).count()).as("payments accepted").isEqualTo(28);
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then()
                .body("paid.amount", equalTo("196.00")).body("status", equalTo("PARTIALLY_PAID"));
        System.out.printf("RELIABILITY payments-race payments=%d waitingForTheRow=%d accepted=28 collected=196.00%n",
                PAYMENTS, waitingForTheRow);
    }

    @Test
    void an_idempotent_payment_retry_is_recorded_once() {
        String tenant = "ws-idem-pay-" + UUID.randomUUID();
        Contract c = contract(tenant, "1000.00", "80");
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 3; i++) {
            as(tenant).header("Idempotency-Key", key).body("{\"amount\":{\"amount\":\"20\",\"currency\":\"EUR\"}}")
                    .post("/v1/invoices/" + c.depositInvoiceId() + "/payments").then().statusCode(201);
        }
        as(tenant).get("/v1/invoices/" + c.depositInvoiceId()).then().body("paid.amount", equalTo("20.00"));
    }

    @Test
    void a_sent_invoice_past_due_is_reported_overdue_once() {
        String tenant = "ws-overdue-" + UUID.randomUUID();
        Contract c = contract(tenant, "500.00", "80");
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        as(tenant).get("/v1/invoices?overdue=true").then().body("items.size()", equalTo(0));

        TestClockProducer.CLOCK.advance(Duration.ofDays(15));
        invoices.markOverdue(500);
        invoices.markOverdue(500);
        as(tenant).get("/v1/invoices?overdue=true").then().body("items.size()", equalTo(1))
                .body("items[0].id", equalTo(c.depositInvoiceId()));

        List<JsonNode> overdue = TopicReader.readUntil("billing.v1", Duration.ofSeconds(5), r -> false).stream()
                .map(TopicReader::json)
                .filter(e -> "InvoiceOverdue".equals(e.path("type").asText())
                        && c.depositInvoiceId().equals(e.path("subject").asText()))
                .toList();
        assertThat(overdue).hasSize(1);
        assertThat(overdue.get(0).path("data").path("outstanding").path("amount").asText()).isEqualTo("100.00");
    }
}
