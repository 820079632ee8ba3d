package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.text.Texts;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Every fee and condition of a project in plain language (seed 000: disclose everything up front), in
 * en, tr, kk, ka or bg; any other language gets English.
 */
public final class TermsSheet {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");
    private static final Map<String, Properties> PHRASES = new HashMap<>();

    static {
        for (String language : LANGUAGES) {
            Properties properties = new Properties();
            try (InputStream in = TermsSheet.class.getClassLoader()
                    .getResourceAsStream("terms/terms." + language + ".properties")) {
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("missing terms for " + language, e);
            }
            PHRASES.put(language, properties);
        }
    }

    public record Sheet(String language, String title, List<String> terms) {
    }

    private TermsSheet() {
    }

    public static Sheet of(Project project, String locale) {
        String language = language(locale == null ? project.terms().locale() : locale);
        Properties p = PHRASES.get(language);
        Project.Terms terms = project.terms();
        List<String> lines = new ArrayList<>();
        lines.add(fill(p, "fee", "fee", project.fee().toString()));
        lines.add(fill(p, "deposit", "percent", plain(project.depositPercent()), "amount", project.depositAmount().toString()));
        for (Milestone m : project.milestones()) {
            lines.add(m.dueDate() == null
                    ? fill(p, "stage", "name", m.name(), "percent", plain(m.percent()), "amount", m.amount().toString())
                    : fill(p, "stageDue", "name", m.name(), "percent", plain(m.percent()), "amount",
                            m.amount().toString(), "date", m.dueDate().toString()));
        }
        lines.add(fill(p, "paymentTerms", "days", Integer.toString(terms.paymentTermsDays())));
        lines.add(terms.revisionFee().amount().signum() > 0
                ? fill(p, "revisions", "included", Integer.toString(terms.includedRevisions()), "fee",
                        terms.revisionFee().toString())
                : fill(p, "revisionsFree", "included", Integer.toString(terms.includedRevisions())));
        lines.add(fill(p, "cancellation", "percent", plain(terms.cancellationFeePercent())));
        lines.add(fill(p, "postponement"));
        lines.add(fill(p, "response", "hours", Integer.toString(terms.responseTimeHours())));
        if (terms.communication() != null && !terms.communication().isBlank()) {
            lines.add(fill(p, "communication", "communication", terms.communication().trim()));
        }
        lines.add(fill(p, "possible"));
        return new Sheet(language, fill(p, "title", "title", project.title()), List.copyOf(lines));
    }

    static String language(String locale) {
        return Texts.language(locale, LANGUAGES);
    }

    private static String fill(Properties phrases, String key, String... namesAndValues) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return Texts.fill(phrases.getProperty(key), values);
    }

    private static String plain(BigDecimal percent) {
        return percent.stripTrailingZeros().toPlainString();
    }
}
