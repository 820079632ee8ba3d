package dev.clientdesk.client.service;

import dev.clientdesk.client.api.ClientRequests.RegisterClient;
import dev.clientdesk.client.api.ClientRequests.UpdateClient;
import dev.clientdesk.client.domain.Client;
import dev.clientdesk.client.domain.ClientStatus;
import dev.clientdesk.client.domain.IntakeSignals;
import dev.clientdesk.client.domain.Lead;
import dev.clientdesk.client.domain.RedFlag;
import dev.clientdesk.client.domain.Screener;
import dev.clientdesk.client.domain.Screening;
import dev.clientdesk.client.events.ClientEvents;
import dev.clientdesk.kit.outbox.OutboxWriter;
import dev.clientdesk.kit.problem.ProblemException;
import dev.clientdesk.kit.web.ETags;
import dev.clientdesk.kit.web.Page;
import dev.clientdesk.kit.web.PageRequest;
import dev.clientdesk.kit.tenant.TenantOwned;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/** Intake, screening and the client's life cycle; every change publishes its event through the outbox. */
@ApplicationScoped
public class ClientService {

    private final EntityManager em;
    private final PolicyService policies;
    private final OutboxWriter outbox;
    private final Clock clock;

    public ClientService(EntityManager em, PolicyService policies, OutboxWriter outbox, Clock clock) {
        this.em = em;
        this.policies = policies;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public Client register(String tenantId, RegisterClient request) {
        if (request.budget() != null && request.budget().isNegative()) {
            throw ProblemException.invalidField("budget.amount", "must not be negative");
        }
        String timezone = validTimezone(request.timezone());
        String locale = request.locale() == null ? policies.current(tenantId).defaultLocale() : request.locale();
        String email = request.email().trim();
        Lead lead = new Lead(request.relationship(), request.requestedService(), request.needs(), request.budget(),
                request.signals(), previouslyEnded(tenantId, email));
        Screening screening = Screener.screen(lead, policies.current(tenantId).screeningPolicy());
        Client client = Client.register(tenantId, request.name().trim(), email, request.company(), locale, timezone,
                request.relationship(), request.requestedService(), request.needs(), request.budget(), request.signals(),
                screening,
                clock.instant());
        em.persist(client);
        publish(client, new ClientEvents.ClientRegistered(client.id(), client.name(), client.email(),
                client.locale(), client.relationship()));
        publishScreened(client);
        return client;
    }

    @Transactional
    public Client rescreen(String tenantId, UUID id, IntakeSignals signals) {
        Client client = get(tenantId, id);
        Lead lead = client.asLead(previouslyEnded(tenantId, client.email()));
        IntakeSignals merged = client.signals().merge(signals);
        Screening screening = Screener.screen(lead.withSignals(merged), policies.current(tenantId).screeningPolicy());
        client.rescreen(signals, screening, clock.instant());
        publishScreened(client);
        return client;
    }

    /** The first contract makes an accepted client active; anything else is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activateIfAccepted(String tenantId, UUID clientId) {
        Client client = em.find(Client.class, clientId);
        if (client != null && client.tenantId().equals(tenantId) && client.status() == ClientStatus.ACCEPTED) {
            client.moveTo(ClientStatus.ACTIVE, clock.instant());
        }
    }

    /** The workspace that owns the client: one, or none when this service never registered that id. */
    public List<String> tenantsOf(UUID clientId) {
        Client client = em.find(Client.class, clientId);
        return client == null ? List.of() : List.of(client.tenantId());
    }

    @Transactional
    public Client update(String tenantId, UUID id, String ifMatch, UpdateClient request) {
        Client client = get(tenantId, id);
        ETags.requireMatch(ifMatch, client.version());
        if (client.update(request.name(), request.company(), request.locale(), validTimezone(request.timezone()),
                clock.instant())) {
            publish(client, new ClientEvents.ClientUpdated(client.id(), client.name(), client.email(),
                    client.locale(), client.timezone()));
        }
        em.flush();
        return client;
    }

    public Client get(String tenantId, UUID id) {
        Client client = TenantOwned.require(em.find(Client.class, id), tenantId, "client", id);
        return client;
    }

    public Page<Client> list(String tenantId, ClientStatus status, RedFlag flag, String text, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE c.tenant_id = :tenant");
        if (status != null) {
            where.append(" AND c.status = :status");
        }
        if (flag != null) {
            where.append(" AND c.screening -> 'flags' @> CAST(:flag AS jsonb)");
        }
        if (text != null && !text.isBlank()) {
            where.append(" AND (lower(c.name) LIKE :text OR lower(c.email) LIKE :text OR lower(c.company) LIKE :text)");
        }
        var select = em.createNativeQuery("SELECT c.* FROM client c" + where
                + " ORDER BY c.created_at DESC, c.id LIMIT :limit OFFSET :offset", Client.class);
        var count = page.includeTotal ? em.createNativeQuery("SELECT count(*) FROM client c" + where) : null;
        for (var query : count == null ? List.of(select) : List.of(select, count)) {
            query.setParameter("tenant", tenantId);
            if (status != null) {
                query.setParameter("status", status.name());
            }
            if (flag != null) {
                query.setParameter("flag", "[{\"code\":\"" + flag.name() + "\"}]");
            }
            if (text != null && !text.isBlank()) {
                query.setParameter("text", "%" + escapeLike(text.trim().toLowerCase(Locale.ROOT)) + "%");
            }
        }
        select.setParameter("limit", page.fetchSize()).setParameter("offset", page.offset());
        @SuppressWarnings("unchecked")
        var fetched = (List<Client>) select.getResultList();
        return Page.of(fetched, page, count == null ? null : ((Number) count.getSingleResult()).longValue());
    }

    private boolean previouslyEnded(String tenantId, String email) {
        return lastEndedWithEmail(tenantId, email).isPresent();
    }

    /** The client with this email (any case) you ended most recently in the workspace, if any. */
    public Optional<Client> lastEndedWithEmail(String tenantId, String email) {
        return em.createQuery("FROM Client c WHERE c.tenantId = :tenant AND lower(c.email) = :email"
                        + " AND c.status = :ended ORDER BY c.updatedAt DESC, c.id", Client.class)
                .setParameter("tenant", tenantId)
                .setParameter("email", email.toLowerCase(Locale.ROOT))
                .setParameter("ended", ClientStatus.ENDED)
                .setMaxResults(1).getResultList().stream().findFirst();
    }

    private void publishScreened(Client client) {
        Screening s = client.screening();
        publish(client, new ClientEvents.ClientScreened(client.id(), s.recommendation(), s.riskScore(),
                s.flags().stream().map(f -> f.code().name()).toList()));
    }

    void publish(Client client, Object event) {
        outbox.append(ClientEvents.TOPIC, client.id().toString(), client.id().toString(), client.tenantId(), event);
    }

    private static String validTimezone(String timezone) {
        if (timezone == null) {
            return null;
        }
        try {
            return ZoneId.of(timezone).getId();
        } catch (DateTimeException e) {
            throw ProblemException.invalidField("timezone", "must be an IANA time zone such as Europe/Sofia");
        }
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
