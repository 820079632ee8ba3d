package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.response.Response;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;

/**
 * The operations a running service documents in its OpenAPI document, with what a test needs to call
 * each one: its parameters, its request example, and a way to send a request built from them. Tests that
 * must cover every operation (fuzzing, access checks) read the list from here instead of keeping their
 * own, so a new endpoint is covered the day it is added.
 */
public final class ApiOperations {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");

    private ApiOperations() {
    }

    /** Supplies a real value for a path parameter (an id the test created), or null for a made-up one. */
    @FunctionalInterface
    public interface PathValues {
        String value(String pathTemplate, String parameter);
    }

    public record Parameter(String name, String in, JsonNode schema, boolean required) {
        public boolean isUuid() {
            return "uuid".equals(schema.path("format").asText());
        }
    }

    public record Operation(String method, String path, List<Parameter> parameters, JsonNode requestExample,
            JsonNode document) {

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        public boolean takesAnId() {
            return parameters("path").stream().anyMatch(Parameter::isUuid);
        }

        /** Operator-only operations (they document a 403): a workspace's token is refused, not given a 404. */
        public boolean forOperators() {
            return document.path("paths").path(path).path(method.toLowerCase()).path("responses").has("403");
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    /** One request: built from an operation, possibly broken on purpose. */
    public record Call(Operation operation, Map<String, String> pathValues, Map<String, String> query,
            Map<String, String> headers, String body, String description) {

        public Call with(String what, Map<String, String> pathValues, Map<String, String> query,
                Map<String, String> headers, String body) {
            return new Call(operation, pathValues, query, headers, body, what);
        }

        public Response send(String authorization) {
            var request = given().urlEncodingEnabled(false).redirects().follow(false);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            query.forEach((name, value) -> request.queryParam(name, encode(value)));
            if (body != null) {
                request.contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8));
            }
            return request.request(operation.method(), path());
        }

        public String path() {
            Matcher matcher = PATH_PARAMETER.matcher(operation.path());
            StringBuilder path = new StringBuilder();
            while (matcher.find()) {
                matcher.appendReplacement(path, Matcher.quoteReplacement(encode(pathValues.get(matcher.group(1)))));
            }
            return matcher.appendTail(path).toString();
        }

        @Override
        public String toString() {
            return operation + " [" + description + "] -> " + path();
        }
    }

    /** The operations of the service under test, read from its served document. */
    public static List<Operation> fromServedDocument() {
        try {
            return parse(JSON.readTree(given().accept("application/json").get("/q/openapi?format=json")
                    .then().statusCode(200).extract().asString()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the OpenAPI document", e);
        }
    }

    static List<Operation> parse(JsonNode document) {
        List<Operation> operations = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> method = methods.next();
                JsonNode operation = method.getValue();
                List<Parameter> parameters = new ArrayList<>();
                operation.path("parameters").forEach(p -> parameters.add(new Parameter(p.path("name").asText(),
                        p.path("in").asText(), resolve(document, p.path("schema")), p.path("required").asBoolean())));
                JsonNode example = operation.path("requestBody").path("content").path("application/json")
                        .path("example");
                operations.add(new Operation(method.getKey().toUpperCase(), path.getKey(), parameters,
                        example.isMissingNode() ? null : example, document));
            }
        }
        return operations;
    }

    /** The well-formed request for an operation: its example body, real ids where the test has them. */
    public static Call baseline(Operation operation, PathValues values) {
        Map<String, String> path = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("path")) {
            String value = values.value(operation.path(), parameter.name());
            path.put(parameter.name(), value != null ? value : madeUp(parameter.schema()));
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (Parameter parameter : operation.parameters("header")) {
            if (parameter.name().equalsIgnoreCase("If-Match")) {
                headers.put(parameter.name(), "*");
            }
        }
        String body = operation.requestExample() == null ? null : operation.requestExample().toString();
        return new Call(operation, path, new LinkedHashMap<>(), headers, body, "baseline");
    }

    static JsonNode resolve(JsonNode document, JsonNode schema) {
        String ref = schema.path("$ref").asText(null);
        if (ref == null || !ref.startsWith("#/components/schemas/")) {
            return schema;
        }
        return document.path("components").path("schemas").path(ref.substring(ref.lastIndexOf('/') + 1));
    }

    private static String madeUp(JsonNode schema) {
        if (schema.has("enum") && schema.path("enum").size() > 0) {
            return schema.path("enum").get(0).asText();
        }
        return "uuid".equals(schema.path("format").asText()) ? UUID.randomUUID().toString() : "en";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
