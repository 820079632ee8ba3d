package dev.clientdesk.e2e;

import dev.clientdesk.e2e.Topics.Event;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Year;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A second replica of each service (other HTTP ports; same databases, broker and consumer groups), with
 * traffic spread over both. Without a crash, at-least-once never has to repeat itself: no event id may
 * appear twice on a topic. Each scenario also shows that both replicas did its work: their relays, scanners
 * and consumers counted some of it in their own metrics while the scenario ran.
 */
class TwoReplicasTest {

    private static final int PROJECTS_PER_WORKSPACE = 30;
    private static final int SILENT_CLIENTS = 4;
    private static final int CONVERSATIONS_PER_CLIENT = 100;
    private static final Duration EVENTUALLY = Duration.ofSeconds(120);
    private static final String DEPOSIT = "200.00";
    private static final String PUBLISHED = "clientdesk_outbox_published_total";
    private static final String HANDLED = "clientdesk_events_handled_total";
    private static final String CHECKED = "clientdesk_silence_scan_checked_total";

    private static RunningSystem system;
    private static ServiceProcess client2;
    private static ServiceProcess billing2;
    private static ServiceProcess followup2;

    @BeforeAll
    static void startSecondReplicas() {
        system = RunningSystem.get();
        client2 = system.launchReplica("client-service", "client-service-2", Map.of());
        billing2 = system.launchReplica("billing-service", "billing-service-2", Map.of());
        followup2 = system.launchReplica("followup-service", "followup-service-2", Map.of());
        client2.awaitReady();
        billing2.awaitReady();
        followup2.awaitReady();
        // Both replicas of each service are members of the service's one consumer group before traffic starts.
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                system.kafkaBootstrapServers()))) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
                Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(
                        List.of("client-service", "billing-service", "followup-service")).all().get();
                groups.forEach((group, description) -> {
                    assertThat(description.groupState()).as(group).isEqualTo(GroupState.STABLE);
                    assertThat(description.members()).as("members of %s", group).hasSize(2);
                });
            });
        }
    }

    @AfterAll
    static void stopSecondReplicas() {
        if (client2 != null) {
            client2.stop();
        }
        if (billing2 != null) {
            billing2.stop();
        }
        if (followup2 != null) {
            followup2.stop();
        }
    }

    private static List<ServiceProcess> billingReplicas() {
        return List.of(system.service("billing-service"), billing2);
    }

    private static List<ServiceProcess> followupReplicas() {
        return List.of(system.service("followup-service"), followup2);
    }

    @Test
    void clients_registered_concurrently_through_both_client_replicas_are_published_once_each() {
        String tenant = "ws-replicas-clients-" + UUID.randomUUID();
        List<ServiceProcess> replicas = List.of(system.service("client-service"), client2);
        Map<String, Long> publishedBefore = metric(replicas, PUBLISHED);
        int clients = 100;
        List<Callable<Integer>> registrations = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            ServiceProcess replica = replicas.get(i % replicas.size());
            int n = i;
            registrations.add(() -> Api.at(replica.url(), tenant).post("/v1/clients",
                    Map.of("name", "Client " + n, "email", "client" + n + "@example.com", "locale", "en")).status());
        }

        assertThat(Api.inParallel(8, registrations)).hasSize(clients).containsOnly(201);

        TopicCheck topic = TopicCheck.of("client-service", "clients.v1", List.of(tenant));
        assertThat(topic.written()).as("ClientRegistered and ClientScreened per client").isEqualTo(2 * clients);
        assertThat(topic.duplicates()).as("duplicate event ids on clients.v1").isZero();
        Map<String, Long> published = delta(publishedBefore, metric(replicas, PUBLISHED));
        assertBothWorked(published, topic.written(), "events relayed by each client-service replica");
        System.out.printf("RELIABILITY replicas-clients registered=%d written=%d published=%d duplicatesOnTopic=%d"
                        + " relayedPerClientReplica=%s%n", clients, topic.written(), topic.published(),
                topic.duplicates(), published);
    }

    record Contract(String tenant, String clientId, String projectId, String depositInvoiceId, String milestoneId) {
    }

    @Test
    void invoices_issued_concurrently_through_both_billing_replicas_are_numbered_gaplessly_per_workspace() {
        List<String> tenants = List.of("ws-replicas-a-" + UUID.randomUUID(), "ws-replicas-b-" + UUID.randomUUID());
        Map<String, Long> publishedBefore = metric(billingReplicas(), PUBLISHED);
        Map<String, Long> handledBefore = metric(followupReplicas(), HANDLED);

        // Every project is for a client client-service registered and accepted: billing-service contracts only
        // clients whose acceptance has reached it; followup-service and client-service apply billing's events
        // only to clients they know, in their workspace.
        List<String> clientIds = new ArrayList<>();
        for (int i = 0; i < 2 * PROJECTS_PER_WORKSPACE; i++) {
            clientIds.add(acceptedClient(tenants.get(i % 2), i));
        }
        try (Sql followups = Sql.of(system, "followup-service")) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                    followups.count("SELECT count(*) FROM client_contact WHERE tenant_id = ANY(?)", tenants))
                    .as("clients followup-service heard of").isEqualTo(clientIds.size()));
        }
        try (Sql billing = Sql.of(system, "billing-service")) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> assertThat(
                    billing.count("SELECT count(*) FROM known_client WHERE tenant_id = ANY(?) AND status = 'ACCEPTED'",
                            tenants)).as("accepted clients billing-service heard of").isEqualTo(clientIds.size()));
        }

        // Contract, send and pay a deposit per project; the steps of one project alternate between the replicas,
        // the projects of the two workspaces interleave on eight threads.
        List<Callable<Contract>> contracting = new ArrayList<>();
        for (int i = 0; i < 2 * PROJECTS_PER_WORKSPACE; i++) {
            String tenant = tenants.get(i % 2);
            int r = (i / 2) % 2;
            Api one = Api.at(billingReplicas().get(r).url(), tenant);
            Api other = Api.at(billingReplicas().get(1 - r).url(), tenant);
            int n = i;
            String clientId = clientIds.get(i);
            contracting.add(() -> contract(n, tenant, clientId, one, other));
        }
        List<Contract> contracts = Api.inParallel(8, contracting);

        // Each project's first milestone is completed through both replicas at the same moment: one wins.
        List<Callable<Integer>> completing = new ArrayList<>();
        for (Contract contract : contracts) {
            for (ServiceProcess replica : billingReplicas()) {
                completing.add(() -> Api.at(replica.url(), contract.tenant()).post("/v1/projects/" + contract.projectId()
                        + "/milestones/" + contract.milestoneId() + "/complete", null).status());
            }
        }
        List<Integer> statuses = Api.inParallel(8, completing);
        for (int i = 0; i < contracts.size(); i++) {
            assertThat(List.of(statuses.get(2 * i), statuses.get(2 * i + 1))).as("completing %s twice at once",
                    contracts.get(i).projectId()).containsExactlyInAnyOrder(201, 409);
        }

        int invoices = 0;
        try (Sql billing = Sql.of(system, "billing-service")) {
            for (String tenant : tenants) {
                List<String> numbers = billing.strings("SELECT number FROM invoice WHERE tenant_id = ?", tenant);
                String prefix = Year.now(java.time.ZoneOffset.UTC) + "-";
                assertThat(numbers).allMatch(n -> n.startsWith(prefix), "numbered " + prefix + "NNNN");
                List<Integer> sequence = numbers.stream().map(n -> Integer.parseInt(n.substring(prefix.length())))
                        .sorted().toList();
                assertThat(sequence).as("invoice numbers of %s: unique and gapless", tenant)
                        .isEqualTo(IntStream.rangeClosed(1, 2 * PROJECTS_PER_WORKSPACE).boxed().toList());
                invoices += numbers.size();
            }
            assertThat(billing.count("SELECT count(*) FROM invoice WHERE tenant_id = ANY(?) AND kind = 'MILESTONE'",
                    tenants)).as("one milestone invoice per project").isEqualTo(contracts.size());
        }

        // followup-service (both replicas in one consumer group): one conversation per sent deposit invoice,
        // closed when it was paid.
        Set<String> deposits = contracts.stream().map(Contract::depositInvoiceId).collect(Collectors.toSet());
        try (Sql followups = Sql.of(system, "followup-service")) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(followups
                    .strings("""
                            SELECT CAST(invoice_id AS text) || ' ' || status || ' ' || coalesce(close_reason, '')
                            FROM conversation WHERE tenant_id = ANY(?)""", tenants))
                    .containsExactlyInAnyOrderElementsOf(deposits.stream().map(d -> d + " CLOSED PAID").toList()));
        }

        // Every event reached its topic exactly once (no crash, so not even a harmless duplicate).
        TopicCheck billingTopic = TopicCheck.of("billing-service", "billing.v1", tenants);
        TopicCheck followupTopic = TopicCheck.of("followup-service", "followups.v1", tenants);
        assertThat(billingTopic.duplicates()).as("duplicate event ids on billing.v1").isZero();
        assertThat(followupTopic.duplicates()).as("duplicate event ids on followups.v1").isZero();

        // client-service counts money paid per client: each PaymentReceived exactly once.
        Set<String> payments = billingTopic.events().stream().filter(e -> e.type().equals("PaymentReceived"))
                .map(Event::id).collect(Collectors.toSet());
        assertThat(payments).hasSize(contracts.size());
        Map<String, BigDecimal> paid;
        try (Sql clients = Sql.of(system, "client-service")) {
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> assertThat(clients.count(
                    "SELECT count(*) FROM processed_event WHERE consumer_group = 'client-service' AND event_id = ANY(?)",
                    payments)).isEqualTo(payments.size()));
            paid = clients.rows("SELECT CAST(client_id AS text) AS c, paid ->> 'EUR' AS eur FROM client_health"
                            + " WHERE tenant_id = ANY(?)", tenants).stream()
                    .collect(Collectors.toMap(r -> (String) r.get("c"), r -> new BigDecimal((String) r.get("eur"))));
        }
        Map<String, BigDecimal> expectedPaid = contracts.stream()
                .collect(Collectors.toMap(Contract::clientId, c -> new BigDecimal(DEPOSIT)));
        assertThat(paid).usingComparatorForType(BigDecimal::compareTo, BigDecimal.class).isEqualTo(expectedPaid);

        Map<String, Long> published = delta(publishedBefore, metric(billingReplicas(), PUBLISHED));
        Map<String, Long> handled = delta(handledBefore, metric(followupReplicas(), HANDLED));
        assertBothWorked(published, billingTopic.written(), "events relayed by each billing-service replica");
        // followup-service handles each deposit's InvoiceSent, PaymentReceived and InvoicePaid.
        assertBothWorked(handled, 3L * contracts.size(), "events handled by each followup-service replica");
        System.out.printf("RELIABILITY replicas-invoices workspaces=%d projects=%d invoices=%d gapless=true"
                        + " concurrentCompletes=%d won=%d refused=%d written=%d published=%d duplicatesOnTopic=%d"
                        + " followupsWritten=%d %s followupsDuplicatesOnTopic=%d conversations=%d paymentsCounted=%d"
                        + " relayedPerBillingReplica=%s handledPerFollowupReplica=%s%n",
                tenants.size(), contracts.size(), invoices, statuses.size(),
                statuses.stream().filter(s -> s == 201).count(), statuses.stream().filter(s -> s == 409).count(),
                billingTopic.written(), billingTopic.published(), billingTopic.duplicates(), followupTopic.written(),
                followupTopic.events().stream().collect(Collectors.groupingBy(Event::type, java.util.TreeMap::new,
                        Collectors.mapping(Event::id, Collectors.toSet()))).entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue().size()).collect(Collectors.joining(",", "(", ")")),
                followupTopic.duplicates(), deposits.size(), paid.size(), published, handled);
    }

    private String acceptedClient(String tenant, int n) {
        Api clients = Api.at(system.url("client-service"), tenant);
        String id = clients.post("/v1/clients", Map.of("name", "Client " + n, "email", "client" + n + "@example.com",
                "locale", "en")).expect(201, "register client " + n).text("/id");
        clients.post("/v1/clients/" + id + "/accept", null).expect(200, "accept client " + n);
        return id;
    }

    private Contract contract(int n, String tenant, String clientId, Api one, Api other) {
        Api.Reply project = one.post("/v1/projects", Map.of("clientId", clientId, "title", "Project " + n,
                "totalFee", Map.of("amount", "1000.00", "currency", "EUR"), "depositPercent", 20,
                "milestones", List.of(Map.of("name", "Design", "percent", "40"), Map.of("name", "Build", "percent", "40"))))
                .expect(201, "contract project " + n);
        assertThat(project.text("/deposit/amount")).isEqualTo(DEPOSIT);
        String deposit = project.text("/depositInvoiceId");
        other.post("/v1/invoices/" + deposit + "/send", null).expect(200, "send deposit " + n);
        one.post("/v1/invoices/" + deposit + "/payments", Map.of("amount", Map.of("amount", DEPOSIT, "currency", "EUR")))
                .expect(201, "pay deposit " + n);
        return new Contract(tenant, clientId, project.text("/id"), deposit, project.text("/milestones/0/id"));
    }

    @Test
    void both_scanners_running_nudge_every_due_conversation_once_per_window() {
        String tenant = "ws-replicas-scan-" + UUID.randomUUID();
        List<Api> apis = followupReplicas().stream().map(r -> Api.at(r.url(), tenant)).toList();
        Map<String, Long> publishedBefore = metric(followupReplicas(), PUBLISHED);
        Map<String, Long> checkedBefore = metric(followupReplicas(), CHECKED);

        Map<String, String> clientOf = DueConversations.openAndHold(system, tenant, apis, SILENT_CLIENTS,
                CONVERSATIONS_PER_CLIENT);
        DueConversations.release(apis, clientOf);
        SilenceOutcome outcome = SilenceOutcome.observe(system, tenant, clientOf, EVENTUALLY);
        assertThat(outcome.duplicatesOnTopic()).as("duplicate event ids on followups.v1 without a crash").isZero();

        Map<String, Long> published = delta(publishedBefore, metric(followupReplicas(), PUBLISHED));
        Map<String, Long> checked = delta(checkedBefore, metric(followupReplicas(), CHECKED));
        // Three checks per conversation: two nudges and the silence.
        assertBothWorked(checked, 3L * clientOf.size(), "conversations checked by each followup-service scanner");
        assertBothWorked(published, outcome.written(), "events relayed by each followup-service replica");
        System.out.printf("RELIABILITY replicas-scanner due=%d firstNudges=%d secondNudges=%d wentSilent=%d drafts=%d"
                        + " written=%d published=%d duplicatesOnTopic=%d effects=%d (client-service nudges counted=%d,"
                        + " silences counted=%d) relayedPerFollowupReplica=%s checkedPerScanner=%s%n",
                clientOf.size(), outcome.firstNudges(), outcome.secondNudges(), outcome.wentSilent(), outcome.drafts(),
                outcome.written(), outcome.published(), outcome.duplicatesOnTopic(),
                outcome.healthNudges() + outcome.healthSilences(), outcome.healthNudges(), outcome.healthSilences(),
                published, checked);
    }

    /**
     * Both replicas counted some of the work during the scenario, and together at least all of it (other
     * workspaces' leftovers may add to the counts, never take away).
     */
    private static void assertBothWorked(Map<String, Long> perReplica, long atLeastInAll, String what) {
        assertThat(perReplica).as(what).hasSize(2).allSatisfy((replica, count) ->
                assertThat(count).as("%s: %s", what, replica).isPositive());
        assertThat(perReplica.values().stream().mapToLong(Long::longValue).sum()).as("%s, together", what)
                .isGreaterThanOrEqualTo(atLeastInAll);
    }

    /** What one workspace's events look like on a topic compared with its producer's outbox. */
    record TopicCheck(int written, int published, int duplicates, List<Event> events) {

        static TopicCheck of(String service, String topic, List<String> tenants) {
            Set<String> written;
            try (Sql db = Sql.of(system, service)) {
                written = Set.copyOf(db.strings("SELECT CAST(id AS text) FROM outbox_event"
                        + " WHERE CAST(envelope AS jsonb) ->> 'tenantid' = ANY(?)", tenants));
            }
            AtomicReference<List<Event>> events = new AtomicReference<>();
            await().atMost(EVENTUALLY).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
                events.set(Topics.read(system.kafkaBootstrapServers(), topic).stream()
                        .filter(e -> tenants.contains(e.tenant())).toList());
                assertThat(Topics.distinctIds(events.get())).containsAll(written);
            });
            assertThat(Topics.distinctIds(events.get())).isEqualTo(written);
            return new TopicCheck(written.size(), Topics.distinctIds(events.get()).size(),
                    Topics.duplicates(events.get()), events.get());
        }
    }

    private static final Pattern SAMPLE = Pattern.compile("^(\\w+)(\\{[^}]*})? ([0-9.eE+-]+)$", Pattern.MULTILINE);

    /** A counter from each replica's /q/metrics, by replica name. */
    private static Map<String, Long> metric(List<ServiceProcess> replicas, String name) {
        Map<String, Long> values = new LinkedHashMap<>();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        for (ServiceProcess replica : replicas) {
            try {
                String text = http.send(HttpRequest.newBuilder(URI.create(replica.url() + "/q/metrics")).build(),
                        HttpResponse.BodyHandlers.ofString()).body();
                Matcher m = SAMPLE.matcher(text);
                double sum = 0;
                while (m.find()) {
                    if (m.group(1).equals(name)) {
                        sum += Double.parseDouble(m.group(3));
                    }
                }
                values.put(replica.name(), (long) sum);
            } catch (Exception e) {
                values.put(replica.name(), -1L);
            }
        }
        return values;
    }

    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((k, v) -> delta.put(k, v - before.getOrDefault(k, 0L)));
        return new LinkedHashMap<>(delta);
    }
}
