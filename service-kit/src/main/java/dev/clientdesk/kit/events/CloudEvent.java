package dev.clientdesk.kit.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/**
 * A CloudEvents 1.0 envelope in structured JSON mode: {@code source} is the publishing service,
 * {@code subject} the aggregate id, {@code tenantid} the workspace, {@code data} the event record.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"specversion", "id", "source", "type", "subject", "time", "tenantid", "datacontenttype", "data"})
public record CloudEvent(
        @JsonProperty("specversion") String specVersion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        @JsonProperty("tenantid") String tenantId,
        @JsonProperty("datacontenttype") String dataContentType,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String JSON = "application/json";

    public static CloudEvent of(String id, String source, String type, String subject, Instant time, String tenantId,
            JsonNode data) {
        return new CloudEvent(SPEC_VERSION, id, source, type, subject, time, tenantId, JSON, data);
    }
}
