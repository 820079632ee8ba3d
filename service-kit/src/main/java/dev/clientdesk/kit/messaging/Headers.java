package dev.clientdesk.kit.messaging;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;

/** Kafka header names used on every topic (CloudEvents Kafka binding names where one exists). */
public final class Headers {

    public static final String CONTENT_TYPE = "content-type";
    public static final String CLOUDEVENTS_JSON = "application/cloudevents+json; charset=UTF-8";
    public static final String EVENT_TYPE = "ce_type";
    public static final String EVENT_ID = "ce_id";
    public static final String DLT_ERROR = "dlt-error";
    public static final String DLT_ORIGINAL_TOPIC = "dlt-original-topic";
    public static final String DLT_ORIGINAL_PARTITION = "dlt-original-partition";
    public static final String DLT_ORIGINAL_OFFSET = "dlt-original-offset";
    public static final String DLT_CONSUMER_GROUP = "dlt-consumer-group";
    public static final String DLT_ERROR_CLASS = "dlt-error-class";
    public static final String DLT_ATTEMPTS = "dlt-attempts";

    private Headers() {
    }

    public static RecordHeaders envelope(String eventId, String eventType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CONTENT_TYPE, bytes(CLOUDEVENTS_JSON));
        headers.add(EVENT_ID, bytes(eventId));
        headers.add(EVENT_TYPE, bytes(eventType));
        return headers;
    }

    public static String text(org.apache.kafka.common.header.Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
