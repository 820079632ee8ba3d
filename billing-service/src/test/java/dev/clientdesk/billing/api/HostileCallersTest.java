package dev.clientdesk.billing.api;

import dev.clientdesk.kit.testing.AccessChecks;
import dev.clientdesk.kit.testing.ApiFuzzer;
import dev.clientdesk.kit.testing.ApiOperations;
import dev.clientdesk.kit.testing.ApiOperations.Operation;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.billing.api.BillingApiTest.as;
import static dev.clientdesk.billing.api.BillingApiTest.project;
import static org.assertj.core.api.Assertions.assertThat;

/** Every documented operation against bad input, bad tokens and another workspace's ids. */
@QuarkusTest
class HostileCallersTest {

    private static PathValues idsOf(String tenant) {
        String client = UUID.randomUUID().toString();
        var contracted = as(tenant).body(project(UUID.fromString(client), "1000.00", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract();
        String project = contracted.path("id");
        String invoice = contracted.path("depositInvoiceId");
        String milestone = contracted.<List<String>>path("milestones.id").get(0);
        return (path, parameter) -> switch (parameter) {
            case "clientId" -> client;
            case "milestoneId" -> milestone;
            case "id" -> path.startsWith("/v1/invoices") ? invoice : project;
            default -> null;
        };
    }

    @Test
    void fuzzing_every_operation_gets_no_5xx_and_only_problem_json_errors() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        ApiFuzzer.Report report = ApiFuzzer.fuzz(operations, idsOf("ws-fuzz"), TestTokens.bearer("ws-fuzz"));

        System.out.printf("RELIABILITY fuzz billing-service operations=%d requests=%d 5xx=%d nonProblem4xx=%d%n",
                operations.size(), report.requests(), report.serverErrors(),
                report.failures().size() - report.serverErrors());
        assertThat(operations).hasSizeGreaterThan(12);
        assertThat(report.failures()).isEmpty();
    }

    @Test
    void an_oversized_body_is_refused_before_it_is_read() {
        assertThat(ApiFuzzer.oversizedBodiesNotRefusedEarly(ApiOperations.fromServedDocument(),
                (path, parameter) -> null, TestTokens.bearer("ws-fuzz"))).isEmpty();
    }

    @Test
    void without_a_valid_token_every_operation_answers_401() {
        assertThat(AccessChecks.unauthenticatedCallsThatGotThrough(ApiOperations.fromServedDocument(),
                (path, parameter) -> null)).isEmpty();
    }

    @Test
    void another_workspace_finds_none_of_your_ids_and_changes_nothing() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        PathValues ownerIds = idsOf("ws-owner");
        Map<String, String> before = AccessChecks.ownerView(operations, ownerIds, "ws-owner");

        List<String> failures = AccessChecks.strangerCallsNotFound404(operations, ownerIds, "ws-stranger");

        assertThat(failures).isEmpty();
        assertThat(before).isNotEmpty().allSatisfy((path, answer) -> assertThat(answer).startsWith("200"));
        assertThat(AccessChecks.ownerView(operations, ownerIds, "ws-owner")).isEqualTo(before);
    }
}
