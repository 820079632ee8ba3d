package dev.clientdesk.kit.testing;

import io.restassured.response.Response;

import javax.sql.DataSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Many editors send the same If-Match at once. A transaction elsewhere holds the row until every editor is
 * waiting for it, so the race happens on every run, even on two cores; then it lets go.
 */
public final class ETagRace {

    private ETagRace() {
    }

    public record Answer(int editor, int status, String contentType, String etag, String type) {
    }

    /**
     * Runs the race and asserts its outcome: exactly one editor's change applied, every other one told with a
     * 412 stale-version problem that its version is gone. Returns the winner, whose change the caller checks.
     */
    public static Answer run(int editors, DataSource dataSource, String lockSql, Object lockedId,
            IntFunction<Response> edit) {
        List<Callable<Answer>> edits = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            int editor = i;
            edits.add(() -> {
                Response response = edit.apply(editor);
                return new Answer(editor, response.statusCode(), response.contentType(), response.header("ETag"),
                        response.statusCode() == 200 ? null : response.jsonPath().getString("type"));
            });
        }
        List<Answer> answers;
        try (RowLock lock = RowLock.hold(dataSource, lockSql, lockedId)) {
            Concurrently.Running<Answer> running = Concurrently.start(editors, edits);
            await("every editor is waiting for the row or has its answer").atMost(Duration.ofSeconds(30))
                    .until(() -> lock.waiters() + running.done() >= editors);
            lock.close();
            answers = running.results();
        }
        List<Answer> winners = answers.stream().filter(a -> a.status() == 200).toList();
        assertThat(winners).as("editors whose change was applied, of " + answers).hasSize(1);
        assertThat(answers.stream().filter(a -> a.status() != 200).toList())
                .as("every other editor is told the version is stale")
                .hasSize(editors - 1)
                .allSatisfy(a -> {
                    assertThat(a.status()).as("status of editor " + a.editor()).isEqualTo(412);
                    assertThat(a.contentType()).startsWith("application/problem+json");
                    assertThat(a.type()).endsWith("/stale-version");
                });
        return winners.get(0);
    }
}
