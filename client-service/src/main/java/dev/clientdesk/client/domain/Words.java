package dev.clientdesk.client.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Word matching for services and traits, the same in every language: texts are compared word by word after
 * lower-casing and dropping accents and punctuation ("Logo-Design!" is "logo design", "Tasarımı" is
 * "tasarimi"). Two words match when they are equal or one is the other plus at most three trailing letters
 * and the shorter has at least three ("logo" and "logos", "want" and "wants", "tasarım" and "tasarımı"), so
 * plurals and case endings do not hide a match while "art" still does not match "article".
 */
public final class Words {

    static final int MIN_STEM = 3;
    static final int MAX_ENDING = 3;

    private Words() {
    }

    /** The normalised words of a text, in order; none for null or blank. */
    public static List<String> of(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String bare = Normalizer.normalize(lower, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "").replace('ı', 'i');
        return Arrays.stream(bare.split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isEmpty()).toList();
    }

    /** Every one of {@code needles} matches some word of {@code haystack}; false when there are no needles. */
    public static boolean allIn(List<String> needles, List<String> haystack) {
        return !needles.isEmpty() && needles.stream().allMatch(n -> haystack.stream().anyMatch(h -> match(n, h)));
    }

    static boolean match(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        String shorter = a.length() <= b.length() ? a : b;
        String longer = shorter == a ? b : a;
        return shorter.length() >= MIN_STEM && longer.length() - shorter.length() <= MAX_ENDING
                && longer.startsWith(shorter);
    }
}
