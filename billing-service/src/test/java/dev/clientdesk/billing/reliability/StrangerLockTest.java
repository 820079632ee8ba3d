package dev.clientdesk.billing.reliability;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.RowLock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * While the owner's invoice or project row is locked by a long transaction, another workspace's write on
 * that id is a 404 at once: the workspace is checked by the locking query, so the stranger never queues
 * behind (or takes) a lock on someone else's row.
 */
@QuarkusTest
class StrangerLockTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Inject
    DataSource dataSource;

    @Test
    void a_strangers_writes_on_a_locked_invoice_or_project_answer_404_without_waiting() {
        String owner = "ws-lock-owner-" + UUID.randomUUID();
        String stranger = "ws-lock-stranger-" + UUID.randomUUID();
        var contracted = as(owner).body(InvoiceNumberingConcurrencyTest.contract(AcceptedClients.accepted(owner)))
                .post("/v1/projects").then().statusCode(201).extract();
        String projectId = contracted.path("id");
        String invoiceId = contracted.path("depositInvoiceId");
        String milestoneId = contracted.<List<String>>path("milestones.id").get(0);

        Map<String, Supplier<Response>> onInvoice = Map.of(
                "send", () -> as(stranger).post("/v1/invoices/" + invoiceId + "/send"),
                "void", () -> as(stranger).body("{}").post("/v1/invoices/" + invoiceId + "/void"),
                "pay", () -> as(stranger).body("{\"amount\":{\"amount\":\"1.00\",\"currency\":\"EUR\"}}")
                        .post("/v1/invoices/" + invoiceId + "/payments"));
        Map<String, Supplier<Response>> onProject = Map.of(
                "complete", () -> as(stranger)
                        .post("/v1/projects/" + projectId + "/milestones/" + milestoneId + "/complete"),
                "revision", () -> as(stranger).body("{}").post("/v1/projects/" + projectId + "/revisions"),
                "deposit invoice", () -> as(stranger).post("/v1/projects/" + projectId + "/deposit-invoice"),
                "postponement", () -> as(stranger).header("If-Match", "*").body("{\"shiftDays\":7}")
                        .post("/v1/projects/" + projectId + "/postponement"),
                "change", () -> as(stranger).header("If-Match", "*")
                        .body("{\"totalFee\":{\"amount\":\"2000.00\",\"currency\":\"EUR\"}}")
                        .post("/v1/projects/" + projectId + "/changes"));

        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM invoice WHERE id = ? FOR UPDATE",
                UUID.fromString(invoiceId))) {
            onInvoice.forEach((what, call) -> assertThat(lock.answerWithin(PROMPTLY, call).statusCode())
                    .as(what).isEqualTo(404));
        }
        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM project WHERE id = ? FOR UPDATE",
                UUID.fromString(projectId))) {
            onProject.forEach((what, call) -> assertThat(lock.answerWithin(PROMPTLY, call).statusCode())
                    .as(what).isEqualTo(404));
        }
        as(owner).get("/v1/invoices/" + invoiceId).then().statusCode(200).body("status",
                org.hamcrest.Matchers.equalTo("DRAFT"));
    }
}
