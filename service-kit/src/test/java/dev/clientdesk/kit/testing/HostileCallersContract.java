package dev.clientdesk.kit.testing;

import dev.clientdesk.kit.testing.ApiOperations.Operation;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every documented operation of a service against bad input, bad tokens and another workspace's ids. A
 * service's test extends it (as a {@code @QuarkusTest}) and says how to create the ids its paths take.
 */
public abstract class HostileCallersContract {

    /** Creates, as {@code tenant}, one of each resource the service's paths name, and maps the paths to them. */
    protected abstract PathValues idsOf(String tenant);

    protected abstract String serviceName();

    @Test
    void fuzzing_every_operation_gets_no_5xx_and_only_problem_json_errors() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        ApiFuzzer.Report report = ApiFuzzer.fuzz(operations, idsOf("ws-fuzz"), TestTokens.bearer("ws-fuzz"));

        System.out.printf("RELIABILITY fuzz %s operations=%d requests=%d 5xx=%d nonProblem4xx=%d%n", serviceName(),
                operations.size(), report.requests(), report.serverErrors(),
                report.failures().size() - report.serverErrors());
        assertThat(operations).hasSizeGreaterThan(10);
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
    void a_workspace_token_is_refused_403_by_every_operator_operation() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        assertThat(operations).anyMatch(Operation::forOperators);
        assertThat(AccessChecks.workspaceCallsToOperatorOperationsNot403(operations, (path, parameter) -> null,
                "ws-owner")).isEmpty();
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
