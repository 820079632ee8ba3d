package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.testing.Concurrently;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.TopicReader;
import dev.clientdesk.kit.testing.RowLock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static dev.clientdesk.billing.api.BillingApiTest.project;
import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Billing contracts a client only once client-service has accepted it, and never races an offboarding. */
@QuarkusTest
class ClientGateTest {

    @Inject
    DataSource dataSource;

    private static Response contract(String tenant, UUID client) {
        return as(tenant).body(project(client, "1000.00", "EUR", "20", "80")).post("/v1/projects");
    }

    @Test
    void a_client_billing_has_not_heard_of_gets_no_contract() {
        String tenant = "ws-gate-unknown-" + UUID.randomUUID();
        UUID client = UUID.randomUUID();
        contract(tenant, client).then().statusCode(409).contentType("application/problem+json")
                .body("type", containsString("client-not-available"))
                .body("errors[0].field", equalTo("clientId"))
                .body("detail", equalTo("no contract for client " + client + ": not a client of this workspace"
                        + " (yet); accept the client in client-service first"));
        as(tenant).get("/v1/projects?clientId=" + client).then().body("items.size()", equalTo(0));
    }

    @Test
    void a_lead_gets_a_contract_only_once_accepted() {
        String tenant = "ws-gate-lead-" + UUID.randomUUID();
        UUID client = AcceptedClients.lead(tenant);
        contract(tenant, client).then().statusCode(409).body("errors[0].field", equalTo("clientId"))
                .body("detail", containsString("still a lead"));

        AcceptedClients.announce(tenant, client, "ClientAccepted");
        AcceptedClients.awaitStatus(tenant, client, "ACCEPTED");
        contract(tenant, client).then().statusCode(201).body("clientId", equalTo(client.toString()));
    }

    @Test
    void another_workspaces_accepted_client_is_not_yours_to_contract() {
        UUID client = AcceptedClients.accepted("ws-gate-owner-" + UUID.randomUUID());
        contract("ws-gate-stranger-" + UUID.randomUUID(), client).then().statusCode(409)
                .body("errors[0].field", equalTo("clientId"));
    }

    @Test
    void an_ended_relationship_is_a_409_naming_the_client() {
        String tenant = "ws-gate-ended-" + UUID.randomUUID();
        UUID client = AcceptedClients.accepted(tenant);
        AcceptedClients.announce(tenant, client, "ClientOffboarded");
        AcceptedClients.awaitStatus(tenant, client, "ENDED");
        contract(tenant, client).then().statusCode(409).body("errors[0].field", equalTo("clientId"))
                .body("detail", equalTo("no new contract for client " + client + ": relationship ended"));
    }

    /**
     * An offboarding being applied holds the client's row (the consumer's upsert) while a contract comes in:
     * the contract waits for it and then sees the ended relationship. A contract that read the row without
     * locking it would see ACCEPTED, the status before the offboarding commits, and leave a project that the
     * offboarding's settlement never saw.
     */
    @Test
    void a_contract_waits_for_an_offboarding_being_applied_and_then_is_refused() throws Exception {
        String tenant = "ws-gate-race-" + UUID.randomUUID();
        UUID client = AcceptedClients.accepted(tenant);

        Response answer;
        try (Connection offboarding = dataSource.getConnection();
                RowLock watcher = RowLock.hold(dataSource, "SELECT 1")) {
            offboarding.setAutoCommit(false);
            try (PreparedStatement end = offboarding.prepareStatement(
                    "UPDATE known_client SET status = 'ENDED' WHERE client_id = ? AND tenant_id = ?")) {
                end.setObject(1, client);
                end.setString(2, tenant);
                assertThat(end.executeUpdate()).isEqualTo(1);
            }
            try (Concurrently.Running<Response> contracting = Concurrently.start(1,
                    List.<Callable<Response>>of(() -> contract(tenant, client)))) {
                await("the contract waits for the client's row").atMost(Duration.ofSeconds(10))
                        .until(() -> watcher.waiters() >= 1);
                assertThat(contracting.done()).as("contracts answered while the offboarding was applied").isZero();
                offboarding.commit();
                answer = contracting.results().get(0);
            }
        }
        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
        assertThat(answer.jsonPath().getString("detail")).endsWith("relationship ended");
        as(tenant).get("/v1/projects?clientId=" + client).then().body("items.size()", equalTo(0));
    }

    /** ClientUpdated (billing keeps nothing of the contact) and WorkspaceSignatureChanged (no client) pass by. */
    @Test
    void client_events_billing_does_not_read_pass_by_without_an_error_or_a_delay() {
        String tenant = "ws-gate-skip-" + UUID.randomUUID();
        UUID client = UUID.randomUUID();
        ObjectNode updated = GoldenEvents.event("clients.v1", "ClientRegistered", tenant, Map.of());
        updated.put("type", "ClientUpdated").put("subject", client.toString()).set("data", updated.objectNode()
                .put("clientId", client.toString()).put("name", "Aigerim Nurlanovna").put("email", "a@example.kz")
                .put("locale", "kk").put("timezone", "Asia/Almaty"));
        ObjectNode signature = GoldenEvents.event("clients.v1", "ClientRegistered", tenant, Map.of());
        signature.put("type", "WorkspaceSignatureChanged").put("subject", tenant)
                .set("data", signature.objectNode().put("signature", "Aigerim, design studio"));
        GoldenEvents.publish("clients.v1", client.toString(), updated);
        GoldenEvents.publish("clients.v1", tenant, signature);

        AcceptedClients.accept(tenant, client);
        contract(tenant, client).then().statusCode(201);
        List<String> deadLetters = TopicReader.readUntil("clients.v1.dlt", Duration.ofSeconds(2), r -> false).stream()
                .map(TopicReader::json).map(e -> e.path("id").asText()).toList();
        assertThat(deadLetters).doesNotContain(updated.path("id").asText(), signature.path("id").asText());
    }
}
