package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** {@link TightLimits#BURST} requests at once, then {@link TightLimits#RATE} a second, per workspace. */
@QuarkusTest
@TestProfile(TightLimits.class)
class WorkspaceRateLimitTest {

    @Test
    void a_workspace_over_its_rate_gets_429_with_retry_after_and_others_are_unaffected() throws Exception {
        long started = System.nanoTime();
        int served = 0;
        Response refused = null;
        for (int i = 0; i < TightLimits.BURST + 20 && refused == null; i++) {
            Response response = read("t-busy");
            if (response.statusCode() == 429) {
                refused = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(404);
                served++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        assertThat(refused).as("a 429 within the burst and what refilled meanwhile").isNotNull();
        assertThat(served).isBetween(TightLimits.BURST, TightLimits.BURST + (int) Math.ceil(seconds * TightLimits.RATE));
        assertThat(refused.contentType()).startsWith(Problem.MEDIA_TYPE);
        assertThat(refused.jsonPath().getString("type")).isEqualTo("https://clientdesk.dev/problems/rate-limited");
        assertThat(refused.jsonPath().getInt("status")).isEqualTo(429);
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 1L / TightLimits.RATE + 1);

        assertThat(read("t-quiet").statusCode()).isEqualTo(404);
        given().get("/v1/widgets/" + UUID.randomUUID()).then().statusCode(401);

        Thread.sleep(retryAfter * 1000);
        assertThat(read("t-busy").statusCode()).isEqualTo(404);
        System.out.printf("RELIABILITY rate limit (burst %d, %d/s): %d served, then 429 with Retry-After %d s;"
                + " another workspace served meanwhile%n", TightLimits.BURST, TightLimits.RATE, served, retryAfter);
    }

    private static Response read(String tenant) {
        return TestTokens.as(tenant).get("/v1/widgets/" + UUID.randomUUID());
    }
}
