package dev.clientdesk.billing.messaging;

import dev.clientdesk.billing.service.KnownClients;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.testing.DeadLetters;
import dev.clientdesk.kit.testing.GoldenEvents;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** The clients billing has heard of, in their workspace, as clients.v1 told it; nobody else can change that. */
@QuarkusTest
class EventTenancyTest {

    @Inject
    ClientEventHandler handler;

    @Inject
    KnownClients knownClients;

    @Inject
    CloudEventCodec codec;

    @Inject
    MeterRegistry registry;

    @Test
    void client_events_from_another_workspace_change_nothing_and_are_dead_lettered() {
        String owner = "ws-owner-" + UUID.randomUUID();
        String intruder = "ws-intruder-" + UUID.randomUUID();
        UUID client = UUID.randomUUID();
        String id = client.toString();
        GoldenEvents.publish("clients.v1", "ClientRegistered", owner, id, Map.of("clientId", id));
        GoldenEvents.publish("clients.v1", "ClientAccepted", owner, id, Map.of("clientId", id));
        await().atMost(Duration.ofSeconds(30)).until(() -> status(owner, client),
                equalTo(Optional.of(KnownClients.Status.ACCEPTED)));
        String projectId = as(owner).body(project(client))
                .post("/v1/projects").then().statusCode(201).extract().path("id");
        double mismatchesBefore = registry.counter("clientdesk.events.tenant_mismatch").count();

        String offboarded = GoldenEvents.publish("clients.v1", "ClientOffboarded", intruder, id, Map.of("clientId", id));
        String declined = GoldenEvents.publish("clients.v1", "ClientDeclined", intruder, id, Map.of("clientId", id));
        String registered = GoldenEvents.publish("clients.v1", "ClientRegistered", intruder, id, Map.of("clientId", id));

        for (String dead : new String[] {offboarded, declined, registered}) {
            assertThat(DeadLetters.awaitError("clients.v1", dead, Duration.ofSeconds(30)))
                    .contains(dead, id, owner, intruder);
        }
        as(owner).get("/v1/projects/" + projectId).then().body("status", equalTo("AWAITING_DEPOSIT"));
        assertThat(status(owner, client)).contains(KnownClients.Status.ACCEPTED);
        assertThat(QuarkusTransaction.requiringNew().call(() -> knownClients.tenantsOf(client))).containsExactly(owner);
        as(owner).body(project(client)).post("/v1/projects")
                .then().statusCode(201);
        assertThat(registry.counter("clientdesk.events.tenant_mismatch").count()).isGreaterThan(mismatchesBefore);
    }

    @Test
    void a_clients_status_only_moves_forward_so_a_late_or_replayed_event_cannot_revive_it() {
        String tenant = "ws-known-" + UUID.randomUUID();
        UUID client = UUID.randomUUID();

        handle("ClientRegistered", tenant, client);
        assertThat(status(tenant, client)).contains(KnownClients.Status.LEAD);
        handle("ClientAccepted", tenant, client);
        handle("ClientRegistered", tenant, client);
        assertThat(status(tenant, client)).contains(KnownClients.Status.ACCEPTED);
        handle("ClientOffboarded", tenant, client);
        handle("ClientAccepted", tenant, client);
        assertThat(status(tenant, client)).contains(KnownClients.Status.ENDED);
        assertThat(status("ws-other-" + UUID.randomUUID(), client)).isEmpty();

        as(tenant).body(project(client)).post("/v1/projects").then()
                .statusCode(409).body("detail", equalTo("no new contract for client " + client + ": relationship ended"));
    }

    private static String project(UUID client) {
        return "{\"clientId\":\"" + client + "\",\"title\":\"Logo\",\"totalFee\":{\"amount\":\"100\","
                + "\"currency\":\"EUR\"},\"milestones\":[{\"name\":\"All\",\"percent\":\"80\"}]}";
    }

    private void handle(String type, String tenant, UUID client) {
        var event = codec.decode(GoldenEvents.event("clients.v1", type, tenant, Map.of("clientId", client.toString()))
                .toString().getBytes(StandardCharsets.UTF_8));
        QuarkusTransaction.requiringNew().run(() -> handler.handle(event));
    }

    private Optional<KnownClients.Status> status(String tenant, UUID client) {
        return QuarkusTransaction.requiringNew().call(() -> knownClients.status(tenant, client));
    }
}
