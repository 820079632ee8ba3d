package dev.clientdesk.client.domain;

import dev.clientdesk.kit.text.ClasspathTexts;
import dev.clientdesk.kit.text.Texts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The reason of each red flag in the workspace's language, from {@code screening/reasons.<language>.properties};
 * English for a language without a file. Each file also has the quotation marks its language sets traits in.
 */
public final class ScreeningReasons {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");

    private static final Map<String, Properties> TEXTS = load();

    private ScreeningReasons() {
    }

    public static String reason(RedFlag flag, String locale, List<String> traits) {
        Properties texts = TEXTS.get(Texts.language(locale, LANGUAGES));
        String quoted = traits.stream()
                .map(t -> texts.getProperty("quote.open") + t.trim() + texts.getProperty("quote.close"))
                .collect(Collectors.joining(", "));
        return Texts.fill(texts.getProperty(flag.name()), Map.of("traits", quoted));
    }

    private static Map<String, Properties> load() {
        Map<String, Properties> texts = new HashMap<>();
        for (String language : LANGUAGES) {
            String name = "screening/reasons." + language + ".properties";
            Properties properties = ClasspathTexts.properties(name);
            for (RedFlag flag : RedFlag.values()) {
                if (properties.getProperty(flag.name(), "").isBlank()) {
                    throw new IllegalStateException(name + " has no reason for " + flag);
                }
            }
            texts.put(language, properties);
        }
        return Map.copyOf(texts);
    }
}
