package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.ClasspathTexts;
import dev.clientdesk.kit.text.LocaleFormat;
import dev.clientdesk.kit.text.Texts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * One language's phrases for the terms sheet ({@code terms/terms.<language>.properties}), filled strictly, with
 * money, dates, percentages and counts written the way a reader of that language expects them.
 */
final class TermsPhrases {

    private static final Map<String, TermsPhrases> BY_LANGUAGE = new HashMap<>();

    static {
        for (String language : TermsSheet.LANGUAGES) {
            BY_LANGUAGE.put(language, new TermsPhrases(language,
                    ClasspathTexts.properties("terms/terms." + language + ".properties")));
        }
        Properties english = BY_LANGUAGE.get(Texts.FALLBACK_LANGUAGE).phrases;
        BY_LANGUAGE.values().stream().filter(p -> !p.phrases.keySet().equals(english.keySet())).findFirst()
                .ifPresent(p -> {
                    throw new IllegalStateException("terms." + p.language + " must have the phrases of terms.en");
                });
    }

    private final String language;
    private final Properties phrases;
    private final LocaleFormat format;

    private TermsPhrases(String language, Properties phrases) {
        this.language = language;
        this.phrases = phrases;
        this.format = LocaleFormat.of(language);
    }

    /** @param language one of {@link TermsSheet#LANGUAGES} */
    static TermsPhrases of(String language) {
        return BY_LANGUAGE.get(language);
    }

    String language() {
        return language;
    }

    String text(String key, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Texts.fill(phrases.getProperty(key), values);
    }

    /** The variant of {@code key} for the count's plural category ({@code key.one}, {@code key.other}). */
    String counted(String key, long count, String... namesAndValues) {
        String[] values = Arrays.copyOf(namesAndValues, namesAndValues.length + 2);
        values[namesAndValues.length] = "count";
        values[namesAndValues.length + 1] = format.number(BigDecimal.valueOf(count));
        return text(key + "." + format.pluralCategory(count), values);
    }

    String money(Money money) {
        return format.money(money);
    }

    String date(LocalDate date) {
        return format.date(date);
    }

    String percent(BigDecimal percent) {
        return format.percent(percent);
    }
}
