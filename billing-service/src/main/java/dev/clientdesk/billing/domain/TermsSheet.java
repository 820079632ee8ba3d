package dev.clientdesk.billing.domain;

import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.text.Texts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Every fee and condition of a project in plain language, in en, tr, kk, ka or bg (any other language gets
 * English). Each clause renders itself from {@link Facts}; an absent value (no deposit, a stage without a
 * date, no communication line) picks another sentence, never an empty placeholder.
 */
public final class TermsSheet {

    public static final List<String> LANGUAGES = List.of("en", "tr", "kk", "ka", "bg");
    private static final List<Clause> CLAUSES = List.of(ScheduleClause::lines, RevisionClause::lines,
            EndingClause::lines, TermsSheet::conduct);

    public record Sheet(String language, String title, List<String> terms) {
    }

    /** What the sheet states: a project's fee, schedule and terms. */
    public record Facts(String title, Money fee, BigDecimal depositPercent, Money deposit, List<Stage> stages,
            Project.Terms terms) {

        public record Stage(String name, BigDecimal percent, Money amount, LocalDate plannedFor) {
        }

        static Facts of(Project project) {
            return new Facts(project.title(), project.fee(), project.depositPercent(), project.depositAmount(),
                    project.milestones().stream().map(m -> new Stage(m.name(), m.percent(), m.amount(), m.dueDate()))
                            .toList(),
                    project.terms());
        }
    }

    interface Clause {
        List<String> lines(Facts facts, TermsPhrases phrases);
    }

    private TermsSheet() {
    }

    /** The sheet in the given locale, or in the project's own when none is given. */
    public static Sheet of(Project project, String locale) {
        return of(Facts.of(project), locale == null ? project.terms().locale() : locale);
    }

    static Sheet of(Facts facts, String locale) {
        TermsPhrases phrases = TermsPhrases.of(Texts.language(locale, LANGUAGES));
        List<String> lines = new ArrayList<>();
        CLAUSES.forEach(clause -> lines.addAll(clause.lines(facts, phrases)));
        return new Sheet(phrases.language(), phrases.text("title", "title", facts.title()), List.copyOf(lines));
    }

    /** How quickly messages are answered, through which channel, and that results are possible, not promised. */
    private static List<String> conduct(Facts facts, TermsPhrases phrases) {
        List<String> lines = new ArrayList<>();
        lines.add(phrases.counted("response", facts.terms().responseTimeHours()));
        String communication = facts.terms().communication();
        if (communication != null && !communication.isBlank()) {
            lines.add(phrases.text("communication", "communication", communication.strip()));
        }
        lines.add(phrases.text("possible"));
        return lines;
    }
}
