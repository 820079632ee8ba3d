package dev.clientdesk.followup.api;

import dev.clientdesk.followup.messaging.ClientsHeardOf;
import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.testing.TestClockProducer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The silence cadence, driven by moving the application clock and running the scan by hand. */
@QuarkusTest
class SilenceTest {

    @Inject
    SilenceScanner scanner;

    @Inject
    EntityManager em;

    private Instant t0;

    @AfterEach
    void backToNow() {
        TestClockProducer.CLOCK.resume();
    }

    /** A conversation opened "now" for an accepted client, with the clock far from every other test's conversations. */
    private String open(String tenant, String clientId) {
        ClientsHeardOf.accept(tenant, clientId);
        t0 = Instant.now().plus(Duration.ofDays(400 + (long) (Math.random() * 10_000))).truncatedTo(ChronoUnit.SECONDS);
        TestClockProducer.CLOCK.set(t0);
        return as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Invoice talk\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
    }

    private void at(double days) {
        TestClockProducer.CLOCK.set(t0.plus(Duration.ofMinutes((long) (days * 24 * 60))));
        scanner.scan();
    }

    private long events(String type, String subject) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbox_event WHERE event_type = ?1 AND envelope LIKE ?2")
                .setParameter(1, type).setParameter(2, "%\"subject\":\"" + subject + "\"%")
                .getSingleResult()).longValue());
    }

    @Test
    void day_6_nothing_day_7_one_day_8_still_one_day_14_the_second_day_21_silent() {
        String tenant = "ws-cadence-" + UUID.randomUUID();
        String id = open(tenant, UUID.randomUUID().toString());

        at(6.9);
        assertThat(events("NoReplyForSevenDays", id)).isZero();
        at(7);
        assertThat(events("NoReplyForSevenDays", id)).isEqualTo(1);
        at(8);
        at(13.9);
        assertThat(events("NoReplyForSevenDays", id)).isEqualTo(1);
        at(14);
        assertThat(events("NoReplyForSevenDays", id)).isEqualTo(2);
        assertThat(events("ClientWentSilent", id)).isZero();
        at(21);
        assertThat(events("ClientWentSilent", id)).isEqualTo(1);
        at(40);
        assertThat(events("NoReplyForSevenDays", id)).isEqualTo(2);
        assertThat(events("ClientWentSilent", id)).isEqualTo(1);
        as(tenant).get("/v1/conversations/" + id).then().body("status", equalTo("SILENT"))
                .body("history.kind", hasItem("WENT_SILENT"));
    }

    @Test
    void a_reply_on_day_10_resets_the_silence_and_an_out_of_office_does_not() {
        String tenant = "ws-reply-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        String id = open(tenant, clientId);
        at(7);
        TestClockProducer.CLOCK.set(t0.plus(Duration.ofDays(9)));
        as(tenant).body("{\"receivedAt\":\"" + t0.plus(Duration.ofDays(9)) + "\",\"channel\":\"email\",\"outOfOffice\":true}")
                .post("/v1/clients/" + clientId + "/replies").then().statusCode(200);
        at(14);
        assertThat(events("NoReplyForSevenDays", id)).as("out-of-office is not a reply").isEqualTo(2);

        String other = open(tenant, UUID.randomUUID().toString());
        String otherClient = as(tenant).get("/v1/conversations/" + other).then().extract().path("clientId");
        at(7);
        TestClockProducer.CLOCK.set(t0.plus(Duration.ofDays(10)));
        as(tenant).body("{\"receivedAt\":\"" + t0.plus(Duration.ofDays(10)) + "\",\"channel\":\"phone\"}")
                .post("/v1/clients/" + otherClient + "/replies").then().statusCode(200);
        assertThat(events("ClientReplied", otherClient)).isEqualTo(1);
        at(14);
        at(16.9);
        assertThat(events("NoReplyForSevenDays", other)).isEqualTo(1);
        at(17);
        assertThat(events("NoReplyForSevenDays", other)).isEqualTo(2);

        as(tenant).body("{\"reason\":\"they said yes\"}").post("/v1/conversations/" + other + "/close")
                .then().statusCode(200).body("status", equalTo("CLOSED"));
        as(tenant).body("{}").post("/v1/conversations/" + other + "/close").then().statusCode(409);
        at(30);
        assertThat(events("NoReplyForSevenDays", other)).isEqualTo(2);
    }

    @Test
    void a_paused_client_is_not_nudged_until_the_pause_ends() {
        String tenant = "ws-pause-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        String id = open(tenant, clientId);
        as(tenant).body("{\"until\":\"" + t0.plus(Duration.ofDays(30)) + "\",\"reason\":\"payment plan\"}")
                .put("/v1/clients/" + clientId + "/pause").then().statusCode(200);
        at(7);
        at(14);
        at(21);
        assertThat(events("NoReplyForSevenDays", id)).isZero();
        assertThat(events("ClientWentSilent", id)).isZero();
        at(30);
        assertThat(events("NoReplyForSevenDays", id)).isEqualTo(1);
    }

    @Test
    void a_conversation_opened_while_its_client_is_paused_inherits_the_pause() {
        String tenant = "ws-pause-first-" + UUID.randomUUID();
        String clientId = UUID.randomUUID().toString();
        open(tenant, clientId);
        Instant until = t0.plus(Duration.ofDays(30));
        as(tenant).body("{\"until\":\"" + until + "\"}").put("/v1/clients/" + clientId + "/pause")
                .then().statusCode(200);

        as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Second invoice\"}")
                .post("/v1/conversations").then().statusCode(201)
                .body("pausedUntil", equalTo(until.toString()));
    }

    @Test
    void a_conversation_that_cannot_be_handled_is_set_aside_and_does_not_block_the_others() {
        String tenant = "ws-broken-" + UUID.randomUUID();
        String healthy = open(tenant, UUID.randomUUID().toString());
        String broken = UUID.randomUUID().toString();
        // An invoice conversation without its invoice details cannot be drafted.
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                INSERT INTO conversation (id, tenant_id, client_id, invoice_id, kind, subject, details, status,
                    last_outbound_at, silent_since, attempts, next_check_at, opened_at, version)
                VALUES (CAST(?1 AS uuid), ?2, gen_random_uuid(), gen_random_uuid(), 'INVOICE_PAYMENT', 'Broken',
                    '{}'::jsonb, 'OPEN', ?3, ?3, 0, ?4, ?3, 0)""")
                .setParameter(1, broken).setParameter(2, tenant)
                .setParameter(3, java.time.OffsetDateTime.ofInstant(t0, java.time.ZoneOffset.UTC))
                .setParameter(4, java.time.OffsetDateTime.ofInstant(t0.plus(Duration.ofDays(6)), java.time.ZoneOffset.UTC))
                .executeUpdate());

        at(7);
        assertThat(events("NoReplyForSevenDays", healthy)).isEqualTo(1);
        assertThat(events("NoReplyForSevenDays", broken)).isZero();
        as(tenant).get("/v1/conversations/" + broken).then().statusCode(200)
                .body("attempts", equalTo(0))
                .body("nextCheckAt", equalTo(t0.plus(Duration.ofDays(7)).plus(Duration.ofHours(1)).toString()));
    }

    @Test
    void two_scanners_at_once_publish_each_event_exactly_once() throws Exception {
        String tenant = "ws-race-" + UUID.randomUUID();
        String first = open(tenant, UUID.randomUUID().toString());
        List<String> ids = new ArrayList<>(List.of(first));
        List<String> clients = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            clients.add(UUID.randomUUID().toString());
            ClientsHeardOf.accept(tenant, clients.get(i));
        }
        for (int i = 1; i < 250; i++) {
            ids.add(as(tenant).body("{\"clientId\":\"" + clients.get(i % 10) + "\",\"subject\":\"s" + i + "\"}")
                    .post("/v1/conversations").then().statusCode(201).extract().<String>path("id"));
        }
        TestClockProducer.CLOCK.set(t0.plus(Duration.ofDays(7)));
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> a = replicas.submit(scanner::scan);
            Future<Integer> b = replicas.submit(scanner::scan);
            assertThat(a.get() + b.get()).isGreaterThanOrEqualTo(250);
        } finally {
            replicas.shutdown();
        }
        long nudged = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(*) FROM outbox_event WHERE event_type = 'NoReplyForSevenDays'
                AND envelope LIKE ?1""").setParameter(1, "%\"tenantid\":\"" + tenant + "\"%")
                .getSingleResult()).longValue());
        long distinct = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                SELECT count(DISTINCT subject_id) FROM (SELECT substring(envelope from '"subject":"([^"]+)"') AS subject_id
                FROM outbox_event WHERE event_type = 'NoReplyForSevenDays' AND envelope LIKE ?1) s""")
                .setParameter(1, "%\"tenantid\":\"" + tenant + "\"%").getSingleResult()).longValue());
        assertThat(nudged).isEqualTo(250);
        assertThat(distinct).isEqualTo(250);
    }
}
