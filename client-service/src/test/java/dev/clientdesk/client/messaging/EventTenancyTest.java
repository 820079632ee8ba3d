package dev.clientdesk.client.messaging;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.PrematureEventException;
import dev.clientdesk.kit.testing.DeadLetters;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.StateSnapshot;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/** Billing and follow-up events are held against the client table: its workspace, and that the client exists. */
@QuarkusTest
class EventTenancyTest {

    @Inject
    BillingEventHandler billing;

    @Inject
    FollowUpEventHandler followups;

    @Inject
    CloudEventCodec codec;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Test
    void events_naming_another_workspaces_client_change_nothing_and_are_dead_lettered() {
        String owner = "ws-owner-" + UUID.randomUUID();
        String intruder = "ws-intruder-" + UUID.randomUUID();
        String client = as(owner).body("{\"name\":\"Owned\",\"email\":\"owned@example.com\",\"locale\":\"en\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
        as(owner).post("/v1/clients/" + client + "/accept").then().statusCode(200);
        double mismatchesBefore = registry.counter("clientdesk.events.tenant_mismatch").count();

        String contracted = GoldenEvents.publish("billing.v1", "ProjectContracted", intruder, client,
                Map.of("clientId", client));
        String paid = GoldenEvents.publish("billing.v1", "PaymentReceived", intruder, client,
                Map.of("clientId", client, "amount.amount", "999.00"));
        String silent = GoldenEvents.publish("followups.v1", "ClientWentSilent", intruder, client,
                Map.of("clientId", client));

        for (String[] dead : new String[][] {{"billing.v1", contracted}, {"billing.v1", paid},
                {"followups.v1", silent}}) {
            assertThat(DeadLetters.awaitError(dead[0], dead[1], Duration.ofSeconds(30)))
                    .contains(dead[1], client, owner, intruder);
        }
        as(owner).get("/v1/clients/" + client).then().body("status", equalTo("ACCEPTED"));
        as(owner).get("/v1/clients/" + client + "/health").then().statusCode(200)
                .body("silentEpisodes", equalTo(0)).body("paid", equalTo(null));
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM client_health WHERE client_id = ?",
                UUID.fromString(client))).as("health rows for the client, in any workspace").isZero();
        assertThat(registry.counter("clientdesk.events.tenant_mismatch").count()).isGreaterThan(mismatchesBefore);
    }

    @Test
    void an_event_about_a_client_never_registered_here_is_premature_and_has_no_effect() {
        String tenant = "ws-premature-" + UUID.randomUUID();
        String stranger = UUID.randomUUID().toString();
        Map<String, String> about = Map.of("clientId", stranger);

        for (String type : new String[] {"ProjectContracted", "PaymentReceived", "TimeLogged", "InvoiceOverdue",
                "RefundIssued"}) {
            CloudEvent event = golden("billing.v1", type, tenant, about);
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> billing.handle(event)))
                    .as(type).isInstanceOf(PrematureEventException.class).hasMessageContaining(stranger);
        }
        CloudEvent nudge = golden("followups.v1", "NoReplyForSevenDays", tenant, about);
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> followups.handle(nudge)))
                .isInstanceOf(PrematureEventException.class);

        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM client_health WHERE tenant_id = ?", tenant))
                .isZero();
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM workspace_time WHERE tenant_id = ?", tenant))
                .isZero();
    }

    private CloudEvent golden(String topic, String type, String tenant, Map<String, String> data) {
        return codec.decode(GoldenEvents.event(topic, type, tenant, data).toString().getBytes(StandardCharsets.UTF_8));
    }
}
