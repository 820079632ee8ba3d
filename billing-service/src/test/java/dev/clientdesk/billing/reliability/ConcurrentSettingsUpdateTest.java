package dev.clientdesk.billing.reliability;

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
 * Many editors replace the billing settings with the same If-Match at once. One wins, the rest get
 * 412 problem+json, and the stored settings are the winner's.
 */
@QuarkusTest
class ConcurrentSettingsUpdateTest {

    private static final int EDITORS = 10;

    @Inject
    DataSource dataSource;

    static String settings(int paymentTermsDays) {
        return "{\"defaultCurrency\":\"EUR\",\"defaultDepositPercent\":20,\"minDepositPercent\":10,"
                + "\"maxDepositPercent\":50,\"paymentTermsDays\":" + paymentTermsDays + ",\"includedRevisions\":2,"
                + "\"revisionFee\":\"40\",\"cancellationFeePercent\":10,\"responseTimeHours\":24}";
    }

    @Test
    void the_same_etag_sent_by_many_editors_at_once_lets_exactly_one_win() {
        String tenant = "ws-race-settings-" + UUID.randomUUID();
        String etag = as(tenant).body(settings(14)).put("/v1/settings").then().statusCode(200)
                .extract().header("ETag");

        ETagRace.Answer winner = ETagRace.run(EDITORS, dataSource,
                "SELECT 1 FROM billing_settings WHERE tenant_id = ? FOR UPDATE", tenant,
                editor -> as(tenant).header("If-Match", etag).body(settings(30 + editor)).put("/v1/settings"));

        Response stored = as(tenant).get("/v1/settings");
        assertThat(stored.jsonPath().getInt("paymentTermsDays")).isEqualTo(30 + winner.editor());
        assertThat(stored.header("ETag")).isEqualTo(winner.etag()).isNotEqualTo(etag);
    }
}
