package dev.clientdesk.followup.api;

import dev.clientdesk.followup.messaging.ClientsHeardOf;
import dev.clientdesk.followup.service.SilenceScanner;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class HostileCallersTest extends HostileCallersContract {

    @Inject
    SilenceScanner scanner;

    record Open(String client, String conversation, String followUp) {
        PathValues ids() {
            return (path, parameter) -> parameter.equals("clientId") ? client
                    : path.startsWith("/v1/followups") ? followUp : conversation;
        }
    }

    /** A conversation silent for 30 days, scanned, so it has a follow-up draft. */
    private Open openWithDraft(String tenant) {
        String client = UUID.randomUUID().toString();
        ClientsHeardOf.accept(tenant, client);
        String conversation = as(tenant).body("{\"clientId\":\"" + client + "\",\"subject\":\"Invoice talk\","
                        + "\"lastWrittenAt\":\"" + Instant.now().minus(30, ChronoUnit.DAYS) + "\"}")
                .post("/v1/conversations").then().statusCode(201).extract().path("id");
        scanner.scan();
        String followUp = as(tenant).queryParam("clientId", client).get("/v1/followups")
                .then().statusCode(200).extract().path("items[0].id");
        assertThat(followUp).isNotNull();
        return new Open(client, conversation, followUp);
    }

    @Override
    protected PathValues idsOf(String tenant) {
        return openWithDraft(tenant).ids();
    }

    /** A fresh conversation with its draft; one whose follow-up was sent and which is paused, client too. */
    @Override
    protected List<PathValues> deepStates(String tenant) {
        Open drafted = openWithDraft(tenant);
        Open sent = openWithDraft(tenant);
        as(tenant).post("/v1/followups/" + sent.followUp() + "/send").then().statusCode(200);
        String until = "{\"until\":\"" + Instant.now().plus(5, ChronoUnit.DAYS) + "\"}";
        as(tenant).body(until).put("/v1/conversations/" + sent.conversation() + "/pause").then().statusCode(200);
        as(tenant).body(until).put("/v1/clients/" + sent.client() + "/pause").then().statusCode(200);
        return List.of(drafted.ids(), sent.ids());
    }

    @Override
    protected String serviceName() {
        return "followup-service";
    }
}
