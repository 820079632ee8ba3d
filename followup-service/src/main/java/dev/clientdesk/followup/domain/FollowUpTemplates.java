package dev.clientdesk.followup.domain;

import dev.clientdesk.kit.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follow-up drafts in the client's language (seed 002): polite and calm, neither anxious nor apologetic;
 * they ask whether the client still intends to go ahead and, if not, to say so. An invoice follow-up names
 * the invoice, the amount and the due date. Files under {@code followups/}: line one the subject.
 */
public final class FollowUpTemplates {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");

    public record Draft(String language, String subject, String body) {
    }

    private final Map<String, String> texts = new HashMap<>();
    private final Map<String, Properties> greetings = new HashMap<>();

    public static FollowUpTemplates load() {
        FollowUpTemplates templates = new FollowUpTemplates();
        for (String language : LANGUAGES) {
            for (String kind : List.of("invoice", "message")) {
                templates.texts.put(kind + "." + language, read(kind + "." + language + ".txt"));
            }
            Properties greeting = new Properties();
            try {
                greeting.load(new InputStreamReader(stream("greeting." + language + ".properties"),
                        StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            templates.greetings.put(language, greeting);
        }
        return templates;
    }

    public Draft draft(Conversation conversation, String clientName, String locale) {
        String language = language(locale);
        String kind = conversation.kind() == Conversation.Kind.INVOICE_PAYMENT ? "invoice" : "message";
        Properties greeting = greetings.get(language);
        Map<String, String> values = new HashMap<>(conversation.details());
        values.put("subject", conversation.subject());
        values.put("greeting", clientName == null || clientName.isBlank() ? greeting.getProperty("unnamed")
                : greeting.getProperty("named").replace("{name}", clientName.trim()));
        String text = Texts.fill(texts.get(kind + "." + language), values);
        int newline = text.indexOf('\n');
        return new Draft(language, text.substring(0, newline).trim(), text.substring(newline + 1).strip() + "\n");
    }

    public static String language(String locale) {
        return Texts.language(locale, LANGUAGES);
    }

    private static String read(String name) {
        try (InputStream in = stream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = FollowUpTemplates.class.getClassLoader().getResourceAsStream("followups/" + name);
        if (in == null) {
            throw new IllegalStateException("missing follow-up template " + name);
        }
        return in;
    }
}
