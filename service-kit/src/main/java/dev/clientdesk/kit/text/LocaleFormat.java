package dev.clientdesk.kit.text;

import dev.clientdesk.kit.money.Money;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * Money, dates, percentages and plural forms as a reader of one language expects them, from the JDK's CLDR
 * data: {@code tr} 1.250,00 EUR, 15.12.2026, %12,5; {@code bg} 1 250,00 EUR, 15.12.2026 г., 12,5 %;
 * {@code kk}/{@code ka} 1 250,00 EUR, 15.12.2026; {@code en} EUR 1,250.00, 15 December 2026, 12.5%.
 * Amounts carry the ISO code, not a symbol: "$" or "₸" alone is ambiguous on an invoice.
 */
public final class LocaleFormat {

    private final String language;
    private final Locale locale;

    private LocaleFormat(String language) {
        this.language = language;
        this.locale = Locale.forLanguageTag(language);
    }

    /** The format for a locale tag such as {@code kk-KZ}; the language part decides, English when unknown. */
    public static LocaleFormat of(String locale) {
        String language = locale == null || locale.isBlank() ? Texts.FALLBACK_LANGUAGE
                : locale.split("[-_]", 2)[0].toLowerCase(Locale.ROOT);
        return new LocaleFormat(language);
    }

    public String language() {
        return language;
    }

    /** The amount with all of its currency's decimals and the ISO code where the language puts it. */
    public String money(Money money) {
        DecimalFormat number = (DecimalFormat) NumberFormat.getNumberInstance(locale);
        int digits = Money.fractionDigits(money.currency());
        number.setMinimumFractionDigits(digits);
        number.setMaximumFractionDigits(digits);
        number.setGroupingUsed(true);
        String amount = number.format(money.amount());
        return codeFirst() ? money.currency() + "\u00a0" + amount : amount + "\u00a0" + money.currency();
    }

    /** A calendar date in the language's numeric form ({@code 15.12.2026}), English spelled out. */
    public String date(LocalDate date) {
        return switch (language) {
            case "en" -> DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
            case "bg" -> DateTimeFormatter.ofPattern("dd.MM.yyyy 'г'.", locale).format(date);
            case "tr", "kk", "ka", "ru", "de" -> DateTimeFormatter.ofPattern("dd.MM.yyyy", locale).format(date);
            default -> DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
        };
    }

    /** A percentage given as a number of percent ({@code 12.5} → {@code %12,5} in Turkish), up to two decimals. */
    public String percent(BigDecimal percent) {
        if ("bg".equals(language)) {
            // Bulgarian orthography spaces the sign; the JDK's CLDR pattern does not.
            return number(percent.setScale(Math.min(Math.max(percent.stripTrailingZeros().scale(), 0), 2),
                    java.math.RoundingMode.HALF_EVEN)) + "\u00a0%";
        }
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(2);
        format.setMinimumFractionDigits(0);
        return format.format(percent.movePointLeft(2));
    }

    /** A plain number with the language's separators ({@code 1 250,5} in Bulgarian). */
    public String number(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(Math.max(value.stripTrailingZeros().scale(), 0));
        return format.format(value);
    }

    /**
     * The CLDR plural category of a whole count: {@code one} or {@code other} for every language served
     * (en, tr, kk, ka, bg: "one" is exactly 1). Texts keep one variant per category, e.g. {@code revisions.one}.
     */
    public String pluralCategory(long count) {
        return count == 1 ? "one" : "other";
    }

    private boolean codeFirst() {
        return "en".equals(language);
    }
}
