package dev.clientdesk.billing.reliability;

import dev.clientdesk.billing.domain.Ending;
import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.billing.service.SettlementService;
import dev.clientdesk.kit.testing.Concurrently;
import dev.clientdesk.kit.testing.RowLock;
import dev.clientdesk.kit.testing.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Offboarding settles a client's projects while stages of the same projects are being completed. Both take
 * project rows, invoice rows and the invoice counter; in different orders they deadlock (PostgreSQL 40P01
 * aborts one of them). The test holds the second project's invoices from outside so that settlement is
 * mid-way (first project settled and billed) when the completion of a stage of the second project arrives:
 * the moment where the two used to take the same locks the other way round.
 */
@QuarkusTest
class SettlementLockOrderTest {

    private static final int ROUNDS = 3;
    private static final Ending CLIENT_ENDS = new Ending(Ending.EndedBy.CLIENT, true, null);

    @Inject
    DataSource dataSource;

    @Inject
    SettlementService settlements;

    record Contracted(String projectId, String milestoneId) {
    }

    /**
     * An ACTIVE project (deposit paid) whose settlement bills a final invoice when the client ends it: 50%
     * cancellation fee.
     */
    static Contracted activeProject(String tenant, UUID clientId) {
        var contracted = as(tenant).body("{\"clientId\":\"" + clientId + "\",\"title\":\"Site\","
                        + "\"totalFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"depositPercent\":20,"
                        + "\"cancellationFeePercent\":50,\"milestones\":[{\"name\":\"A\",\"percent\":\"40\"},"
                        + "{\"name\":\"B\",\"percent\":\"40\"}]}")
                .post("/v1/projects").then().statusCode(201).extract();
        String deposit = contracted.path("depositInvoiceId");
        as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
        as(tenant).body("{\"amount\":{\"amount\":\"200.00\",\"currency\":\"EUR\"}}")
                .post("/v1/invoices/" + deposit + "/payments").then().statusCode(201);
        return new Contracted(contracted.path("id"), contracted.<List<String>>path("milestones.id").get(0));
    }

    @Test
    void settling_on_offboarding_while_stages_are_completed_neither_deadlocks_nor_leaves_gaps() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-settle-race-" + UUID.randomUUID();
        for (int round = 0; round < ROUNDS; round++) {
            UUID clientId = AcceptedClients.accepted(tenant);
            Contracted first = activeProject(tenant, clientId);
            Contracted second = activeProject(tenant, clientId);

            Response completion;
            List<SettlementService.Settlement> settled;
            try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM invoice WHERE project_id = ? FOR UPDATE",
                    UUID.fromString(second.projectId()))) {
                List<Callable<Object>> settle = List.of(() -> QuarkusTransaction.requiringNew()
                        .call(() -> settlements.settleClient(tenant, clientId, CLIENT_ENDS)));
                var settling = Concurrently.start(1, settle);
                await().atMost(Duration.ofSeconds(10)).until(() -> lock.waiters() >= 1);
                var completing = Concurrently.start(1, List.<Callable<Object>>of(() -> as(tenant)
                        .post("/v1/projects/" + second.projectId() + "/milestones/" + second.milestoneId()
                                + "/complete")));
                await().atMost(Duration.ofSeconds(10)).until(() -> lock.waiters() >= 2);
                lock.close();
                @SuppressWarnings("unchecked")
                List<SettlementService.Settlement> result = (List<SettlementService.Settlement>) settling.results()
                        .get(0);
                settled = result;
                completion = (Response) completing.results().get(0);
            }

            assertThat(settled).as("round %d: both projects settled", round).hasSize(2)
                    .allSatisfy(s -> assertThat(s.finalInvoice()).isNotNull());
            assertThat(completion.statusCode()).as("round %d: %s", round, completion.asString()).isEqualTo(409);
            assertThat(completion.jsonPath().getString("type")).endsWith("illegal-project-state");
            as(tenant).get("/v1/projects/" + first.projectId()).then().statusCode(200);
        }

        List<String> numbers = as(tenant).get("/v1/invoices?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.number", String.class);
        int expected = ROUNDS * 4; // per round: two deposits, two final invoices
        String year = numbers.get(0).substring(0, 4);
        assertThat(numbers).as("gapless numbering").containsExactlyInAnyOrderElementsOf(IntStream
                .rangeClosed(1, expected).mapToObj(n -> String.format("%s-%04d", year, n)).toList());
    }
}
