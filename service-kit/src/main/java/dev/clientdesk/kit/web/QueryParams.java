package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.ProblemException;

import java.util.Arrays;
import java.util.UUID;

/**
 * Parses optional query parameters so a bad value is a 400 naming the parameter; JAX-RS itself answers
 * an unconvertible query parameter with a bare 404.
 */
public final class QueryParams {

    private QueryParams() {
    }

    public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    public static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(name, "must be a UUID");
        }
    }
}
