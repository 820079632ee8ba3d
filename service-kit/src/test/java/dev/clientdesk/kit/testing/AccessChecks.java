package dev.clientdesk.kit.testing;

import dev.clientdesk.kit.testing.ApiOperations.Call;
import dev.clientdesk.kit.testing.ApiOperations.Operation;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Who may call what, checked over every documented operation: without a valid token nothing answers but
 * 401, and another workspace's ids are not found (404) by any operation, which changes nothing.
 */
public final class AccessChecks {

    private AccessChecks() {
    }

    /** Every operation, with each kind of bad token; returns the calls that did not get a problem+json 401. */
    public static List<String> unauthenticatedCallsThatGotThrough(List<Operation> operations, PathValues values) {
        Map<String, String> badTokens = new LinkedHashMap<>();
        badTokens.put("no token", null);
        badTokens.put("expired", TestTokens.expired("any"));
        badTokens.put("wrong issuer", TestTokens.wrongIssuer("any"));
        badTokens.put("signed by another key", TestTokens.signedByAnotherKey("any"));
        badTokens.put("garbage", "Bearer not.a.jwt");
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            Call call = ApiOperations.baseline(operation, values);
            badTokens.forEach((kind, token) -> {
                Response response = call.send(token);
                if (response.statusCode() != 401 || !isProblem(response)) {
                    failures.add(kind + ": " + response.statusCode() + " " + call);
                }
            });
        }
        return failures;
    }

    /**
     * Every operation that takes an id, called by a stranger with the owner's ids; returns the calls not
     * answered 404 problem+json. The caller compares the owner's view before and after.
     */
    public static List<String> strangerCallsNotFound404(List<Operation> operations, PathValues ownerIds,
            String strangerTenant) {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            if (!operation.takesAnId() || operation.forOperators()) {
                continue;
            }
            Call call = ApiOperations.baseline(operation, ownerIds);
            Response response = call.send(TestTokens.bearer(strangerTenant));
            if (response.statusCode() != 404 || !isProblem(response)) {
                failures.add(response.statusCode() + " " + call + " " + response.asString());
            }
        }
        return failures;
    }

    /** Operator-only operations called with a workspace token; returns the calls not answered 403 problem+json. */
    public static List<String> workspaceCallsToOperatorOperationsNot403(List<Operation> operations,
            PathValues values, String tenant) {
        List<String> failures = new ArrayList<>();
        for (Operation operation : operations) {
            if (operation.forOperators()) {
                Call call = ApiOperations.baseline(operation, values);
                Response response = call.send(TestTokens.bearer(tenant));
                if (response.statusCode() != 403 || !isProblem(response)) {
                    failures.add(response.statusCode() + " " + call + " " + response.asString());
                }
            }
        }
        return failures;
    }

    /** What the owner sees through every id-taking GET: a snapshot to compare before and after. */
    public static Map<String, String> ownerView(List<Operation> operations, PathValues ownerIds, String ownerTenant) {
        Map<String, String> view = new LinkedHashMap<>();
        for (Operation operation : operations) {
            if (operation.method().equals("GET") && operation.takesAnId()) {
                Call call = ApiOperations.baseline(operation, ownerIds);
                Response response = call.send(TestTokens.bearer(ownerTenant));
                view.put(call.path(), response.statusCode() + " " + response.asString());
            }
        }
        return view;
    }

    private static boolean isProblem(Response response) {
        return response.contentType() != null && response.contentType().startsWith("application/problem+json");
    }
}
