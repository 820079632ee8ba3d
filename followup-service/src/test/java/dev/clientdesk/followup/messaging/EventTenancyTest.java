package dev.clientdesk.followup.messaging;

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
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Billing and client events are held against the contact directory: the client's workspace, and that it exists. */
@QuarkusTest
class EventTenancyTest {

    @Inject
    BillingEventHandler billing;

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
        String client = UUID.randomUUID().toString();
        String invoice = UUID.randomUUID().toString();
        ClientsHeardOf.register(owner, client);
        GoldenEvents.publish("billing.v1", "InvoiceSent", owner, client, Map.of("clientId", client, "invoiceId", invoice));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(owner).get("/v1/conversations?clientId=" + client)
                .then().body("items.size()", equalTo(1)));
        double mismatchesBefore = registry.counter("clientdesk.events.tenant_mismatch").count();

        String sent = GoldenEvents.publish("billing.v1", "InvoiceSent", intruder, client,
                Map.of("clientId", client, "invoiceId", UUID.randomUUID().toString()));
        String paid = GoldenEvents.publish("billing.v1", "InvoicePaid", intruder, client,
                Map.of("clientId", client, "invoiceId", invoice));
        String renamed = GoldenEvents.publish("clients.v1", "ClientRegistered", intruder, client,
                Map.of("clientId", client, "email", "intruder@example.com"));
        String offboarded = GoldenEvents.publish("clients.v1", "ClientOffboarded", intruder, client,
                Map.of("clientId", client));
        String updated = ClientsHeardOf.update(intruder, client, Map.of("email", "intruder@example.com"));

        for (String[] dead : new String[][] {{"billing.v1", sent}, {"billing.v1", paid}, {"clients.v1", renamed},
                {"clients.v1", offboarded}, {"clients.v1", updated}}) {
            assertThat(DeadLetters.awaitError(dead[0], dead[1], Duration.ofSeconds(30)))
                    .contains(dead[1], client, owner, intruder);
        }
        as(owner).get("/v1/conversations?clientId=" + client).then()
                .body("items.size()", equalTo(1)).body("items[0].status", equalTo("OPEN"));
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM conversation WHERE client_id = ?",
                UUID.fromString(client))).as("conversations of the client in any workspace").isEqualTo(1);
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM client_contact WHERE client_id = ?"
                + " AND tenant_id = ? AND email = 'aigerim@example.kz'", UUID.fromString(client), owner))
                .as("the owner's contact, unchanged").isEqualTo(1);
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM client_contact WHERE client_id = ?",
                UUID.fromString(client))).as("contacts of the client in any workspace").isEqualTo(1);
        assertThat(registry.counter("clientdesk.events.tenant_mismatch").count()).isGreaterThan(mismatchesBefore);
    }

    @Test
    void a_billing_event_about_a_client_not_heard_of_is_premature_and_has_no_effect() {
        String tenant = "ws-premature-" + UUID.randomUUID();
        String stranger = UUID.randomUUID().toString();
        Map<String, String> about = Map.of("clientId", stranger);

        for (String type : new String[] {"InvoiceSent", "PaymentReceived", "InvoicePaid", "InvoiceVoided"}) {
            CloudEvent event = codec.decode(GoldenEvents.event("billing.v1", type, tenant, about).toString()
                    .getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> billing.handle(event)))
                    .as(type).isInstanceOf(PrematureEventException.class).hasMessageContaining(stranger);
        }
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM conversation WHERE tenant_id = ?", tenant))
                .isZero();
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM outbox_event WHERE envelope LIKE ?",
                "%" + stranger + "%")).as("events published about the client").isZero();
    }

    /** Needs the consumer that waits on a premature event instead of dead-lettering it after a few tries. */
    @Test
    void billing_event_before_the_clients_event_is_applied_once_the_clients_event_arrives() throws Exception {
        String tenant = "ws-late-client-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        // the consumer is reading clients.v1 already (on a fresh broker the topic is created by this test)
        ClientsHeardOf.register(tenant, UUID.randomUUID().toString());
        GoldenEvents.publish("billing.v1", "InvoiceSent", tenant, client,
                Map.of("clientId", client, "invoiceId", UUID.randomUUID().toString()));
        Thread.sleep(2000); // the consumer has met the invoice by now, and must not have guessed
        as(tenant).get("/v1/conversations?clientId=" + client).then().body("items.size()", equalTo(0));

        GoldenEvents.publish("clients.v1", "ClientRegistered", tenant, client, Map.of("clientId", client));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as(tenant).get("/v1/conversations?clientId=" + client)
                .then().body("items.size()", equalTo(1)).body("items[0].details.invoiceNumber", equalTo("2026-0001")));
    }
}
