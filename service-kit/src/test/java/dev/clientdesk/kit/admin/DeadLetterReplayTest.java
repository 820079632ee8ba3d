package dev.clientdesk.kit.admin;

import dev.clientdesk.kit.messaging.Headers;
import dev.clientdesk.kit.sample.WidgetEvents;
import dev.clientdesk.kit.testing.TestTokens;
import dev.clientdesk.kit.testing.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.startsWith;

/** Operators replay the dead letters of their consumer group; a second replay changes nothing. */
@QuarkusTest
class DeadLetterReplayTest {

    private static final String DLT = WidgetEvents.TOPIC + ".dlt";

    @Inject
    WidgetEvents widgets;

    @Test
    void replaying_a_dead_letter_topic_applies_its_events_once_and_again_changes_nothing() {
        String key = UUID.randomUUID().toString();
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String otherGroups = UUID.randomUUID().toString();
        // As the consumer used to leave them when the database was away for longer than its three tries
        deadLetter(key, widgets.envelope(UUID.randomUUID().toString(), first, "lost in the outage"), "sample-service");
        deadLetter(key, widgets.envelope(UUID.randomUUID().toString(), second, "also lost"), "sample-service");
        deadLetter(key, widgets.envelope(UUID.randomUUID().toString(), otherGroups, "not ours"), "another-service");

        List<Map<String, Object>> listed = TestTokens.asOperator("ws-ops").get("/v1/admin/dead-letters/widgets.v1")
                .then().statusCode(200).extract().jsonPath().getList("$");
        List<Map<String, Object>> ours = listed.stream().filter(l -> key.equals(l.get("key"))).toList();
        assertThat(ours).hasSize(2).allSatisfy(letter -> {
            assertThat(letter.get("errorClass")).isEqualTo("org.hibernate.exception.JDBCConnectionException");
            assertThat(letter.get("attempts")).isEqualTo(3);
            assertThat(letter.get("originalTopic")).isEqualTo("widgets.v1");
        });

        Map<String, Object> replay = replay();
        assertThat((Integer) replay.get("applied")).isGreaterThanOrEqualTo(2);
        assertThat(widgets.seen(first)).isEqualTo(1);
        assertThat(widgets.seen(second)).isEqualTo(1);
        assertThat(widgets.seen(otherGroups)).as("another group's dead letter is not ours to replay").isZero();

        Map<String, Object> again = replay();
        assertThat(again.get("applied")).as("a second replay applies nothing").isEqualTo(0);
        assertThat((Integer) again.get("duplicates")).isGreaterThanOrEqualTo(2);
        assertThat(again.get("read")).isEqualTo(replay.get("read"));
        assertThat(widgets.seen(first)).isEqualTo(1);
        assertThat(widgets.seen(second)).isEqualTo(1);
    }

    @Test
    void only_operators_may_read_or_replay_dead_letters_and_only_of_consumed_topics() {
        TestTokens.as("ws-ops").get("/v1/admin/dead-letters/widgets.v1").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        TestTokens.as("ws-ops").post("/v1/admin/dead-letters/widgets.v1/replay").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        TestTokens.as("ws-ops").get("/v1/admin/parked-events").then().statusCode(403)
                .contentType(startsWith("application/problem+json"));
        TestTokens.asOperator("ws-ops").get("/v1/admin/dead-letters/clients.v1").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        TestTokens.asOperator("ws-ops").get("/v1/admin/dead-letters/widgets.v1?limit=0").then().statusCode(400)
                .contentType(startsWith("application/problem+json"));
    }

    private static Map<String, Object> replay() {
        return TestTokens.asOperator("ws-ops").post("/v1/admin/dead-letters/widgets.v1/replay")
                .then().statusCode(200).extract().jsonPath().getMap("$");
    }

    private static void deadLetter(String key, String envelope, String group) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(Headers.DLT_ERROR, Headers.bytes("Unable to acquire JDBC Connection"));
        headers.add(Headers.DLT_ERROR_CLASS, Headers.bytes("org.hibernate.exception.JDBCConnectionException"));
        headers.add(Headers.DLT_ATTEMPTS, Headers.bytes("3"));
        headers.add(Headers.DLT_CONSUMER_GROUP, Headers.bytes(group));
        headers.add(Headers.DLT_ORIGINAL_TOPIC, Headers.bytes(WidgetEvents.TOPIC));
        headers.add(Headers.DLT_ORIGINAL_PARTITION, Headers.bytes("0"));
        headers.add(Headers.DLT_ORIGINAL_OFFSET, Headers.bytes("0"));
        TopicReader.send(DLT, key, envelope.getBytes(StandardCharsets.UTF_8), headers);
    }
}
