package dev.clientdesk.followup.api;

import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.testing.AccessChecks;
import dev.clientdesk.kit.testing.ApiFuzzer;
import dev.clientdesk.kit.testing.ApiOperations;
import dev.clientdesk.kit.testing.ApiOperations.Operation;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.followup.api.SilenceTest.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Every documented operation against bad input, bad tokens and another workspace's ids. */
@QuarkusTest
class HostileCallersTest {

    @Inject
    SilenceScanner scanner;

    /** A conversation silent for 30 days, scanned, so it has a follow-up draft. */
    private PathValues idsOf(String tenant) {
        String client = UUID.randomUUID().toString();
        String conversation = as(tenant).body("{\"clientId\":\"" + client + "\",\"subject\":\"Invoice talk\","
                        + "\"lastWrittenAt\":\"" + Instant.now().minus(30, ChronoUnit.DAYS) + "\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
        scanner.scan();
        String followUp = as(tenant).queryParam("clientId", client).get("/v1/followups")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(followUp).isNotNull();
        return (path, parameter) -> parameter.equals("clientId") ? client
                : path.startsWith("/v1/followups") ? followUp : conversation;
    }

    @Test
    void fuzzing_every_operation_gets_no_5xx_and_only_problem_json_errors() {
        List<Operation> operations = ApiOperations.fromServedDocument();
        ApiFuzzer.Report report = ApiFuzzer.fuzz(operations, idsOf("ws-fuzz"), TestTokens.bearer("ws-fuzz"));

        System.out.printf("RELIABILITY fuzz followup-service operations=%d requests=%d 5xx=%d nonProblem4xx=%d%n",
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
