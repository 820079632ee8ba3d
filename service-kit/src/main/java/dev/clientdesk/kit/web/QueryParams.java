package dev.clientdesk.kit.web;

import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.text.Texts;

import java.util.Arrays;
import java.util.List;
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

    /**
     * The language of a requested locale ({@code kk-KZ} → {@code kk}) when it is well formed and one of
     * {@code supported}; null when absent or blank. Asked for explicitly, another language is a 400, not a
     * fallback.
     */
    public static String language(String name, String value, List<String> supported) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String language = value.split("-", 2)[0];
        if (!value.matches(Texts.LOCALE_TAG) || !supported.contains(language)) {
            throw ProblemException.invalidField(name, "must be a language tag for one of " + supported);
        }
        return language;
    }
}
