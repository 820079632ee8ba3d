package dev.clientdesk.billing.service;

import dev.clientdesk.billing.domain.Milestone;
import dev.clientdesk.billing.domain.Project;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.UUID;

/** Starting a stage commits to it: should the project end, a started stage may still be finished and billed. */
@ApplicationScoped
public class CommittedWork {

    private final EntityManager em;
    private final BillingOutbox outbox;

    public CommittedWork(EntityManager em, BillingOutbox outbox) {
        this.em = em;
        this.outbox = outbox;
    }

    /** PENDING → STARTED on an ACTIVE project; 409 otherwise. */
    @Transactional
    public Project start(String tenantId, UUID projectId, UUID milestoneId) {
        Project project = TenantOwned.lockOwned(em, Project.class, tenantId, projectId, "project");
        Milestone started = project.startMilestone(milestoneId);
        outbox.publish(tenantId, project.clientId(), project.id(), new BillingEvents.MilestoneStarted(project.id(),
                project.clientId(), started.id(), started.name()));
        return project;
    }
}
