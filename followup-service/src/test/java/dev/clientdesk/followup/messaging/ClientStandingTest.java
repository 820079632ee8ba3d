package dev.clientdesk.followup.messaging;

import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.testing.GoldenEvents;
import dev.clientdesk.kit.testing.StateSnapshot;
import dev.clientdesk.kit.testing.TestClockProducer;
import dev.clientdesk.kit.text.LocaleFormat;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Where a client stands with the workspace, as clients.v1 tells it, decides what followup-service does for them:
 * conversations only for accepted clients, none after a decline or an offboarding, drafts to the contact and in
 * the language of the client's latest ClientUpdated, under the workspace's signature.
 */
@QuarkusTest
class ClientStandingTest {

    private static final Instant SENT = Instant.parse("2026-11-02T09:30:00Z");
    private static final Duration EVENTUALLY = Duration.ofSeconds(30);

    @Inject
    SilenceScanner scanner;

    @Inject
    DataSource dataSource;

    @AfterEach
    void backToNow() {
        TestClockProducer.CLOCK.resume();
    }

    private static ValidatableResponse openByHand(String tenant, String clientId) {
        return as(tenant).body("{\"clientId\":\"" + clientId + "\",\"subject\":\"Proposal\"}")
                .post("/v1/conversations").then();
    }

    private static void refused(ValidatableResponse response, String clientId, String slug) {
        response.statusCode(409).contentType(Problem.MEDIA_TYPE)
                .body("type", endsWith("/" + slug))
                .body("detail", containsString("clientId"))
                .body("errors[0].field", equalTo("clientId"))
                .body("errors[0].message", containsString(clientId));
    }

    private static String invoiceSent(String tenant, String clientId, String invoiceId) {
        return GoldenEvents.publish("billing.v1", "InvoiceSent", tenant, clientId,
                Map.of("clientId", clientId, "invoiceId", invoiceId));
    }

    private void awaitProcessed(String eventId) {
        await("event " + eventId + " applied").atMost(EVENTUALLY).pollInterval(Duration.ofMillis(100))
                .until(() -> StateSnapshot.count(dataSource,
                        "SELECT count(*) FROM processed_event WHERE event_id = ?", eventId) == 1);
    }

    private static void awaitConversations(String tenant, String clientId, int count) {
        await().atMost(EVENTUALLY).untilAsserted(() -> as(tenant).get("/v1/conversations?clientId=" + clientId)
                .then().body("items.size()", equalTo(count)));
    }

    @Test
    void a_conversation_is_opened_by_hand_only_for_a_client_whose_acceptance_has_arrived() {
        String tenant = "ws-standing-" + UUID.randomUUID();
        String stranger = UUID.randomUUID().toString();
        refused(openByHand(tenant, stranger), stranger, "client-not-accepted");

        String lead = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, lead);
        refused(openByHand(tenant, lead), lead, "client-not-accepted");
        ClientsHeardOf.accept(tenant, lead);
        openByHand(tenant, lead).statusCode(201);
        // Accepted in one workspace is unknown in another.
        refused(openByHand("ws-elsewhere-" + UUID.randomUUID(), lead), lead, "client-not-accepted");

        String declined = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, declined);
        GoldenEvents.publish("clients.v1", "ClientDeclined", tenant, declined, Map.of("clientId", declined));
        ClientsHeardOf.awaitStanding(tenant, declined, "DECLINED");
        refused(openByHand(tenant, declined), declined, "client-declined");

        String ended = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, ended);
        GoldenEvents.publish("clients.v1", "ClientOffboarded", tenant, ended, Map.of("clientId", ended));
        ClientsHeardOf.awaitStanding(tenant, ended, "OFFBOARDED");
        refused(openByHand(tenant, ended), ended, "client-offboarded");
        // A later ClientAccepted (a stray event) does not bring an ended client back.
        awaitProcessed(GoldenEvents.publish("clients.v1", "ClientAccepted", tenant, ended, Map.of("clientId", ended)));
        refused(openByHand(tenant, ended), ended, "client-offboarded");

        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM conversation WHERE tenant_id = ?", tenant))
                .as("conversations opened in the workspace").isEqualTo(1);
    }

    /**
     * The ClientDeclined handler first marks the client declined, and that row lock is held here while a
     * conversation is being opened: the opening waits for it and then sees the decline, instead of reading the
     * acceptance that is about to end.
     */
    @Test
    void a_decline_committing_while_a_conversation_is_being_opened_does_not_slip_past() throws Exception {
        String tenant = "ws-standing-race-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, client);
        try (Connection decline = dataSource.getConnection(); Connection watcher = dataSource.getConnection()) {
            decline.setAutoCommit(false);
            try (PreparedStatement update = decline.prepareStatement(
                    "UPDATE client_contact SET status = 'DECLINED' WHERE tenant_id = ? AND client_id = ?")) {
                update.setString(1, tenant);
                update.setObject(2, UUID.fromString(client));
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            String declining = transactionId(decline);
            CompletableFuture<Response> opening = CompletableFuture.supplyAsync(() -> as(tenant)
                    .body("{\"clientId\":\"" + client + "\",\"subject\":\"Proposal\"}").post("/v1/conversations"));
            await("the opening waits for the client's row, or answers").atMost(Duration.ofSeconds(10))
                    .until(() -> opening.isDone() || waitingFor(watcher, declining) > 0);
            decline.commit();
            Response answer = opening.get(30, TimeUnit.SECONDS);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
            assertThat(answer.jsonPath().getString("type")).endsWith("/client-declined");
        }
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM conversation WHERE tenant_id = ?", tenant))
                .isZero();
    }

    private static String transactionId(Connection connection) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement("SELECT (txid_current() % 4294967296)::text");
                ResultSet rs = statement.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Sessions waiting for the given transaction to end (a row it changed is what they want). */
    private static long waitingFor(Connection watcher, String transactionId) throws Exception {
        try (PreparedStatement statement = watcher.prepareStatement("SELECT count(*) FROM pg_locks"
                + " WHERE NOT granted AND locktype = 'transactionid' AND transactionid::text = ?")) {
            statement.setString(1, transactionId);
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void after_offboarding_no_invoice_opens_a_conversation_and_none_of_the_clients_is_nudged() throws Exception {
        String tenant = "ws-offboarded-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, client);
        invoiceSent(tenant, client, UUID.randomUUID().toString());
        awaitConversations(tenant, client, 1);
        openByHand(tenant, client).statusCode(201);

        GoldenEvents.publish("clients.v1", "ClientOffboarded", tenant, client, Map.of("clientId", client));
        await().atMost(EVENTUALLY).untilAsserted(() -> as(tenant)
                .get("/v1/conversations?clientId=" + client + "&status=CLOSED").then()
                .body("items.size()", equalTo(2)).body("items.closeReason", everyItem(equalTo("CLIENT_OFFBOARDED"))));

        // billing's settlement sends the final invoice after the offboarding
        String finalInvoice = UUID.randomUUID().toString();
        awaitProcessed(invoiceSent(tenant, client, finalInvoice));
        assertThat(StateSnapshot.count(dataSource, "SELECT count(*) FROM conversation WHERE invoice_id = ?",
                UUID.fromString(finalInvoice))).as("conversations about the final invoice").isZero();

        // a conversation still open for the client (written before the offboarding reached this service)
        String leftOpen = UUID.randomUUID().toString();
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO conversation (id, tenant_id, client_id, kind, subject, details, status,
                    last_outbound_at, silent_since, attempts, next_check_at, opened_at, version)
                VALUES (?, ?, ?, 'MANUAL', 'Left open', '{}'::jsonb, 'OPEN', ?, ?, 0, ?, ?, 0)""")) {
            OffsetDateTime sent = OffsetDateTime.ofInstant(SENT, ZoneOffset.UTC);
            insert.setObject(1, UUID.fromString(leftOpen));
            insert.setString(2, tenant);
            insert.setObject(3, UUID.fromString(client));
            insert.setObject(4, sent);
            insert.setObject(5, sent);
            insert.setObject(6, sent.plusDays(7));
            insert.setObject(7, sent);
            insert.executeUpdate();
        }
        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(60)));
        scanner.scan();
        as(tenant).get("/v1/followups?clientId=" + client).then().statusCode(200).body("items.size()", equalTo(0));
        as(tenant).get("/v1/conversations/" + leftOpen).then().statusCode(200)
                .body("status", equalTo("CLOSED")).body("closeReason", equalTo("CLIENT_OFFBOARDED"));
    }

    @Test
    void a_declined_client_gets_no_conversation_for_an_invoice() {
        String tenant = "ws-declined-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.register(tenant, client);
        GoldenEvents.publish("clients.v1", "ClientDeclined", tenant, client, Map.of("clientId", client));
        ClientsHeardOf.awaitStanding(tenant, client, "DECLINED");
        awaitProcessed(invoiceSent(tenant, client, UUID.randomUUID().toString()));
        as(tenant).get("/v1/conversations?clientId=" + client).then().body("items.size()", equalTo(0));
    }

    @Test
    void a_client_update_changes_whom_the_next_draft_greets_writes_to_in_which_language_and_calendar() {
        String tenant = "ws-updated-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, client, Map.of("locale", "kk"));
        invoiceSent(tenant, client, UUID.randomUUID().toString());
        awaitConversations(tenant, client, 1);

        // UTC+14: the invoice's due date (16 November) is over there while it is still the 16th in UTC.
        awaitProcessed(ClientsHeardOf.update(tenant, client, Map.of("name", "Nino Beridze", "email",
                "nino@example.ge", "locale", "ka", "timezone", "Pacific/Kiritimati")));
        assertThat(StateSnapshot.count(dataSource, """
                SELECT count(*) FROM client_contact WHERE tenant_id = ? AND client_id = ? AND name = 'Nino Beridze'
                AND email = 'nino@example.ge' AND locale = 'ka' AND timezone = 'Pacific/Kiritimati'
                AND status = 'ACCEPTED'""", tenant, UUID.fromString(client))).isEqualTo(1);

        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(7)));
        scanner.scan();
        String dueDate = LocaleFormat.of("ka").date(LocalDate.parse("2026-11-16"));
        as(tenant).get("/v1/followups?clientId=" + client).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].language", equalTo("ka"))
                .body("items[0].recipient", equalTo("nino@example.ge"))
                .body("items[0].body", startsWith("პატივცემულო Nino Beridze,\n\n"))
                .body("items[0].body", containsString(dueDate))
                .body("items[0].body", containsString("მიიღეთ ინვოისი?"))
                .body("items[0].body", endsWith("\n\nპატივისცემით\n"));

        TestClockProducer.CLOCK.set(Instant.parse("2026-11-16T12:30:00Z"));
        scanner.scan();
        as(tenant).get("/v1/followups?clientId=" + client).then()
                .body("items.size()", equalTo(2))
                .body("items[0].body", startsWith("პატივცემულო Nino Beridze,\n\nკიდევ ერთხელ"))
                .body("items[0].body", containsString("(" + dueDate + ") უკვე გავიდა"));
    }

    @Test
    void every_draft_ends_with_the_closing_line_and_the_workspaces_latest_signature() {
        String tenant = "ws-signature-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, client, Map.of("locale", "en", "name", "Sam"));
        awaitProcessed(ClientsHeardOf.signature(tenant, "Elif Demir\nStudio Elif",
                Instant.parse("2026-11-01T10:00:00Z")));
        // an older change delivered late does not replace the newer signature
        awaitProcessed(ClientsHeardOf.signature(tenant, "Old signature", Instant.parse("2026-10-01T10:00:00Z")));
        invoiceSent(tenant, client, UUID.randomUUID().toString());
        awaitConversations(tenant, client, 1);

        TestClockProducer.CLOCK.set(SENT.plus(Duration.ofDays(7)));
        scanner.scan();
        as(tenant).get("/v1/followups?clientId=" + client).then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].body", startsWith("Hello Sam,\n\nI am writing about invoice 2026-0001 for EUR\u00a01,000.00,"
                        + " due on 16 November 2026. Did it reach you, and do you still intend to go ahead?\n\n"))
                .body("items[0].body", endsWith("\n\nBest regards,\nElif Demir\nStudio Elif\n"));
    }
}
