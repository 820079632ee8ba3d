package dev.clientdesk.kit.text;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Text a service writes to clients: which of its languages fits a locale, and strict {placeholder} filling. */
public final class Texts {

    public static final String FALLBACK_LANGUAGE = "en";
    /** A language tag as requests may carry one: {@code en}, {@code kk-KZ}, {@code sr-Latn-RS}. */
    public static final String LOCALE_TAG = "^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    private Texts() {
    }

    /** "kk-KZ" → "kk" when kk is supported; anything unsupported or missing → English. */
    public static String language(String locale, List<String> supported) {
        if (locale == null) {
            return FALLBACK_LANGUAGE;
        }
        String language = locale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return supported.contains(language) ? language : FALLBACK_LANGUAGE;
    }

    /**
     * Replaces every {name} with its value.
     * @throws IllegalStateException for a placeholder without a value: a half-filled text must never be sent
     */
    public static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("placeholder " + matcher.group() + " has no value");
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(out).toString();
    }

    /** The placeholders in a text that are not among the allowed names. */
    public static List<String> unknownPlaceholders(String text, java.util.Set<String> allowed) {
        return PLACEHOLDER.matcher(text).results().filter(m -> !allowed.contains(m.group(1)))
                .map(m -> m.group()).toList();
    }
}
