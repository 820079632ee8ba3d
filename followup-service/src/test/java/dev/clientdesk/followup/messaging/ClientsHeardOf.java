package dev.clientdesk.followup.messaging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.StateSnapshot;
import io.quarkus.arc.Arc;

import javax.sql.DataSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * Billing events are applied only for clients the contact directory holds, and conversations are opened by hand
 * only for accepted ones: fixtures announce the client on clients.v1 first, as client-service would, and wait
 * until the directory has it.
 */
public final class ClientsHeardOf {

    private ClientsHeardOf() {
    }

    /** Publishes the client's ClientRegistered (the golden sample, with {@code data} overrides) and waits for it. */
    public static void register(String tenant, String clientId, Map<String, String> data) {
        announce("ClientRegistered", tenant, clientId, data, "LEAD");
    }

    public static void register(String tenant, String clientId) {
        register(tenant, clientId, Map.of());
    }

    /** Publishes the client's ClientAccepted (it introduces the client too) and waits until it is ACCEPTED. */
    public static void accept(String tenant, String clientId, Map<String, String> data) {
        announce("ClientAccepted", tenant, clientId, data, "ACCEPTED");
    }

    public static void accept(String tenant, String clientId) {
        accept(tenant, clientId, Map.of());
    }

    private static void announce(String type, String tenant, String clientId, Map<String, String> data,
            String standing) {
        Map<String, String> fields = new HashMap<>(data);
        fields.put("clientId", clientId);
        GoldenEvents.publish("clients.v1", type, tenant, clientId, fields);
        awaitStanding(tenant, clientId, standing);
    }

    /**
     * client-service's ClientUpdated, data {clientId, name, email, locale, timezone}: the ClientAccepted sample's
     * envelope and contact with the given fields replaced. Returns the event id; does not wait.
     */
    public static String update(String tenant, String clientId, Map<String, String> data) {
        ObjectNode event = GoldenEvents.event("clients.v1", "ClientAccepted", tenant, Map.of("clientId", clientId));
        event.put("type", "ClientUpdated");
        ObjectNode fields = ((ObjectNode) event.get("data")).put("timezone", "Asia/Almaty");
        data.forEach(fields::put);
        GoldenEvents.publish("clients.v1", clientId, event);
        return event.path("id").asText();
    }

    /** client-service's WorkspaceSignatureChanged: subject the workspace, data {signature}. Returns the event id. */
    public static String signature(String tenant, String signature, Instant changedAt) {
        ObjectNode event = GoldenEvents.event("clients.v1", "ClientAccepted", tenant, Map.of());
        event.put("type", "WorkspaceSignatureChanged").put("subject", tenant).put("time", changedAt.toString());
        event.putObject("data").put("signature", signature);
        GoldenEvents.publish("clients.v1", tenant, event);
        return event.path("id").asText();
    }

    public static void awaitKnown(String tenant, String clientId) {
        awaitCount(tenant, clientId, "", "in the contact directory");
    }

    public static void awaitStanding(String tenant, String clientId, String standing) {
        awaitCount(tenant, clientId, " AND status = '" + standing + "'", standing);
    }

    private static void awaitCount(String tenant, String clientId, String condition, String what) {
        DataSource database = Arc.container().instance(DataSource.class).get();
        await("client " + clientId + " " + what).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> StateSnapshot.count(database,
                        "SELECT count(*) FROM client_contact WHERE tenant_id = ? AND client_id = ?" + condition, tenant,
                        UUID.fromString(clientId)) == 1);
    }
}
