package dev.clientdesk.followup.reliability;

import dev.clientdesk.followup.messaging.ClientsHeardOf;
import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.testing.RowLock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * While the owner's conversation or follow-up row is locked by a long transaction, another workspace's write
 * on that id is a 404 at once instead of queueing behind the lock.
 */
@QuarkusTest
class StrangerLockTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(3);

    @Inject
    DataSource dataSource;

    @Inject
    SilenceScanner scanner;

    @Test
    void a_strangers_writes_on_a_locked_conversation_or_follow_up_answer_404_without_waiting() {
        String owner = "ws-lock-owner-" + UUID.randomUUID();
        String stranger = "ws-lock-stranger-" + UUID.randomUUID();
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(owner, client);
        String conversation = as(owner).body("{\"clientId\":\"" + client + "\",\"subject\":\"Invoice talk\","
                        + "\"lastWrittenAt\":\"" + Instant.now().minus(30, ChronoUnit.DAYS) + "\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
        scanner.scan();
        String followUp = as(owner).queryParam("clientId", client).get("/v1/followups")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(followUp).isNotNull();

        Map<String, Supplier<Response>> onConversation = Map.of(
                "close", () -> as(stranger).body("{}").post("/v1/conversations/" + conversation + "/close"),
                "pause", () -> as(stranger).body("{\"until\":\"" + Instant.now().plus(3, ChronoUnit.DAYS) + "\"}")
                        .put("/v1/conversations/" + conversation + "/pause"),
                "resume", () -> as(stranger).delete("/v1/conversations/" + conversation + "/pause"));
        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM conversation WHERE id = ? FOR UPDATE",
                UUID.fromString(conversation))) {
            onConversation.forEach((what, call) -> assertThat(lock.answerWithin(PROMPTLY, call).statusCode())
                    .as(what).isEqualTo(404));
        }
        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM follow_up WHERE id = ? FOR UPDATE",
                UUID.fromString(followUp))) {
            assertThat(lock.answerWithin(PROMPTLY, () -> as(stranger).post("/v1/followups/" + followUp + "/send"))
                    .statusCode()).isEqualTo(404);
        }
        as(owner).get("/v1/followups/" + followUp).then().statusCode(200).body("status", equalTo("DRAFT"));
    }
}
