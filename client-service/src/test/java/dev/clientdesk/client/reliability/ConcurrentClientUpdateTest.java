package dev.clientdesk.client.reliability;

import dev.clientdesk.kit.testing.Concurrently;
import dev.clientdesk.kit.testing.RowLock;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 7: many editors send the same If-Match at once. One of them wins; everyone else was working on a
 * version that no longer exists and gets 412 problem+json; what is stored is the winner's change.
 */
@QuarkusTest
class ConcurrentClientUpdateTest {

    private static final int EDITORS = 10;

    @Inject
    DataSource dataSource;

    record Answer(int editor, int status, String contentType, String etag, String type) {
    }

    static RequestSpecification as(String tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON);
    }

    @Test
    void the_same_etag_sent_by_many_editors_at_once_lets_exactly_one_win() {
        String tenant = "ws-race-etag-" + UUID.randomUUID();
        String id = as(tenant).body("{\"name\":\"Original\",\"email\":\"race@example.com\",\"locale\":\"en\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
        String etag = as(tenant).get("/v1/clients/" + id).then().statusCode(200).extract().header("ETag");

        List<Callable<Answer>> edits = new ArrayList<>();
        for (int i = 0; i < EDITORS; i++) {
            int editor = i;
            edits.add(() -> {
                Response response = as(tenant).header("If-Match", etag)
                        .body("{\"name\":\"Editor " + editor + "\",\"company\":\"Company " + editor + "\"}")
                        .patch("/v1/clients/" + id);
                return new Answer(editor, response.statusCode(), response.contentType(), response.header("ETag"),
                        response.statusCode() == 200 ? null : response.jsonPath().getString("type"));
            });
        }
        // A transaction elsewhere holds the row, so all the editors are in flight at once; then it lets go.
        List<Answer> answers;
        try (RowLock lock = RowLock.hold(dataSource, "SELECT 1 FROM client WHERE id = ? FOR UPDATE",
                UUID.fromString(id))) {
            Concurrently.Running<Answer> running = Concurrently.start(EDITORS, edits);
            await("every editor is waiting for the row or has its answer").atMost(Duration.ofSeconds(30))
                    .until(() -> lock.waiters() + running.done() >= EDITORS);
            lock.close();
            answers = running.results();
        }

        List<Answer> winners = answers.stream().filter(a -> a.status() == 200).toList();
        List<Answer> losers = answers.stream().filter(a -> a.status() != 200).toList();
        assertThat(winners).as("editors whose change was applied, of " + answers).hasSize(1);
        Answer winner = winners.get(0);
        Response stored = as(tenant).get("/v1/clients/" + id);
        assertThat(stored.jsonPath().getString("name")).isEqualTo("Editor " + winner.editor());
        assertThat(stored.jsonPath().getString("company")).isEqualTo("Company " + winner.editor());
        assertThat(stored.header("ETag")).isEqualTo(winner.etag()).isNotEqualTo(etag);
        assertThat(losers).as("every other editor is told the version is stale")
                .allSatisfy(a -> {
                    assertThat(a.status()).as("status of editor " + a.editor()).isEqualTo(412);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.type()).endsWith("/stale-version");
                });
    }
}
