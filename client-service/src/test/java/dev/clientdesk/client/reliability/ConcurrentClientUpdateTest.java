package dev.clientdesk.client.reliability;

import dev.clientdesk.kit.testing.ETagRace;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import javax.sql.DataSource;

import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many editors send the same If-Match at once. One of them wins; everyone else was working on a
 * version that no longer exists and gets 412 problem+json; what is stored is the winner's change.
 */
@QuarkusTest
class ConcurrentClientUpdateTest {

    private static final int EDITORS = 10;

    @Inject
    DataSource dataSource;

    @Test
    void the_same_etag_sent_by_many_editors_at_once_lets_exactly_one_win() {
        String tenant = "ws-race-etag-" + UUID.randomUUID();
        String id = as(tenant).body("{\"name\":\"Original\",\"email\":\"race@example.com\",\"locale\":\"en\"}")
                .post("/v1/clients").then().statusCode(201).extract().path("id");
        String etag = as(tenant).get("/v1/clients/" + id).then().statusCode(200).extract().header("ETag");

        ETagRace.Answer winner = ETagRace.run(EDITORS, dataSource, "SELECT 1 FROM client WHERE id = ? FOR UPDATE",
                UUID.fromString(id), editor -> as(tenant).header("If-Match", etag)
                        .body("{\"name\":\"Editor " + editor + "\",\"company\":\"Company " + editor + "\"}")
                        .patch("/v1/clients/" + id));

        Response stored = as(tenant).get("/v1/clients/" + id);
        assertThat(stored.jsonPath().getString("name")).isEqualTo("Editor " + winner.editor());
        assertThat(stored.jsonPath().getString("company")).isEqualTo("Company " + winner.editor());
        assertThat(stored.header("ETag")).isEqualTo(winner.etag()).isNotEqualTo(etag);
    }
}
