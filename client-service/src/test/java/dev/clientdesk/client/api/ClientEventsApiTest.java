package dev.clientdesk.client.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** Contact edits and a new letter signature reach other services as events, and only real changes do. */
@QuarkusTest
class ClientEventsApiTest {

    @Test
    void a_contact_change_publishes_the_full_snapshot_and_a_patch_that_changes_nothing_publishes_nothing() {
        String tenant = "ws-updated-" + UUID.randomUUID();
        String id = as(tenant).body(lead("Aigerim", "aigerim@example.kz", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");

        String etag = as(tenant).header("If-Match", "\"0\"")
                .body("{\"locale\":\"kk\",\"timezone\":\"Asia/Almaty\"}").patch("/v1/clients/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"1\"")).extract().header("ETag");
        as(tenant).header("If-Match", etag).body("{\"locale\":\"kk\",\"timezone\":\"Asia/Almaty\"}")
                .patch("/v1/clients/" + id).then().statusCode(200).header("ETag", equalTo("\"1\""));
        as(tenant).header("If-Match", etag).body("{\"name\":\"Aigerim Nurlanovna\"}").patch("/v1/clients/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"2\""));

        // One client's events are in order: had the no-op published, it would be the second ClientUpdated.
        Predicate<JsonNode> updates = e -> id.equals(e.path("subject").asText())
                && "ClientUpdated".equals(e.path("type").asText());
        List<JsonNode> events = TopicReader.envelopes("clients.v1", updates, 2, Duration.ofSeconds(30));
        assertThat(events).hasSize(2);
        assertThat(events.get(0).path("tenantid").asText()).isEqualTo(tenant);
        assertThat(events.get(0).path("data").toString()).isEqualTo("{\"clientId\":\"" + id
                + "\",\"name\":\"Aigerim\",\"email\":\"aigerim@example.kz\",\"locale\":\"kk\",\"timezone\":\"Asia/Almaty\"}");
        assertThat(events.get(1).path("data").path("name").asText()).isEqualTo("Aigerim Nurlanovna");
        assertThat(events.get(1).path("data").path("locale").asText()).isEqualTo("kk");
    }

    @Test
    void a_new_letter_signature_is_published_keyed_by_the_workspace_and_an_unchanged_one_is_not() {
        String tenant = "ws-signature-" + UUID.randomUUID();
        String etag = as(tenant).body(policy("Elif", "[]")).put("/v1/policy").then().statusCode(200)
                .extract().header("ETag");
        etag = as(tenant).header("If-Match", etag).body(policy("Elif", "[\"logo design\"]")).put("/v1/policy")
                .then().statusCode(200).extract().header("ETag");
        as(tenant).header("If-Match", etag).body(policy("Elif Kaya, Studio Nar", "[\"logo design\"]"))
                .put("/v1/policy").then().statusCode(200);

        List<ConsumerRecord<String, byte[]>> records = TopicReader.readUntil("clients.v1", Duration.ofSeconds(30),
                read -> read.stream().filter(r -> signatureOf(tenant).test(TopicReader.json(r))).count() >= 2)
                .stream().filter(r -> signatureOf(tenant).test(TopicReader.json(r))).toList();
        assertThat(records).extracting(r -> TopicReader.json(r).path("data").path("signature").asText())
                .containsExactly("Elif", "Elif Kaya, Studio Nar");
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(tenant);
        assertThat(records).extracting(r -> TopicReader.json(r).path("subject").asText()).containsOnly(tenant);
    }

    private static Predicate<JsonNode> signatureOf(String tenant) {
        return e -> tenant.equals(e.path("tenantid").asText())
                && "WorkspaceSignatureChanged".equals(e.path("type").asText());
    }

    static String policy(String signature, String services) {
        return "{\"servicesOffered\":" + services + ",\"idealClientTraits\":[],\"unwantedTraits\":[],"
                + "\"friendsAndFamily\":\"REVIEW\",\"maxBelowTargetShare\":20,\"letterSignature\":\"" + signature
                + "\",\"defaultLocale\":\"en\"}";
    }
}
