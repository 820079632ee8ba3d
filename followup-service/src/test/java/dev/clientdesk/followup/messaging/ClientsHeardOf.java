package dev.clientdesk.followup.messaging;

import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.StateSnapshot;
import io.quarkus.arc.Arc;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Billing events are applied only for clients the contact directory holds: fixtures announce the client on
 * clients.v1 first, as client-service would, and wait until the directory has it.
 */
public final class ClientsHeardOf {

    private ClientsHeardOf() {
    }

    /** Publishes the client's ClientRegistered (the golden sample, with {@code data} overrides) and waits for it. */
    public static void register(String tenant, String clientId, Map<String, String> data) {
        Map<String, String> fields = new java.util.HashMap<>(data);
        fields.put("clientId", clientId);
        GoldenEvents.publish("clients.v1", "ClientRegistered", tenant, clientId, fields);
        awaitKnown(tenant, clientId);
    }

    public static void register(String tenant, String clientId) {
        register(tenant, clientId, Map.of());
    }

    public static void awaitKnown(String tenant, String clientId) {
        DataSource database = Arc.container().instance(DataSource.class).get();
        await("client " + clientId + " in the contact directory").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> StateSnapshot.count(database,
                        "SELECT count(*) FROM client_contact WHERE tenant_id = ? AND client_id = ?", tenant,
                        UUID.fromString(clientId)) == 1);
    }
}
