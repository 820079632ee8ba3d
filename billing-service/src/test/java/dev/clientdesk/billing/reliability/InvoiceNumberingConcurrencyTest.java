package dev.clientdesk.billing.reliability;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.billing.domain.Invoice;
import dev.clientdesk.billing.service.InvoiceIssuer;
import dev.clientdesk.billing.service.ProjectService;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.testing.Concurrently;
import dev.clientdesk.kit.testing.StateSnapshot;
import dev.clientdesk.kit.testing.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Invoice numbers stay gapless and unique in a workspace while many requests issue invoices at once:
 * contracts (each issues its deposit invoice), milestone completions and billable revisions on different
 * projects, with every milestone completed by two requests at the same time (one must lose without using up
 * a number).
 */
@QuarkusTest
class InvoiceNumberingConcurrencyTest {

    private static final int FIRST_CONTRACTS = 12;
    private static final int ACTIVE = 8;
    private static final int MILESTONES = 3;
    /** Stages completed in the race; the last stays open so the project stays ACTIVE for revisions. */
    private static final int COMPLETED = MILESTONES - 1;
    private static final int LATER_CONTRACTS = 8;

    @Inject
    InvoiceIssuer issuer;

    @Inject
    ProjectService projects;

    @Inject
    DataSource dataSource;

    /** number: the invoice number a 201 answered, or the problem body of a revision that failed. */
    record Answer(String what, int status, String number) {
    }

    static String contract(UUID clientId) {
        return "{\"clientId\":\"" + clientId + "\",\"title\":\"Race\","
                + "\"totalFee\":{\"amount\":\"1000.00\",\"currency\":\"EUR\"},\"depositPercent\":10,"
                + "\"includedRevisions\":0,\"revisionFee\":{\"amount\":\"50.00\",\"currency\":\"EUR\"},"
                + "\"milestones\":[{\"name\":\"A\",\"percent\":\"30\"},{\"name\":\"B\",\"percent\":\"30\"},"
                + "{\"name\":\"C\",\"percent\":\"30\"}]}";
    }

    static Callable<Answer> contracting(String tenant, UUID clientId) {
        return () -> {
            Response response = as(tenant).body(contract(clientId)).post("/v1/projects");
            return new Answer("contract", response.statusCode(), null);
        };
    }

    @Test
    void concurrent_issuing_in_one_workspace_numbers_invoices_one_to_n_without_gaps_or_repeats() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-race-numbers-" + UUID.randomUUID();
        UUID client = AcceptedClients.accepted(tenant);

        List<Callable<Answer>> contracts = new ArrayList<>();
        for (int i = 0; i < FIRST_CONTRACTS; i++) {
            contracts.add(contracting(tenant, client));
        }
        assertThat(Concurrently.run(16, contracts)).extracting(Answer::status).containsOnly(201);

        List<Map<String, Object>> projects = as(tenant).get("/v1/projects?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(projects).hasSize(FIRST_CONTRACTS);
        List<Callable<Answer>> deposits = new ArrayList<>();
        for (Map<String, Object> project : projects.subList(0, ACTIVE)) {
            String deposit = (String) project.get("depositInvoiceId");
            deposits.add(() -> {
                as(tenant).post("/v1/invoices/" + deposit + "/send").then().statusCode(200);
                int paid = as(tenant).body("{\"amount\":{\"amount\":\"100.00\",\"currency\":\"EUR\"}}")
                        .post("/v1/invoices/" + deposit + "/payments").statusCode();
                return new Answer("deposit", paid, null);
            });
        }
        assertThat(Concurrently.run(16, deposits)).extracting(Answer::status).containsOnly(201);

        // The race: stages of every active project completed twice at once, a billable revision on each, and new
        // contracts coming in, all in one workspace.
        List<Callable<Answer>> race = new ArrayList<>();
        for (Map<String, Object> project : projects.subList(0, ACTIVE)) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> stages = (List<Map<String, Object>>) project.get("milestones");
            assertThat(stages).hasSize(MILESTONES);
            for (Map<String, Object> stage : stages.subList(0, COMPLETED)) {
                String path = "/v1/projects/" + project.get("id") + "/milestones/" + stage.get("id") + "/complete";
                for (int twice = 0; twice < 2; twice++) {
                    race.add(() -> {
                        Response response = as(tenant).post(path);
                        return new Answer(path, response.statusCode(),
                                response.statusCode() == 201 ? response.jsonPath().getString("number") : null);
                    });
                }
            }
            race.add(() -> {
                Response response = as(tenant).body("{\"note\":\"one more\"}")
                        .post("/v1/projects/" + project.get("id") + "/revisions");
                return new Answer("revision", response.statusCode(),
                        response.statusCode() == 201 ? response.jsonPath().getString("invoice.number")
                                : response.asString());
            });
        }
        for (int i = 0; i < LATER_CONTRACTS; i++) {
            race.add(contracting(tenant, client));
        }
        Collections.shuffle(race);
        List<Answer> answers = Concurrently.run(16, race);

        Map<String, List<Integer>> completions = answers.stream().filter(a -> a.what().startsWith("/v1/"))
                .collect(Collectors.groupingBy(Answer::what, Collectors.mapping(Answer::status, Collectors.toList())));
        assertThat(completions).hasSize(ACTIVE * COMPLETED);
        assertThat(completions.values()).as("each stage: one completion, one 409")
                .allSatisfy(statuses -> assertThat(statuses).containsExactlyInAnyOrder(201, 409));
        assertThat(answers.stream().filter(a -> !a.what().startsWith("/v1/")))
                .as("contracts and billable revisions: %s", answers).extracting(Answer::status).containsOnly(201);

        int expected = FIRST_CONTRACTS + ACTIVE * COMPLETED + ACTIVE + LATER_CONTRACTS;
        List<String> numbers = as(tenant).get("/v1/invoices?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items.number", String.class);
        assertThat(numbers).as("invoices in the workspace").hasSize(expected).doesNotHaveDuplicates();
        String year = numbers.get(0).substring(0, 4);
        List<String> oneToN = IntStream.rangeClosed(1, expected).mapToObj(n -> String.format("%s-%04d", year, n))
                .toList();
        assertThat(numbers).as("numbers %s-0001..%s-%04d", year, year, expected)
                .containsExactlyInAnyOrderElementsOf(oneToN);
        assertThat(oneToN).as("numbers answered to the racing requests")
                .containsAll(answers.stream().filter(a -> a.status() == 201 && a.number() != null)
                        .map(Answer::number).toList());
    }

    /** Thrown inside an issuing transaction after it took its number, so the transaction rolls back. */
    static final class FailureAfterNumbering extends RuntimeException {
        FailureAfterNumbering(String number) {
            super("failed after taking " + number);
        }
    }

    @Test
    void an_issue_that_fails_after_taking_its_number_gives_the_number_to_the_next_issue() {
        TestClockProducer.CLOCK.resume();
        String tenant = "ws-rollback-numbers-" + UUID.randomUUID();
        UUID client = AcceptedClients.accepted(tenant);
        int rounds = 3;
        int waitingContracts = 2;
        assertThat(Concurrently.run(2, List.of(contracting(tenant, client), contracting(tenant, client))))
                .extracting(Answer::status).containsOnly(201);
        UUID projectId = UUID.fromString(as(tenant).get("/v1/projects?size=1").then().statusCode(200)
                .extract().jsonPath().getString("items[0].id"));

        List<String> rolledBack = new ArrayList<>();
        int rollbacks = 0;
        for (int round = 0; round < rounds; round++) {
            List<Concurrently.Running<Answer>> contracts = new ArrayList<>();
            try {
                // The transaction takes a number, waits until other issues queue behind the counter row, then fails.
                QuarkusTransaction.requiringNew().run(() -> {
                    String number = issuer.issue(projects.get(tenant, projectId), Invoice.Kind.REVISION,
                            "rolled back", Money.of("50.00", "EUR")).number();
                    rolledBack.add(number);
                    contracts.add(Concurrently.start(waitingContracts,
                            List.of(contracting(tenant, client), contracting(tenant, client))));
                    await("contracts waiting for the invoice counter").atMost(Duration.ofSeconds(30))
                            .until(() -> StateSnapshot.count(dataSource, """
                                    SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()
                                    AND wait_event_type = 'Lock' AND query LIKE '%invoice_counter%'""")
                                    >= waitingContracts);
                    throw new FailureAfterNumbering(number);
                });
            } catch (FailureAfterNumbering e) {
                rollbacks++;
            }
            assertThat(contracts).hasSize(1);
            assertThat(contracts.get(0).results()).extracting(Answer::status).containsOnly(201);
        }
        assertThat(rollbacks).as("issuing transactions rolled back after taking a number").isEqualTo(rounds);

        int expected = 2 + rounds * waitingContracts;
        List<Map<String, Object>> invoices = as(tenant).get("/v1/invoices?size=100").then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertThat(invoices).extracting(i -> i.get("kind")).as("invoices kept").hasSize(expected).containsOnly("DEPOSIT");
        List<String> numbers = invoices.stream().map(i -> (String) i.get("number")).toList();
        String year = numbers.get(0).substring(0, 4);
        List<String> oneToN = IntStream.rangeClosed(1, expected).mapToObj(n -> String.format("%s-%04d", year, n))
                .toList();
        assertThat(numbers).as("numbers after %d rollbacks", rollbacks).containsExactlyInAnyOrderElementsOf(oneToN);
        assertThat(numbers).as("the numbers the rolled-back transactions had taken, issued again")
                .containsAll(rolledBack);
        System.out.printf("RELIABILITY numbering-rollback rollbacks=%d invoices=%d gapless=true reissued=%s%n",
                rollbacks, numbers.size(), rolledBack);
    }
}
