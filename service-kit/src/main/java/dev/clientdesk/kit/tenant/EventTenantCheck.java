package dev.clientdesk.kit.tenant;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.messaging.PoisonEventException;
import dev.clientdesk.kit.messaging.PrematureEventException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.Collection;
import java.util.UUID;

/**
 * Holds a consumed event's {@code tenantid} against the workspace this service's own projection holds for the
 * client the event names. The projection was fed by the client's owner, so it wins: an event that contradicts
 * it is poison, counted in {@code clientdesk.events.tenant_mismatch}; an event about a client the projection
 * has not heard of yet is premature (its topic is not ordered with the client's own events).
 */
@ApplicationScoped
public class EventTenantCheck {

    private static final Logger LOG = Logger.getLogger(EventTenantCheck.class);

    private final Counter mismatches;

    public EventTenantCheck(MeterRegistry registry) {
        this.mismatches = registry.counter("clientdesk.events.tenant_mismatch");
    }

    /**
     * For events that only name a client (billing, follow-ups).
     * @param projectedTenants the workspaces the projection holds the client under (one, or none when unknown)
     */
    public void requireKnownClient(CloudEvent event, UUID clientId, Collection<String> projectedTenants) {
        if (projectedTenants.isEmpty()) {
            throw new PrematureEventException("event " + event.id() + " (" + event.type() + ") names client "
                    + clientId + ", which this service has not heard of yet");
        }
        requireNoOtherTenant(event, clientId, projectedTenants);
    }

    /** For the client's own events, which may introduce it: only a contradiction is refused. */
    public void requireNoOtherTenant(CloudEvent event, UUID clientId, Collection<String> projectedTenants) {
        for (String known : projectedTenants) {
            if (!known.equals(event.tenantId())) {
                mismatches.increment();
                String message = "event " + event.id() + " (" + event.type() + ") names client " + clientId
                        + " under tenant " + event.tenantId() + ", but this service knows that client under tenant "
                        + known;
                LOG.warn(message);
                throw new PoisonEventException(message);
            }
        }
    }
}
