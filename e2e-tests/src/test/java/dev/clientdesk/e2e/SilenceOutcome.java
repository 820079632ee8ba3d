package dev.clientdesk.e2e;

import dev.clientdesk.e2e.Topics.Event;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Waits until every conversation of a workspace has run the whole cadence (nudge, nudge, SILENT) and checks
 * that each step happened exactly once: in followup-service's tables, on followups.v1 (by event id: a
 * duplicate record of one event is at-least-once delivery, a second event for one step is a double nudge) and
 * in client-service's health counters, which add one per event handled.
 */
record SilenceOutcome(int firstNudges, int secondNudges, int wentSilent, int drafts, int written, int published,
        int records, int duplicatesOnTopic, long healthNudges, long healthSilences) {

    static SilenceOutcome observe(RunningSystem system, String tenant, Map<String, String> clientOf, Duration within) {
        int due = clientOf.size();
        try (Sql followups = Sql.of(system, "followup-service"); Sql clients = Sql.of(system, "client-service")) {
            await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(followups.count(
                    "SELECT count(*) FROM conversation WHERE tenant_id = ? AND status = 'SILENT'", tenant))
                    .as("conversations gone SILENT").isEqualTo(due));
            assertThat(followups.count("SELECT count(*) FROM conversation WHERE tenant_id = ? AND attempts <> 3",
                    tenant)).as("conversations not checked exactly three times").isZero();

            // One draft per nudge: attempts 1 and 2, nothing else, for every conversation.
            Map<String, Map<Integer, Long>> drafts = new HashMap<>();
            followups.rows("""
                    SELECT CAST(conversation_id AS text) AS c, attempt, count(*) AS n FROM follow_up
                    WHERE tenant_id = ? GROUP BY 1, 2""", tenant).forEach(r -> drafts
                    .computeIfAbsent((String) r.get("c"), k -> new HashMap<>())
                    .put(((Number) r.get("attempt")).intValue(), ((Number) r.get("n")).longValue()));
            assertThat(drafts.keySet()).isEqualTo(clientOf.keySet());
            drafts.forEach((conversation, byAttempt) -> assertThat(byAttempt).as("drafts of %s", conversation)
                    .isEqualTo(Map.of(1, 1L, 2, 1L)));
            // The same in each conversation's history.
            Map<String, Long> history = followups.rows("""
                    SELECT CAST(e.conversation_id AS text) || '/' || e.kind AS k, count(*) AS n FROM conversation_entry e
                    JOIN conversation c ON c.id = e.conversation_id
                    WHERE c.tenant_id = ? AND e.kind IN ('NO_REPLY', 'WENT_SILENT') GROUP BY 1""", tenant).stream()
                    .collect(Collectors.toMap(r -> (String) r.get("k"), r -> ((Number) r.get("n")).longValue()));
            Map<String, Long> expectedHistory = new HashMap<>();
            clientOf.keySet().forEach(c -> {
                expectedHistory.put(c + "/NO_REPLY", 2L);
                expectedHistory.put(c + "/WENT_SILENT", 1L);
            });
            assertThat(history).isEqualTo(expectedHistory);

            // Everything written to the outbox reached followups.v1, and nothing else of this workspace.
            Set<String> written = Set.copyOf(followups.strings("""
                    SELECT CAST(id AS text) FROM outbox_event WHERE CAST(envelope AS jsonb) ->> 'tenantid' = ?""", tenant));
            AtomicReference<List<Event>> onTopic = new AtomicReference<>();
            await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                onTopic.set(Topics.read(system.kafkaBootstrapServers(), "followups.v1", tenant));
                assertThat(Topics.distinctIds(onTopic.get())).containsAll(written);
            });
            List<Event> events = onTopic.get();
            assertThat(Topics.distinctIds(events)).isEqualTo(written);

            // Per conversation: one NoReplyForSevenDays event per attempt (1 and 2) and one ClientWentSilent.
            Map<String, Set<String>> nudgeEvents = distinctEventsBy(events, "NoReplyForSevenDays",
                    e -> e.subject() + "/" + e.data().path("attempt").asInt());
            Map<String, Set<String>> silentEvents = distinctEventsBy(events, "ClientWentSilent", Event::subject);
            Map<String, Integer> expectedNudges = new HashMap<>();
            clientOf.keySet().forEach(c -> {
                expectedNudges.put(c + "/1", 1);
                expectedNudges.put(c + "/2", 1);
            });
            assertThat(sizes(nudgeEvents)).as("NoReplyForSevenDays events per conversation and attempt")
                    .isEqualTo(expectedNudges);
            assertThat(sizes(silentEvents)).as("ClientWentSilent events per conversation")
                    .isEqualTo(clientOf.keySet().stream().collect(Collectors.toMap(c -> c, c -> 1)));
            events.stream().filter(e -> e.type().equals("NoReplyForSevenDays") || e.type().equals("ClientWentSilent"))
                    .forEach(e -> assertThat(e.data().path("clientId").asText()).isEqualTo(clientOf.get(e.subject())));

            // client-service adds one to a counter per event: after it has handled them all, the counters show
            // each event counted once, duplicates on the topic notwithstanding.
            Set<String> counted = events.stream()
                    .filter(e -> e.type().equals("NoReplyForSevenDays") || e.type().equals("ClientWentSilent"))
                    .map(Event::id).collect(Collectors.toSet());
            await().atMost(within).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(clients.count(
                    "SELECT count(*) FROM processed_event WHERE consumer_group = 'client-service' AND event_id = ANY(?)",
                    counted)).as("events handled by client-service").isEqualTo(counted.size()));
            Map<String, Long> perClient = clientOf.values().stream()
                    .collect(Collectors.groupingBy(c -> c, Collectors.counting()));
            Map<String, List<Long>> health = clients.rows("""
                    SELECT CAST(client_id AS text) AS c, nudges, silent_episodes FROM client_health WHERE tenant_id = ?""",
                    tenant).stream().collect(Collectors.toMap(r -> (String) r.get("c"), r -> List.of(
                    ((Number) r.get("nudges")).longValue(), ((Number) r.get("silent_episodes")).longValue())));
            assertThat(health).as("client-service's nudges and silences per client").isEqualTo(perClient.entrySet()
                    .stream().collect(Collectors.toMap(Map.Entry::getKey, e -> List.of(2 * e.getValue(), e.getValue()))));

            return new SilenceOutcome(
                    (int) nudgeEvents.keySet().stream().filter(k -> k.endsWith("/1")).count(),
                    (int) nudgeEvents.keySet().stream().filter(k -> k.endsWith("/2")).count(),
                    silentEvents.size(),
                    drafts.values().stream().mapToInt(m -> m.values().stream().mapToInt(Long::intValue).sum()).sum(),
                    written.size(), Topics.distinctIds(events).size(), events.size(), Topics.duplicates(events),
                    health.values().stream().mapToLong(l -> l.get(0)).sum(),
                    health.values().stream().mapToLong(l -> l.get(1)).sum());
        }
    }

    private static Map<String, Set<String>> distinctEventsBy(List<Event> events, String type,
            java.util.function.Function<Event, String> key) {
        return events.stream().filter(e -> e.type().equals(type)).collect(Collectors.groupingBy(key,
                Collectors.mapping(Event::id, Collectors.toSet())));
    }

    private static Map<String, Integer> sizes(Map<String, Set<String>> grouped) {
        return grouped.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().size()));
    }
}
