package dev.clientdesk.followup.api;

import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HostileCallersTest extends HostileCallersContract {

    @Inject
    SilenceScanner scanner;

    /** A conversation silent for 30 days, scanned, so it has a follow-up draft. */
    @Override
    protected PathValues idsOf(String tenant) {
        String client = UUID.randomUUID().toString();
        String conversation = as(tenant).body("{\"clientId\":\"" + client + "\",\"subject\":\"Invoice talk\","
                        + "\"lastWrittenAt\":\"" + Instant.now().minus(30, ChronoUnit.DAYS) + "\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
        scanner.scan();
        String followUp = as(tenant).queryParam("clientId", client).get("/v1/followups")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(followUp).isNotNull();
        return (path, parameter) -> parameter.equals("clientId") ? client
                : path.startsWith("/v1/followups") ? followUp : conversation;
    }

    @Override
    protected String serviceName() {
        return "followup-service";
    }
}
