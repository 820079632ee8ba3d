package dev.clientdesk.e2e;

import dev.clientdesk.e2e.Topics.Event;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reliability under faults: a service process killed with SIGKILL in the middle of its work loses
 * nothing and repeats no effect once it is back. At-least-once publishing may put an event on a topic twice
 * after such a crash; the tests count those duplicates and check that no consumer acted on one twice.
 */
class CrashRecoveryTest {

    private static final int CLIENTS = 300;
    private static final int DECLINED_EVERY = 3;
    private static final int SILENT_CLIENTS = 6;
    private static final int CONVERSATIONS_PER_CLIENT = 100;
    private static final int ATTEMPTS = 3;
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    /** exit status of a JVM ended by SIGKILL */
    private static final int KILLED = 128 + 9;

    private static RunningSystem system;

    @BeforeAll
    static void start() {
        system = RunningSystem.get();
    }

    /** Whatever happened, the next test finds the three services running in their default configuration. */
    @AfterEach
    void restoreServices() {
        for (String service : RunningSystem.SERVICES) {
            ServiceProcess process = system.service(service);
            if (!process.isAlive() || !process.settings().isEmpty()) {
                process.restart(Map.of());
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // (a) client-service killed while its outbox relay is publishing

    record RelayCrash(String tenant, List<String> clientIds, Set<String> declined, List<OutboxRow> written,
            int onTopicAtKill, int recordsAtKill, long markedPublishedAtKill, int exitValue) {

        boolean midway() {
            return onTopicAtKill > 0 && onTopicAtKill < written.size();
        }
    }

    record OutboxRow(long seq, String id, String type, String key) {
    }

    @Test
    void client_service_killed_while_its_relay_publishes_loses_no_event_and_repeats_no_effect() {
        RelayCrash crash = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            crash = crashRelay();
            if (crash.midway()) {
                break;
            }
            System.out.printf("RELIABILITY crash-relay attempt %d did not hit mid-publish (%d of %d on the topic at"
                    + " the kill); trying again%n", attempt, crash.onTopicAtKill(), crash.written().size());
        }
        assertThat(crash.midway()).as("the kill landed after the first event reached clients.v1 and before the"
                + " last: %d of %d were there", crash.onTopicAtKill(), crash.written().size()).isTrue();
        assertThat(crash.exitValue()).as("client-service ended by SIGKILL").isEqualTo(KILLED);

        String tenant = crash.tenant();
        Set<String> writtenIds = crash.written().stream().map(OutboxRow::id).collect(Collectors.toSet());

        // Every event written is on the topic after the restart, and nothing else of this workspace.
        AtomicReference<List<Event>> onTopic = new AtomicReference<>();
        await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            onTopic.set(Topics.read(system.kafkaBootstrapServers(), "clients.v1", tenant));
            assertThat(Topics.distinctIds(onTopic.get())).containsAll(writtenIds);
        });
        assertThat(Topics.distinctIds(onTopic.get())).isEqualTo(writtenIds);
        int duplicates = Topics.duplicates(onTopic.get());
        try (Sql clients = Sql.of(system, "client-service")) {
            assertThat(clients.count("SELECT count(*) FROM outbox_event WHERE CAST(envelope AS jsonb) ->> 'tenantid' = ?"
                    + " AND published_at IS NULL", tenant)).as("outbox rows still unpublished").isZero();
        }

        // Per client, the events first appear on the topic in the order they were written, crash or not.
        Map<String, List<String>> writtenOrder = crash.written().stream().collect(Collectors.groupingBy(
                OutboxRow::key, LinkedHashMap::new, Collectors.mapping(OutboxRow::id, Collectors.toList())));
        Map<String, Set<String>> firstSeenOrder = new HashMap<>();
        onTopic.get().stream()
                .sorted((a, b) -> a.partition() != b.partition() ? Integer.compare(a.partition(), b.partition())
                        : Long.compare(a.offset(), b.offset()))
                .forEach(e -> firstSeenOrder.computeIfAbsent(e.key(), k -> new LinkedHashSet<>()).add(e.id()));
        writtenOrder.forEach((key, ids) -> assertThat(List.copyOf(firstSeenOrder.get(key)))
                .as("order of client %s's events on clients.v1", key).isEqualTo(ids));

        // Downstream, every effect happened, once: followup-service knows each client's contact (ClientRegistered)
        // and billing-service knows each client and refuses each declined one (ClientDeclined), each consumer
        // recorded each event id as handled, and no effect exists that no event asked for. (Both effects are
        // upserts, so a second handling would not show in them; the additive effects are checked in the scanner
        // test below.)
        Set<String> registeredIds = ids(crash.written(), "ClientRegistered");
        Set<String> declinedIds = ids(crash.written(), "ClientDeclined");
        Set<String> handles = new LinkedHashSet<>(registeredIds);
        handles.addAll(declinedIds);
        try (Sql followups = Sql.of(system, "followup-service"); Sql billing = Sql.of(system, "billing-service")) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                assertThat(handled(followups, "followup-service", handles)).isEqualTo(handles.size());
                assertThat(handled(billing, "billing-service", handles)).isEqualTo(handles.size());
            });
            Map<String, String> contacts = followups.rows(
                            "SELECT CAST(client_id AS text) AS id, name FROM client_contact WHERE tenant_id = ?", tenant)
                    .stream().collect(Collectors.toMap(r -> (String) r.get("id"), r -> (String) r.get("name")));
            Map<String, String> expectedContacts = new HashMap<>();
            for (int i = 0; i < crash.clientIds().size(); i++) {
                expectedContacts.put(crash.clientIds().get(i), clientName(i));
            }
            assertThat(contacts).isEqualTo(expectedContacts);
            assertThat(Set.copyOf(billing.strings(
                    "SELECT CAST(client_id AS text) FROM known_client WHERE tenant_id = ?", tenant)))
                    .isEqualTo(expectedContacts.keySet());
            Set<String> unavailable = Set.copyOf(billing.strings(
                    "SELECT CAST(client_id AS text) FROM known_client WHERE tenant_id = ? AND status = 'DECLINED'",
                    tenant));
            assertThat(unavailable).isEqualTo(crash.declined());

            System.out.printf("RELIABILITY crash-relay written=%d publishedBeforeKill=%d committedBeforeKill=%d"
                            + " published=%d recordsOnTopic=%d duplicatesOnTopic=%d effects=%d"
                            + " (followup contacts=%d, billing unavailable=%d, handled once=%d+%d)%n",
                    writtenIds.size(), crash.onTopicAtKill(), crash.markedPublishedAtKill(),
                    Topics.distinctIds(onTopic.get()).size(), onTopic.get().size(), duplicates,
                    contacts.size() + unavailable.size(), contacts.size(), unavailable.size(),
                    handles.size(), handles.size());
        }
    }

    /**
     * The burst is written while this process's relay is switched off, so it is all waiting in the outbox; then
     * client-service starts with its relay on and is killed as soon as the first of those events reaches
     * clients.v1, and started again.
     */
    private RelayCrash crashRelay() {
        String tenant = "ws-crash-relay-" + UUID.randomUUID();
        ServiceProcess clientService = system.service("client-service");
        clientService.restart(Map.of("clientdesk.outbox.relay-enabled", "false"));
        Api clients = Api.at(clientService.url(), tenant);

        List<String> clientIds = Api.inParallel(6, IntStream.range(0, CLIENTS).<Callable<String>>mapToObj(i -> () ->
                clients.post("/v1/clients", Map.of("name", clientName(i), "email", "client" + i + "@example.com",
                        "locale", "en")).expect(201, "register client " + i).text("/id")).toList());
        Set<String> declined = IntStream.range(0, CLIENTS).filter(i -> i % DECLINED_EVERY == 0)
                .mapToObj(clientIds::get).collect(Collectors.toSet());
        Api.inParallel(6, declined.stream().<Callable<Api.Reply>>map(id -> () -> clients.post(
                "/v1/clients/" + id + "/decline", Map.of("reason", "not a fit", "includeReason", false))
                .expect(200, "decline " + id)).toList());

        List<OutboxRow> written;
        try (Sql db = Sql.of(system, "client-service")) {
            written = db.rows("""
                            SELECT seq, CAST(id AS text) AS id, event_type, partition_key, published_at FROM outbox_event
                            WHERE CAST(envelope AS jsonb) ->> 'tenantid' = ? ORDER BY seq""", tenant).stream()
                    .peek(r -> assertThat(r.get("published_at")).as("nothing relayed yet").isNull())
                    .map(r -> new OutboxRow(((Number) r.get("seq")).longValue(), (String) r.get("id"),
                            (String) r.get("event_type"), (String) r.get("partition_key")))
                    .toList();
        }
        // ClientRegistered and ClientScreened per client, ClientDeclined per declined one.
        assertThat(written).hasSize(2 * CLIENTS + declined.size());

        clientService.stop();
        Optional<Event> first;
        try (Topics.Tail tail = Topics.tail(system.kafkaBootstrapServers(), "clients.v1")) {
            clientService.start(Map.of());
            AtomicReference<Optional<Event>> seen = new AtomicReference<>(Optional.empty());
            await().atMost(EVENTUALLY).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        seen.set(tail.poll(Duration.ofMillis(100), e -> tenant.equals(e.tenant())));
                        return seen.get().isPresent() || !clientService.isAlive();
                    });
            first = seen.get();
            if (clientService.isAlive()) {
                clientService.kill();
            }
        }
        assertThat(first).as("an event of the burst reached clients.v1 before client-service ended").isPresent();
        int exitValue = clientService.exitValue();

        List<Event> atKill = Topics.read(system.kafkaBootstrapServers(), "clients.v1", tenant);
        long markedPublished;
        try (Sql db = Sql.of(system, "client-service")) {
            markedPublished = db.count("SELECT count(*) FROM outbox_event WHERE CAST(envelope AS jsonb) ->> 'tenantid' = ?"
                    + " AND published_at IS NOT NULL", tenant);
        }
        clientService.start(Map.of()).awaitReady();
        return new RelayCrash(tenant, clientIds, declined, written, Topics.distinctIds(atKill).size(), atKill.size(),
                markedPublished, exitValue);
    }

    private static String clientName(int i) {
        return "Client %03d".formatted(i);
    }

    private static Set<String> ids(List<OutboxRow> rows, String type) {
        return rows.stream().filter(r -> r.type().equals(type)).map(OutboxRow::id).collect(Collectors.toSet());
    }

    private static long handled(Sql db, String group, Set<String> eventIds) {
        return db.count("SELECT count(*) FROM processed_event WHERE consumer_group = ? AND event_id = ANY(?)", group,
                eventIds);
    }

    // ---------------------------------------------------------------------------------------------------------
    // (b) followup-service killed while its silence scanner is nudging

    /**
     * republishedAtKill: nudges on followups.v1 at the kill whose outbox rows were not yet marked published, so
     * the restarted relay must publish them again; client-service adds one to a counter per nudge it handles,
     * so only its idempotent consumer keeps those second copies from being counted twice.
     */
    record ScanCrash(String tenant, Map<String, String> clientOf, long nudgedBeforeKill, long rolledBackAtKill,
            int nudgesOnTopicAtKill, long republishedAtKill, int exitValue) {

        boolean midway() {
            return nudgedBeforeKill > 0 && nudgedBeforeKill < clientOf.size() && rolledBackAtKill > 0
                    && republishedAtKill > 0;
        }
    }

    /**
     * The relay sends one record per request and waits for each, so the time between the first nudge reaching
     * the topic and the batch being marked published is long enough for the kill to land in it.
     */
    private static final Map<String, String> ONE_RECORD_PER_REQUEST = Map.of("kafka.batch.size", "0",
            "kafka.max.in.flight.requests.per.connection", "1");

    @Test
    void followup_service_killed_while_its_scanner_nudges_nudges_every_conversation_once_per_window() {
        ScanCrash crash = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            crash = crashScanner();
            if (crash.midway()) {
                break;
            }
            System.out.printf("RELIABILITY crash-scanner attempt %d did not hit mid-scan and mid-relay (%d of %d"
                    + " nudged at the kill, %d in flight, %d on the topic but not marked published); trying again%n",
                    attempt, crash.nudgedBeforeKill(), crash.clientOf().size(), crash.rolledBackAtKill(),
                    crash.republishedAtKill());
        }
        int due = crash.clientOf().size();
        assertThat(crash.midway()).as("the kill landed after the first nudges were committed and before the last"
                + " (%d of %d), while a batch was in progress (%d uncommitted outbox rows) and while the relay was"
                + " publishing (%d nudges on the topic not marked published)", crash.nudgedBeforeKill(), due,
                crash.rolledBackAtKill(), crash.republishedAtKill()).isTrue();
        assertThat(crash.exitValue()).as("followup-service ended by SIGKILL").isEqualTo(KILLED);
        String tenant = crash.tenant();

        // Counts each nudge and silence once in client-service's counters, duplicates notwithstanding.
        SilenceOutcome outcome = SilenceOutcome.observe(system, tenant, crash.clientOf(), EVENTUALLY);
        assertThat(outcome.duplicatesOnTopic()).as("nudges published again after the restart")
                .isGreaterThanOrEqualTo((int) crash.republishedAtKill());
        System.out.printf("RELIABILITY crash-scanner due=%d nudgedBeforeKill=%d inFlightAtKill=%d nudgesOnTopicAtKill=%d"
                        + " republished=%d firstNudges=%d secondNudges=%d wentSilent=%d drafts=%d written=%d"
                        + " published=%d recordsOnTopic=%d duplicatesOnTopic=%d effects=%d (client-service nudges"
                        + " counted=%d, silences counted=%d)%n",
                due, crash.nudgedBeforeKill(), crash.rolledBackAtKill(), crash.nudgesOnTopicAtKill(),
                crash.republishedAtKill(),
                outcome.firstNudges(),
                outcome.secondNudges(), outcome.wentSilent(), outcome.drafts(), outcome.written(),
                outcome.published(), outcome.records(), outcome.duplicatesOnTopic(),
                outcome.healthNudges() + outcome.healthSilences(), outcome.healthNudges(), outcome.healthSilences());
    }

    private static long uncommittedOutboxRows(Sql db) {
        return db.count("SELECT (SELECT last_value FROM outbox_event_seq_seq)"
                + " - (SELECT coalesce(max(seq), 0) FROM outbox_event)");
    }

    /**
     * Many conversations become due at the same moment ({@link DueConversations}); followup-service is killed
     * after the scanner's first batch committed, while it works on the next one and while the relay publishes
     * the first, and started again.
     */
    private ScanCrash crashScanner() {
        String tenant = "ws-crash-scan-" + UUID.randomUUID();
        ServiceProcess followupService = system.service("followup-service");
        followupService.restart(ONE_RECORD_PER_REQUEST);
        List<Api> followups = List.of(Api.at(followupService.url(), tenant));
        Map<String, String> clientOf = DueConversations.openAndHold(system, tenant, followups, SILENT_CLIENTS,
                CONVERSATIONS_PER_CLIENT);

        long nudgedBeforeKill;
        long rolledBack;
        try (Sql db = Sql.of(system, "followup-service");
                Topics.Tail tail = Topics.tail(system.kafkaBootstrapServers(), "followups.v1")) {
            assertThat(db.count("SELECT count(*) FROM follow_up WHERE tenant_id = ?", tenant)).isZero();
            DueConversations.release(followups, clientOf);
            // Kill once the relay has begun to publish the first committed batch of nudges while the scanner is
            // in the middle of the next batch: it has written outbox rows that are not committed (sequence values
            // are handed out outside of any transaction).
            boolean[] relayed = {false};
            await().atMost(EVENTUALLY).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        relayed[0] |= tail.poll(Duration.ofMillis(5), e -> tenant.equals(e.tenant())
                                && e.type().equals("NoReplyForSevenDays")).isPresent();
                        long nudged = db.count("SELECT count(*) FROM follow_up WHERE tenant_id = ?", tenant);
                        // (all nudged without the moment being seen: the attempt does not count, see midway())
                        return relayed[0] && nudged > 0 && uncommittedOutboxRows(db) > 0 || nudged == clientOf.size();
                    });
            followupService.kill();
            rolledBack = uncommittedOutboxRows(db);
            nudgedBeforeKill = db.count("SELECT count(DISTINCT conversation_id) FROM follow_up WHERE tenant_id = ?"
                    + " AND attempt = 1", tenant);
            assertThat(db.count("SELECT count(*) FROM conversation WHERE tenant_id = ? AND attempts > 0", tenant))
                    .as("conversations whose nudge was committed").isEqualTo(nudgedBeforeKill);
        }
        int exitValue = followupService.exitValue();
        Set<String> onTopic = Topics.distinctIds(Topics.read(system.kafkaBootstrapServers(), "followups.v1", tenant)
                .stream().filter(e -> e.type().equals("NoReplyForSevenDays")).toList());
        long republished;
        try (Sql db = Sql.of(system, "followup-service")) {
            republished = db.count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND CAST(id AS text)"
                    + " = ANY(?)", onTopic);
        }
        followupService.start(Map.of()).awaitReady();
        return new ScanCrash(tenant, clientOf, nudgedBeforeKill, rolledBack, onTopic.size(), republished, exitValue);
    }
}
