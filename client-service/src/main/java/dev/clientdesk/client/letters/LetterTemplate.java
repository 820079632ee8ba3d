package dev.clientdesk.client.letters;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A subject and a body with {placeholders}; only the known placeholders are allowed. */
public record LetterTemplate(String subject, String body) {

    public static final Set<String> PLACEHOLDERS =
            Set.of("clientName", "service", "reasonParagraph", "referralParagraph", "signature");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

    /** The placeholders a workspace wrote that the renderer would not fill. */
    public List<String> unknownPlaceholders() {
        List<String> unknown = new ArrayList<>();
        for (String text : List.of(subject, body)) {
            Matcher matcher = PLACEHOLDER.matcher(text);
            while (matcher.find()) {
                if (!PLACEHOLDERS.contains(matcher.group(1))) {
                    unknown.add(matcher.group());
                }
            }
        }
        return unknown;
    }
}
