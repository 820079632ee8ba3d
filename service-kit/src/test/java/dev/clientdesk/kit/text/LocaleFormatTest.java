package dev.clientdesk.kit.text;

import dev.clientdesk.kit.money.Money;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LocaleFormatTest {

    private static final Money FEE = Money.of("1250.00", "EUR");
    private static final LocalDate DAY = LocalDate.of(2026, 12, 15);
    private static final BigDecimal PERCENT = new BigDecimal("12.5");

    /** NBSP is what CLDR groups with in bg, kk and ka, and what keeps "1 250,00 EUR" on one line. */
    private static String plain(String s) {
        return s.replace('\u00a0', ' ').replace('\u202f', ' ');
    }

    @Test
    void turkish() {
        LocaleFormat tr = LocaleFormat.of("tr-TR");
        assertEquals("1.250,00 EUR", plain(tr.money(FEE)));
        assertEquals("15.12.2026", tr.date(DAY));
        assertEquals("%12,5", plain(tr.percent(PERCENT)));
    }

    @Test
    void bulgarian() {
        LocaleFormat bg = LocaleFormat.of("bg");
        assertEquals("1 250,00 EUR", plain(bg.money(FEE)));
        assertEquals("15.12.2026 г.", bg.date(DAY));
        assertEquals("12,5 %", plain(bg.percent(PERCENT)));
    }

    @Test
    void kazakh_and_georgian() {
        for (String language : new String[] {"kk", "ka"}) {
            LocaleFormat format = LocaleFormat.of(language);
            assertEquals("1 250,00 EUR", plain(format.money(FEE)), language);
            assertEquals("15.12.2026", format.date(DAY), language);
        }
    }

    @Test
    void english_puts_the_code_first() {
        LocaleFormat en = LocaleFormat.of("en");
        assertEquals("EUR 1,250.00", plain(en.money(FEE)));
        assertEquals("15 December 2026", en.date(DAY));
        assertEquals("12.5%", en.percent(PERCENT));
    }

    @Test
    void every_currency_shows_its_own_decimals() {
        assertEquals("JPY 125,000", plain(LocaleFormat.of("en").money(Money.of("125000", "JPY"))));
        assertEquals("1.250,500 KWD", plain(LocaleFormat.of("tr").money(Money.of("1250.5", "KWD"))));
    }

    @Test
    void unknown_or_missing_locales_read_as_english() {
        assertEquals("en", LocaleFormat.of(null).language());
        assertEquals("EUR 1,250.00", plain(LocaleFormat.of("").money(FEE)));
    }

    @Test
    void one_is_the_only_singular_count() {
        LocaleFormat bg = LocaleFormat.of("bg");
        assertEquals("one", bg.pluralCategory(1));
        assertEquals("other", bg.pluralCategory(0));
        assertEquals("other", bg.pluralCategory(2));
        assertEquals("other", bg.pluralCategory(21));
    }
}
