package dev.clientdesk.billing;

import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.StateSnapshot;
import io.quarkus.arc.Arc;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Billing contracts only clients client-service has accepted: fixtures announce the client on clients.v1 first
 * (ClientRegistered, then ClientAccepted, as client-service would) and wait until billing's known clients
 * hold it as accepted.
 */
public final class AcceptedClients {

    private AcceptedClients() {
    }

    /** A new client, accepted in the workspace. */
    public static UUID accepted(String tenant) {
        UUID client = UUID.randomUUID();
        accept(tenant, client);
        return client;
    }

    public static void accept(String tenant, UUID client) {
        announce(tenant, client, "ClientRegistered", "ClientAccepted");
        awaitStatus(tenant, client, "ACCEPTED");
    }

    /** A new client that is still a lead in the workspace. */
    public static UUID lead(String tenant) {
        UUID client = UUID.randomUUID();
        announce(tenant, client, "ClientRegistered");
        awaitStatus(tenant, client, "LEAD");
        return client;
    }

    /** Publishes the client's events on clients.v1, shaped like the golden samples, keyed by the client. */
    public static void announce(String tenant, UUID client, String... types) {
        String id = client.toString();
        for (String type : types) {
            GoldenEvents.publish("clients.v1", type, tenant, id, Map.of("clientId", id));
        }
    }

    public static void awaitStatus(String tenant, UUID client, String status) {
        DataSource database = Arc.container().instance(DataSource.class).get();
        await("client " + client + " " + status + " in billing").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> StateSnapshot.count(database,
                        "SELECT count(*) FROM known_client WHERE tenant_id = ? AND client_id = ? AND status = ?",
                        tenant, client, status) == 1);
    }
}
