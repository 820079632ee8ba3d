package dev.clientdesk.kit.openapi;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Turns the scanner's {@code ClientResource_register} ids into names a generated client reads well: a
 * distinctive method name alone where it is unique in the document ({@code register}, {@code decline}),
 * else the method with the resource's noun ({@code getClient}, {@code listInvoices}, {@code createPartner}).
 */
final class OperationIds {

    private static final Set<String> GENERIC_VERBS = Set.of("get", "list", "create", "add", "update", "replace",
            "put", "delete", "send", "edit", "open", "close", "pause", "resume", "complete");

    private OperationIds() {
    }

    static Map<String, String> readable(Collection<String> scannerIds) {
        Map<String, Integer> methodCounts = new HashMap<>();
        scannerIds.forEach(id -> methodCounts.merge(method(id), 1, Integer::sum));
        Map<String, String> readable = new HashMap<>();
        for (String id : scannerIds) {
            String method = method(id);
            String noun = id.contains("_") ? id.substring(0, id.indexOf('_')).replaceFirst("Resource$", "") : "";
            boolean alone = noun.isEmpty() || method.endsWith(noun)
                    || methodCounts.get(method) == 1 && !GENERIC_VERBS.contains(method);
            readable.put(id, alone ? method : method + noun + (method.equals("list") && !noun.endsWith("s") ? "s" : ""));
        }
        return readable;
    }

    private static String method(String scannerId) {
        return scannerId.substring(scannerId.indexOf('_') + 1);
    }
}
