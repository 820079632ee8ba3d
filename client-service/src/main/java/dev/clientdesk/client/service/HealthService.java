package dev.clientdesk.client.service;

import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.NoteKind;
import dev.clientdesk.client.domain.WorkspacePolicy;
import dev.clientdesk.client.health.Health;
import dev.clientdesk.client.health.HealthAssessment;
import dev.clientdesk.client.health.HealthFacts;
import dev.clientdesk.client.health.HealthProjection;
import dev.clientdesk.kit.money.Money;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.UUID;

/** Puts the projected billing and follow-up facts together with your own notes and the screening. */
@ApplicationScoped
public class HealthService {

    private final ClientService clients;
    private final PolicyService policies;
    private final NoteService notes;
    private final HealthProjection projection;

    public HealthService(ClientService clients, PolicyService policies, NoteService notes,
            HealthProjection projection) {
        this.clients = clients;
        this.policies = policies;
        this.notes = notes;
        this.projection = projection;
    }

    public Health health(String tenantId, UUID clientId) {
        Client client = clients.get(tenantId, clientId);
        WorkspacePolicy policy = policies.current(tenantId);
        Money target = policy.targetHourlyRate();
        HealthProjection.Counters counters = projection.counters(tenantId, clientId,
                target == null ? null : target.currency());
        Map<NoteKind, Integer> noted = notes.countByKind(clientId);
        HealthFacts facts = new HealthFacts(counters.paidIn(), counters.minutesLogged(),
                counters.workspaceMinutesLogged(), counters.latePayments(), counters.silentEpisodes(),
                noted.getOrDefault(NoteKind.SPECIAL_REQUEST, 0), noted.getOrDefault(NoteKind.INCIDENT, 0),
                client.screening().flags().size(), counters.nudges());
        return HealthAssessment.assess(facts, target, policy.maxBelowTargetShare());
    }
}
