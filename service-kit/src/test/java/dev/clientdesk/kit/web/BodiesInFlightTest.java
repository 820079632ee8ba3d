package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.sample.WidgetApi;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Callers that send headers and then trickle, stall or crowd their bodies, over raw sockets, with at most
 * {@link TightLimits#BODIES} bodies at once and {@link TightLimits#BODY_TIMEOUT_SECONDS} s for each.
 */
@QuarkusTest
@TestProfile(TightLimits.class)
class BodiesInFlightTest {

    private static final long TIMEOUT_MILLIS = TightLimits.BODY_TIMEOUT_SECONDS * 1000L;

    @Inject
    BodiesInFlight bodies;

    @Test
    void a_body_that_stops_halfway_is_cut_off_with_a_408_at_the_timeout() throws IOException {
        try (SlowUpload upload = new SlowUpload("t-stall", 10)) {
            SlowUpload.Answer answer = upload.answer();

            assertThat(answer.status()).contains(" 408 ");
            assertThat(answer.headers().get("content-type")).startsWith(Problem.MEDIA_TYPE);
            assertThat(answer.millis()).isBetween(TIMEOUT_MILLIS - 100, TIMEOUT_MILLIS + 3000);
            assertThat(answer.closed()).as("connection closed").isTrue();
            System.out.printf("RELIABILITY stalled body: 408 after %d ms (body timeout %d ms), connection closed%n",
                    answer.millis(), TIMEOUT_MILLIS);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> bodies.count() == 0);
    }

    @Test
    void a_body_trickled_a_byte_at_a_time_is_cut_off_at_the_timeout_though_never_idle() throws Exception {
        try (SlowUpload upload = new SlowUpload("t-trickle", 1)) {
            CompletableFuture<Void> trickle = CompletableFuture.runAsync(() -> {
                try {
                    for (int i = 1; i < SlowUpload.BODY.length(); i++) {
                        Thread.sleep(300);
                        upload.send(i, i + 1);
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off by the server, as expected
                }
            });
            SlowUpload.Answer answer = upload.answer();

            assertThat(answer.status()).contains(" 408 ");
            assertThat(answer.body()).contains("request-timeout");
            assertThat(answer.millis()).isBetween(TIMEOUT_MILLIS - 100, TIMEOUT_MILLIS + 3000)
                    .isLessThan(300L * SlowUpload.BODY.length());
            assertThat(answer.closed()).as("connection closed").isTrue();
            System.out.printf("RELIABILITY trickled body (a byte every 300 ms): 408 after %d ms%n", answer.millis());
            trickle.cancel(true);
        }
    }

    @Test
    void more_slow_bodies_than_the_bound_are_refused_at_once_while_other_requests_are_served() throws IOException {
        List<SlowUpload> slow = new ArrayList<>();
        try {
            for (int i = 0; i < TightLimits.BODIES; i++) {
                slow.add(new SlowUpload("t-crowd-" + i, 5));
            }
            await().atMost(Duration.ofSeconds(2)).until(() -> bodies.count() == TightLimits.BODIES);

            try (SlowUpload oneTooMany = new SlowUpload("t-crowd-x", 5)) {
                SlowUpload.Answer answer = oneTooMany.answer();
                assertThat(answer.status()).contains(" 503 ");
                assertThat(answer.headers().get("content-type")).startsWith(Problem.MEDIA_TYPE);
                assertThat(answer.headers().get("retry-after")).isEqualTo(
                        Integer.toString(TightLimits.BODY_TIMEOUT_SECONDS));
                assertThat(answer.body()).contains("https://clientdesk.dev/problems/busy");
                assertThat(answer.millis()).isLessThan(TIMEOUT_MILLIS / 2);
                assertThat(answer.closed()).as("connection closed").isTrue();
                System.out.printf("RELIABILITY bodies in flight: %d slow uploads held, the next refused with 503 in %d ms"
                        + " (Retry-After %s), a GET still served%n", TightLimits.BODIES, answer.millis(),
                        answer.headers().get("retry-after"));
            }
            TestTokens.as("t-crowd-reader").get("/v1/widgets/" + UUID.randomUUID()).then().statusCode(404);
            assertThat(bodies.count()).isEqualTo(TightLimits.BODIES);
        } finally {
            for (SlowUpload upload : slow) {
                upload.close();
            }
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> bodies.count() == 0);
        WidgetApi.create("t-crowd-after", "served");
    }

    @Test
    void a_whole_body_sent_slowly_within_the_timeout_is_served() throws Exception {
        try (SlowUpload upload = new SlowUpload("t-patient", 10)) {
            Thread.sleep(TIMEOUT_MILLIS / 3);
            upload.send(10, SlowUpload.BODY.length());
            SlowUpload.Answer answer = upload.answer();

            assertThat(answer.status()).contains(" 201 ");
        }
        assertThat(bodies.count()).isZero();
    }
}
