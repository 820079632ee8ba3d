package dev.clientdesk.followup.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.ClasspathTexts;
import dev.clientdesk.kit.text.LocaleFormat;
import dev.clientdesk.kit.text.Texts;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Follow-up drafts in the client's language: polite and calm, neither anxious nor apologetic. Each
 * asks why there has been no reply and, if the client is not going ahead, to say so. An invoice follow-up fits
 * where the invoice stands: before its due date it asks whether the invoice arrived and whether the client still
 * intends to go ahead; after it, it says the due date has passed. The second nudge has its own wording. Under
 * every draft: a closing line and, once the workspace has one, its signature. Texts are in
 * {@code followups/<language>.properties}; amounts and dates go through {@link LocaleFormat}.
 */
public final class FollowUpTemplates {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");

    /** Where an invoice stands on the day the draft is written. */
    public enum InvoiceStanding { BEFORE_DUE, AFTER_DUE, NO_DUE_DATE }

    /** Every key each language file must have. */
    static final List<String> KEYS = List.of("greeting.named", "greeting.unnamed", "subject.invoice",
            "invoice.first.beforeDue", "invoice.first.afterDue", "invoice.first.noDueDate",
            "invoice.second.beforeDue", "invoice.second.afterDue", "invoice.second.noDueDate",
            "message.first", "message.second", "question.first", "question.second", "closing", "closing.signed");

    public record Draft(String language, String subject, String body) {
    }

    private final Map<String, Properties> texts = new HashMap<>();

    public static FollowUpTemplates load() {
        FollowUpTemplates templates = new FollowUpTemplates();
        for (String language : LANGUAGES) {
            Properties properties = ClasspathTexts.properties("followups/" + language + ".properties");
            for (String key : KEYS) {
                if (properties.getProperty(key, "").isBlank()) {
                    throw new IllegalStateException("follow-up text " + key + " is missing in " + language);
                }
            }
            templates.texts.put(language, properties);
        }
        return templates;
    }

    /**
     * The draft of nudge number {@code attempt} (1 or 2) on the conversation.
     * @param today the date in the client's time zone, which decides whether an invoice's due date has passed
     * @param signature the workspace's signature, or null while it has none
     */
    public Draft draft(Conversation conversation, int attempt, String clientName, String locale, String signature,
            LocalDate today) {
        String language = language(locale);
        Properties text = texts.get(language);
        LocaleFormat format = LocaleFormat.of(language);
        String nudge = attempt <= 1 ? "first" : "second";
        Map<String, String> details = conversation.details();
        Map<String, String> values = new HashMap<>();
        values.put("subject", conversation.subject());
        String opening;
        String subject;
        if (conversation.kind() == Conversation.Kind.INVOICE_PAYMENT) {
            values.put("invoiceNumber", required(details, "invoiceNumber"));
            values.put("amount", format.money(money(required(details, "amount"))));
            LocalDate due = dueDate(details);
            if (due != null) {
                values.put("dueDate", format.date(due));
            }
            opening = text.getProperty("invoice." + nudge + "." + switch (standing(due, today)) {
                case BEFORE_DUE -> "beforeDue";
                case AFTER_DUE -> "afterDue";
                case NO_DUE_DATE -> "noDueDate";
            });
            subject = text.getProperty("subject.invoice");
        } else {
            opening = text.getProperty("message." + nudge);
            subject = "{subject}";
        }
        String greeting = clientName == null || clientName.isBlank() ? text.getProperty("greeting.unnamed")
                : text.getProperty("greeting.named").replace("{name}", clientName.strip());
        String closing = signature == null || signature.isBlank() ? text.getProperty("closing")
                : text.getProperty("closing.signed") + "\n" + signature.strip();
        String body = greeting + "\n\n" + Texts.fill(opening, values) + "\n\n"
                + Texts.fill(text.getProperty("question." + nudge), values) + "\n\n" + closing + "\n";
        return new Draft(language, Texts.fill(subject, values).strip(), body);
    }

    /** An invoice is due through its due date: it has passed only from the next day on. */
    public static InvoiceStanding standing(LocalDate due, LocalDate today) {
        if (due == null) {
            return InvoiceStanding.NO_DUE_DATE;
        }
        return today.isAfter(due) ? InvoiceStanding.AFTER_DUE : InvoiceStanding.BEFORE_DUE;
    }

    public static String language(String locale) {
        return Texts.language(locale, LANGUAGES);
    }

    private static String required(Map<String, String> details, String key) {
        String value = details.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("the invoice conversation has no " + key);
        }
        return value;
    }

    /** Stored as {@code "1000.00 EUR"}, as billing's amount reads. */
    private static Money money(String amount) {
        String[] parts = amount.strip().split("\\s+");
        if (parts.length != 2) {
            throw new IllegalStateException("not an amount: " + amount);
        }
        return Money.of(parts[0], parts[1]);
    }

    /** Conversations opened before drafts formatted dates stored an absent due date as an empty string. */
    private static LocalDate dueDate(Map<String, String> details) {
        String due = details.get("dueDate");
        return due == null || due.isBlank() ? null : LocalDate.parse(due);
    }
}
