package dev.clientdesk.client.api;

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

import static dev.clientdesk.client.api.ClientApiTest.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;
import static org.assertj.core.api.Assertions.assertThat;

/** Every documented operation against bad input, bad tokens and another workspace's ids. */
@QuarkusTest
class HostileCallersTest {

    private static PathValues idsOf(String tenant) {
        String client = as(tenant).body(lead("Nino Beridze", tenant + "@example.ge", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        String partner = as(tenant).body("{\"name\":\"Giorgi\",\"email\":\"g@example.ge\"}").post("/v1/partners")
                .then().statusCode(201).extract().path("id");
        as(tenant).body("{\"kind\":\"INCIDENT\",\"text\":\"Called at midnight\"}")
                .post("/v1/clients/" + client + "/notes").then().statusCode(201);
        return (path, parameter) -> path.startsWith("/v1/partners") ? partner
                : parameter.equals("id") ? client : null;
    }

    @Test
    void fuzzing_every_operation_gets_no_5xx_and_only_problem_json_errors() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        ApiFuzzer.Report report = ApiFuzzer.fuzz(operations, idsOf("ws-fuzz"), TestTokens.bearer("ws-fuzz"));

        System.out.printf("RELIABILITY fuzz client-service operations=%d requests=%d 5xx=%d nonProblem4xx=%d%n",
                operations.size(), report.requests(), report.serverErrors(),
                report.failures().size() - report.serverErrors());
        assertThat(operations).hasSizeGreaterThan(20);
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
