package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.PaymentSchedule.ScheduleException;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A postponement or a change of scope agreed in writing after contracting (the terms sheet says they may change
 * the schedule and the fee), on a project that awaits its deposit or is active.
 */
@ApplicationScoped
public class ProjectChanges {

    private final EntityManager em;
    private final ProjectService projects;
    private final BillingOutbox outbox;
    private final Clock clock;

    public ProjectChanges(EntityManager em, ProjectService projects, BillingOutbox outbox, Clock clock) {
        this.em = em;
        this.projects = projects;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Shifts every unfinished stage with a date by {@code shiftDays}, or moves the stages given in {@code dates}. */
    @Transactional
    public Project postpone(String tenantId, UUID projectId, String ifMatch, Integer shiftDays,
            List<Project.StageDate> dates) {
        if ((shiftDays == null) == (dates == null)) {
            throw ProblemException.invalidField("shiftDays", shiftDays == null
                    ? "give shiftDays, or the new dates per stage in milestones"
                    : "give shiftDays or milestones, not both");
        }
        Project project = locked(tenantId, projectId, ifMatch);
        List<Project.Rescheduled> changed;
        try {
            changed = shiftDays != null ? project.postponeBy(shiftDays)
                    : project.postpone(dates, LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
        } catch (ScheduleException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        em.flush();
        if (!changed.isEmpty()) {
            outbox.publish(tenantId, project.clientId(), project.id(), new BillingEvents.ProjectPostponed(project.id(),
                    project.clientId(), shiftDays, changed.stream().map(r -> new BillingEvents.RescheduledStage(
                            r.milestoneId(), r.name(), r.previousDueDate(), r.dueDate())).toList()));
        }
        return project;
    }

    /** A new fee, new remaining stages, or both; see {@link Project#change}. */
    @Transactional
    public Project change(String tenantId, UUID projectId, String ifMatch, Money totalFee, List<Project.Stage> stages) {
        if (totalFee == null && stages == null) {
            throw ProblemException.invalidField("totalFee", "give a new totalFee, new milestones, or both");
        }
        Project project = locked(tenantId, projectId, ifMatch);
        Money previousFee = project.fee();
        try {
            project.change(totalFee, stages);
        } catch (ScheduleException e) {
            throw ProblemException.invalidField(e.field(), e.getMessage());
        }
        em.flush();
        outbox.publish(tenantId, project.clientId(), project.id(), new BillingEvents.ProjectChanged(project.id(),
                project.clientId(), previousFee, project.fee(), project.depositAmount(),
                project.milestones().stream().map(m -> new BillingEvents.ScheduledStage(m.id(), m.name(),
                        m.percent(), m.amount(), m.dueDate(), m.status().name())).toList()));
        return project;
    }

    /** The project row locked for the change, at the version the caller read. */
    private Project locked(String tenantId, UUID projectId, String ifMatch) {
        Project project = projects.lock(tenantId, projectId);
        ETags.requireMatch(ifMatch, project.version());
        return project;
    }
}
