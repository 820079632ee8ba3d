package dev.clientdesk.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.clientdesk.kit.messaging.PoisonEventException;

import jakarta.enterprise.context.ApplicationScoped;

import java.io.IOException;

/** Turns envelopes into bytes for Kafka and back, and event data into the records a service declares. */
@ApplicationScoped
public class CloudEventCodec {

    private final ObjectMapper mapper;

    public CloudEventCodec(ObjectMapper mapper) {
        // Events are read tolerantly: a producer may add fields before every consumer knows them.
        this.mapper = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    }

    public String encode(CloudEvent event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event cannot be serialised: " + e.getOriginalMessage(), e);
        }
    }

    /** @throws MalformedEventException when the bytes are not a CloudEvents 1.0 JSON envelope */
    public CloudEvent decode(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw new MalformedEventException("not a JSON CloudEvent: the record has no value");
        }
        CloudEvent event;
        try {
            event = mapper.readValue(bytes, CloudEvent.class);
        } catch (IOException | RuntimeException e) {
            throw new MalformedEventException("not a JSON CloudEvent: " + e.getMessage());
        }
        if (event == null || !CloudEvent.SPEC_VERSION.equals(event.specVersion()) || isBlank(event.id())
                || isBlank(event.type()) || isBlank(event.source()) || isBlank(event.tenantId())) {
            throw new MalformedEventException("CloudEvent 1.0 needs specversion, id, source, type and tenantid");
        }
        return event;
    }

    public <T> T data(CloudEvent event, Class<T> type) {
        try {
            return mapper.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " data does not match " + type.getSimpleName() + ": "
                    + e.getOriginalMessage());
        }
    }

    public com.fasterxml.jackson.databind.JsonNode toTree(Object data) {
        return mapper.valueToTree(data);
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    /** An event that can never be processed, however often it is retried: it goes to the dead-letter topic. */
    public static class MalformedEventException extends PoisonEventException {
        public MalformedEventException(String message) {
            super(message);
        }
    }
}
