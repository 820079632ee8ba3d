package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.clientdesk.kit.testing.ApiOperations.Call;
import dev.clientdesk.kit.testing.ApiOperations.Operation;
import dev.clientdesk.kit.testing.ApiOperations.Parameter;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;

import io.restassured.RestAssured;
import io.restassured.response.Response;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Breaks every documented operation in the ways clients break APIs — wrong types, missing and extra
 * fields, huge and odd strings, negative and overflowing numbers, impossible dates, malformed JSON, bad
 * ids, query parameters and headers — and reports every answer that is a 5xx or a 4xx that is not
 * problem+json. The mutations are enumerated, not random, so a failure reproduces on every run.
 */
public final class ApiFuzzer {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String HUGE = "x".repeat(20_000);
    /** How deep into a body fields are broken: {@code milestones[0].percent} is three levels down. */
    private static final int DEPTH = 3;
    private static final String UNICODE = "Zoë 😀 \u202eעברית 中文 ქართული Қазақ";

    private static final List<Map.Entry<String, JsonNode>> VALUES = List.of(
            Map.entry("null", NODES.nullNode()),
            Map.entry("integer", NODES.numberNode(123)),
            Map.entry("negative", NODES.numberNode(-1)),
            Map.entry("fraction", NODES.numberNode(1.5)),
            Map.entry("overflowing long", NODES.numberNode(new java.math.BigInteger("9223372036854775808"))),
            Map.entry("huge decimal", NODES.numberNode(new java.math.BigDecimal("1e400"))),
            Map.entry("boolean", NODES.booleanNode(true)),
            Map.entry("array", NODES.arrayNode().add("x")),
            Map.entry("object", NODES.objectNode().put("x", 1)),
            Map.entry("empty string", NODES.textNode("")),
            Map.entry("blank string", NODES.textNode("   ")),
            Map.entry("huge string", NODES.textNode(HUGE)),
            Map.entry("unicode", NODES.textNode(UNICODE)),
            Map.entry("NUL character", NODES.textNode("a\u0000b")),
            Map.entry("impossible date", NODES.textNode("2026-02-30")),
            Map.entry("impossible instant", NODES.textNode("2026-13-01T25:61:00Z")),
            Map.entry("far-future instant", NODES.textNode("+999999999-12-31T23:59:59Z")),
            Map.entry("decimal string overflow", NODES.textNode("1e400")),
            Map.entry("decimal string with comma", NODES.textNode("1,000.00")),
            Map.entry("NaN string", NODES.textNode("NaN")),
            Map.entry("bad uuid", NODES.textNode("not-a-uuid")));

    private static final List<String> RAW_BODIES = List.of("", "{", "[]", "null", "42", "\"text\"", "{\"a\":",
            "[".repeat(5_000) + "]".repeat(5_000), "{\"a\":\"\\ud800\"}");

    private static final List<String> ODD_PARAMETERS = List.of("", "not-a-uuid", "-", "-1", "0", "99999999999999999999",
            UNICODE, "a\u0000b", HUGE.substring(0, 2_000), "../../etc/passwd", "%");

    private ApiFuzzer() {
    }

    /** What a fuzz run saw. {@code failures} lists each request answered with a 5xx or a non-problem 4xx. */
    public record Report(int requests, int serverErrors, List<String> failures) {

        public Report plus(Report other) {
            List<String> all = new ArrayList<>(failures);
            all.addAll(other.failures);
            return new Report(requests + other.requests, serverErrors + other.serverErrors, all);
        }
    }

    public static Report fuzz(List<Operation> operations, PathValues pathValues, String authorization) {
        int requests = 0;
        int serverErrors = 0;
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            for (Call call : calls(ApiOperations.baseline(operation, pathValues))) {
                Response response = call.send(authorization);
                requests++;
                int status = response.statusCode();
                String contentType = response.contentType() == null ? "" : response.contentType();
                if (status >= 500) {
                    serverErrors++;
                }
                if (status >= 500 || status >= 400 && !contentType.startsWith("application/problem+json")) {
                    failures.add(status + " " + contentType + " " + abbreviate(call.toString()));
                }
            }
        }
        return new Report(requests, serverErrors, failures);
    }

    /**
     * Announces a 2 MB body to every operation that takes one and reads the answer before sending any of
     * it: the limit must be enforced from Content-Length, early, as a problem+json 413.
     */
    public static List<String> oversizedBodiesNotRefusedEarly(List<Operation> operations, PathValues pathValues,
            String authorization) {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.requestExample() == null) {
                continue;
            }
            Call call = ApiOperations.baseline(operation, pathValues);
            try (Socket socket = new Socket("localhost", RestAssured.port)) {
                socket.setSoTimeout(10_000);
                String head = operation.method() + " " + call.path() + " HTTP/1.1\r\nHost: localhost\r\n"
                        + "Authorization: " + authorization + "\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 2000000\r\n\r\n";
                socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                        StandardCharsets.UTF_8));
                String statusLine = reader.readLine();
                String contentType = "";
                for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                    if (line.toLowerCase().startsWith("content-type:")) {
                        contentType = line.substring("content-type:".length()).trim();
                    }
                }
                if (statusLine == null || !statusLine.contains(" 413 ")
                        || !contentType.startsWith("application/problem+json")) {
                    failures.add(statusLine + " " + contentType + " " + call);
                }
            } catch (IOException e) {
                failures.add("no answer before the body was sent (" + e + ") " + call);
            }
        }
        return failures;
    }

    static List<Call> calls(Call baseline) {
        List<Call> calls = new ArrayList<>();
        calls.add(baseline);
        Operation operation = baseline.operation();
        for (Parameter parameter : operation.parameters("path")) {
            for (String odd : ODD_PARAMETERS) {
                if (!odd.isEmpty()) {
                    calls.add(baseline.with("path " + parameter.name() + "=" + odd,
                            replaced(baseline.pathValues(), parameter.name(), odd), baseline.query(),
                            baseline.headers(), baseline.body()));
                }
            }
        }
        for (Parameter parameter : operation.parameters("query")) {
            for (String odd : ODD_PARAMETERS) {
                calls.add(baseline.with("query " + parameter.name() + "=" + odd, baseline.pathValues(),
                        replaced(baseline.query(), parameter.name(), odd), baseline.headers(), baseline.body()));
            }
        }
        calls.add(baseline.with("page and size out of range", baseline.pathValues(),
                Map.of("page", "-1", "size", "100000"), baseline.headers(), baseline.body()));
        for (Parameter parameter : operation.parameters("header")) {
            for (String odd : List.of("", "\"nonsense\"", "W/\"1\"", HUGE.substring(0, 2_000))) {
                calls.add(baseline.with("header " + parameter.name() + "=" + abbreviate(odd), baseline.pathValues(),
                        baseline.query(), replaced(baseline.headers(), parameter.name(), odd), baseline.body()));
            }
        }
        if (operation.requestExample() != null) {
            calls.addAll(bodyCalls(baseline, operation.requestExample()));
        }
        return calls;
    }

    private static List<Call> bodyCalls(Call baseline, JsonNode example) {
        List<Call> calls = new ArrayList<>();
        Function<String, Call> withBody = body -> baseline.with("body " + abbreviate(body), baseline.pathValues(),
                baseline.query(), baseline.headers(), body);
        calls.add(baseline.with("no body", baseline.pathValues(), baseline.query(), baseline.headers(), null));
        RAW_BODIES.forEach(raw -> calls.add(withBody.apply(raw)));
        if (!example.isObject()) {
            return calls;
        }
        ObjectNode extra = example.deepCopy();
        extra.put("unexpectedField", 1);
        calls.add(baseline.with("unknown field", baseline.pathValues(), baseline.query(), baseline.headers(),
                extra.toString()));
        for (JsonPointer field : fieldPaths(example, JsonPointer.empty(), 0)) {
            ObjectNode missing = example.deepCopy();
            remove(missing, field);
            calls.add(baseline.with("without " + name(field), baseline.pathValues(), baseline.query(),
                    baseline.headers(), missing.toString()));
            for (Map.Entry<String, JsonNode> value : VALUES) {
                ObjectNode mutated = example.deepCopy();
                set(mutated, field, value.getValue());
                calls.add(baseline.with(name(field) + " = " + value.getKey(), baseline.pathValues(), baseline.query(),
                        baseline.headers(), mutated.toString()));
            }
        }
        return calls;
    }

    /**
     * Every field down to {@link #DEPTH} levels, as JSON pointers: top-level fields, the fields of nested objects
     * such as {@code /budget/amount}, and the first item of each array with its fields, such as
     * {@code /milestones/0} and {@code /milestones/0/percent}.
     */
    private static List<JsonPointer> fieldPaths(JsonNode node, JsonPointer at, int depth) {
        List<JsonPointer> paths = new ArrayList<>();
        if (depth == DEPTH) {
            return paths;
        }
        if (node.isObject()) {
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                JsonPointer field = at.appendProperty(name);
                paths.add(field);
                paths.addAll(fieldPaths(node.get(name), field, depth + 1));
            }
        } else if (node.isArray() && !node.isEmpty()) {
            JsonPointer first = at.appendIndex(0);
            paths.add(first);
            paths.addAll(fieldPaths(node.get(0), first, depth + 1));
        }
        return paths;
    }

    /** {@code /milestones/0/percent} → {@code milestones[0].percent}. */
    private static String name(JsonPointer path) {
        return path.toString().substring(1).replaceAll("/(\\d+)(?=/|$)", "[$1]").replace('/', '.');
    }

    private static void remove(JsonNode root, JsonPointer path) {
        JsonNode parent = root.at(path.head());
        if (parent instanceof ObjectNode object) {
            object.remove(path.last().getMatchingProperty());
        } else if (parent instanceof ArrayNode array) {
            array.remove(path.last().getMatchingIndex());
        }
    }

    private static void set(JsonNode root, JsonPointer path, JsonNode value) {
        JsonNode parent = root.at(path.head());
        if (parent instanceof ObjectNode object) {
            object.set(path.last().getMatchingProperty(), value);
        } else if (parent instanceof ArrayNode array) {
            array.set(path.last().getMatchingIndex(), value);
        }
    }

    private static Map<String, String> replaced(Map<String, String> values, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(name, value);
        return copy;
    }

    private static String abbreviate(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}
