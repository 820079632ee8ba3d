package dev.clientdesk.client.letters;

import dev.clientdesk.kit.text.ClasspathTexts;
import dev.clientdesk.kit.text.Texts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The built-in letters, one file per kind and language under {@code letters/}: the first line is the
 * subject, the rest the body. English is the fallback for any other language.
 */
public final class LetterCatalogue {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");

    private final Map<String, LetterTemplate> templates = new HashMap<>();
    private final Map<String, Properties> phrases = new HashMap<>();

    public static LetterCatalogue load() {
        LetterCatalogue catalogue = new LetterCatalogue();
        for (String language : LANGUAGES) {
            for (LetterKind kind : LetterKind.values()) {
                String text = ClasspathTexts.text("letters/" + kind + "." + language + ".txt");
                int newline = text.indexOf('\n');
                catalogue.templates.put(kind + "." + language,
                        new LetterTemplate(text.substring(0, newline).trim(), text.substring(newline + 1)));
            }
            catalogue.phrases.put(language, ClasspathTexts.properties("letters/phrases." + language + ".properties"));
        }
        return catalogue;
    }

    /** "kk-KZ" → "kk"; a language without templates → English. */
    public static String language(String locale) {
        return Texts.language(locale, LANGUAGES);
    }

    public LetterTemplate template(LetterKind kind, String language) {
        return templates.get(kind + "." + language(language));
    }

    String phrase(String language, String key) {
        return phrases.get(language(language)).getProperty(key);
    }
}
