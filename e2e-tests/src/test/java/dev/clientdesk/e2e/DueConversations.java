package dev.clientdesk.e2e;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many conversations that become due for their first nudge at one and the same moment, so a silence scan
 * has a real backlog to work through: each client's conversations are opened and the client is paused
 * straight away (long before a silence threshold has passed); once the threshold has passed for all of
 * them, the pauses end together and every conversation is overdue at once.
 */
final class DueConversations {

    private static final String[] LOCALES = {"en", "tr", "kk", "ka", "bg"};

    private DueConversations() {
    }

    /**
     * Registers and accepts {@code clients} clients with client-service, waits until followup-service has them
     * accepted, opens {@code perClient} conversations for each (spread over the given followup-service replicas)
     * and holds them with a client pause. Returns conversation id → client id.
     */
    static Map<String, String> openAndHold(RunningSystem system, String tenant, List<Api> followups, int clients,
            int perClient) {
        Api clientService = Api.at(system.url("client-service"), tenant);
        List<String> clientIds = IntStream.range(0, clients).mapToObj(i -> clientService.post("/v1/clients", Map.of(
                        "name", "Silent client " + i, "email", "silent" + i + "@example.com",
                        "locale", LOCALES[i % LOCALES.length])).expect(201, "register client " + i).text("/id"))
                .toList();
        // followup-service opens conversations by hand only for accepted clients
        clientIds.forEach(id -> clientService.post("/v1/clients/" + id + "/accept", null)
                .expect(200, "accept client " + id));
        try (Sql db = Sql.of(system, "followup-service")) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(db.count("SELECT count(*) FROM client_contact WHERE tenant_id = ?"
                            + " AND status = 'ACCEPTED'", tenant))
                            .as("accepted clients followup-service heard of").isEqualTo(clients));
        }

        String hold = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, String> clientOf = new LinkedHashMap<>();
        int n = 0;
        for (String client : clientIds) {
            List<Callable<String>> opens = new ArrayList<>();
            for (int i = 0; i < perClient; i++, n++) {
                Api api = followups.get(n % followups.size());
                int number = n;
                opens.add(() -> api.post("/v1/conversations", Map.of("clientId", client, "subject", "Proposal " + number))
                        .expect(201, "open conversation " + number).text("/id"));
            }
            Api.inParallel(8, opens).forEach(id -> clientOf.put(id, client));
            followups.get(0).put("/v1/clients/" + client + "/pause", Map.of("until", hold,
                    "reason", "e2e: held until every conversation is overdue")).expect(200, "pause " + client);
        }

        try (Sql db = Sql.of(system, "followup-service")) {
            assertThat(db.count("SELECT count(*) FROM conversation WHERE tenant_id = ? AND attempts > 0", tenant))
                    .as("conversations nudged before the pause held them (the machine is too slow for this test)")
                    .isZero();
            assertThat(db.count("SELECT count(*) FROM conversation WHERE tenant_id = ? AND status = 'OPEN'"
                    + " AND paused_until IS NOT NULL", tenant)).as("held conversations").isEqualTo(clientOf.size());
            Object lastOpened = db.rows("SELECT max(silent_since) AS t FROM conversation WHERE tenant_id = ?", tenant)
                    .get(0).get("t");
            Instant overdue = (lastOpened instanceof OffsetDateTime o ? o.toInstant()
                    : ((java.sql.Timestamp) lastOpened).toInstant()).plus(RunningSystem.SILENCE).plusMillis(200);
            // Not an assertion: the precondition that every held conversation's silence has lasted the threshold.
            await().atMost(RunningSystem.SILENCE.plusSeconds(30)).pollInterval(Duration.ofMillis(50))
                    .until(() -> Instant.now().isAfter(overdue));
        }
        return clientOf;
    }

    /** Ends every client's pause at about the same moment, spread over the replicas: all are due at once. */
    static void release(List<Api> followups, Map<String, String> clientOf) {
        List<String> clients = clientOf.values().stream().distinct().toList();
        Api.inParallel(clients.size(), IntStream.range(0, clients.size()).<Callable<Api.Reply>>mapToObj(i -> () ->
                followups.get(i % followups.size()).delete("/v1/clients/" + clients.get(i) + "/pause")
                        .expect(200, "resume " + clients.get(i))).toList());
    }
}
