package dev.clientdesk.billing.service;

import dev.clientdesk.kit.problem.Problem;
import dev.clientdesk.kit.problem.ProblemException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The clients this service has heard of on clients.v1, with the workspace that owns each and how far the
 * relationship has come. Consumed events are held against it; contracts read it.
 */
@ApplicationScoped
public class KnownClients {

    /** In the order a relationship moves: a status never goes back (a redelivery or a replay cannot undo one). */
    public enum Status {
        LEAD, ACCEPTED, DECLINED, ENDED
    }

    private static final String FORWARD = Arrays.stream(Status.values()).map(Enum::name)
            .collect(Collectors.joining(",", "{", "}"));

    private final EntityManager em;
    private final Clock clock;

    public KnownClients(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Records the client in its workspace, moving its status forward only. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String tenantId, UUID clientId, Status status) {
        em.createNativeQuery("""
                INSERT INTO known_client (client_id, tenant_id, status, updated_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (client_id) DO UPDATE SET status = EXCLUDED.status, updated_at = EXCLUDED.updated_at
                WHERE known_client.tenant_id = EXCLUDED.tenant_id
                    AND array_position(CAST(?5 AS text[]), known_client.status)
                        < array_position(CAST(?5 AS text[]), EXCLUDED.status)""")
                .setParameter(1, clientId).setParameter(2, tenantId).setParameter(3, status.name())
                .setParameter(4, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .setParameter(5, FORWARD)
                .executeUpdate();
    }

    /** The workspace that owns the client: one, or none before client-service announced it. */
    @SuppressWarnings("unchecked")
    public List<String> tenantsOf(UUID clientId) {
        return em.createNativeQuery("SELECT tenant_id FROM known_client WHERE client_id = ?1")
                .setParameter(1, clientId).getResultList();
    }

    /** The client's status in that workspace; empty when the workspace has not heard of it. */
    public Optional<Status> status(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(
                        "SELECT status FROM known_client WHERE client_id = ?1 AND tenant_id = ?2")
                .setParameter(1, clientId).setParameter(2, tenantId).getResultList();
        return found.stream().findFirst().map(Status::valueOf);
    }

    /**
     * Fails closed: only a client whose ClientAccepted has arrived may be contracted; one billing has not heard
     * of (yet), a lead, a declined or an ended client is a 409 naming {@code clientId}.
     * <p>
     * The row is read FOR SHARE and stays locked until the contract commits. The consumer moves a status with
     * an upsert, which needs the row exclusively: a ClientDeclined or ClientOffboarded being applied either
     * committed first (this read waits for it and sees DECLINED or ENDED) or waits until the contract has
     * committed, and the settlement that follows ClientOffboarded then finds the new project. A plain read
     * could see ACCEPTED just before the offboarding commits and leave a contract that nothing settles.
     * FOR SHARE rather than FOR UPDATE: contracts for the same client do not wait for each other. The client
     * row comes before project rows in the lock order (README), as it does for the consumer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireContractable(String tenantId, UUID clientId) {
        @SuppressWarnings("unchecked")
        List<String> found = em.createNativeQuery(
                        "SELECT status FROM known_client WHERE client_id = ?1 AND tenant_id = ?2 FOR SHARE")
                .setParameter(1, clientId).setParameter(2, tenantId).getResultList();
        Status status = found.stream().findFirst().map(Status::valueOf).orElse(null);
        if (status == Status.ACCEPTED) {
            return;
        }
        String why = status == null ? "not a client of this workspace (yet); accept the client in client-service first"
                : switch (status) {
                    case LEAD -> "still a lead; accept the client in client-service first";
                    case DECLINED -> "declined";
                    default -> "relationship ended";
                };
        String detail = (status == null || status == Status.LEAD ? "no contract for client " : "no new contract for client ")
                + clientId + ": " + why;
        throw new ProblemException(409, "client-not-available", "Conflict", detail,
                List.of(new Problem.FieldError("clientId", why)));
    }
}
