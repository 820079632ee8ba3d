package dev.clientdesk.kit.sample;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;
import dev.clientdesk.kit.messaging.PrematureEventException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;

/**
 * Records each WidgetCreated it sees. Some names exercise the consumer's failure handling: "poison..." always
 * fails (a bug); "needs:ID" is premature until widget ID was seen; "locked:ID" waits at most 100 ms for the
 * lock on widget ID's row (a lock timeout, transient).
 */
@ApplicationScoped
public class WidgetCreatedHandler implements EventHandler {

    private final EntityManager em;
    private final CloudEventCodec codec;

    public WidgetCreatedHandler(EntityManager em, CloudEventCodec codec) {
        this.em = em;
        this.codec = codec;
    }

    @Override
    public String topic() {
        return "widgets.v1";
    }

    @Override
    public Set<String> eventTypes() {
        return Set.of("WidgetCreated");
    }

    @Override
    public void handle(CloudEvent event) {
        WidgetResource.WidgetCreated created = codec.data(event, WidgetResource.WidgetCreated.class);
        if (created.name().startsWith("poison")) {
            throw new IllegalStateException("cannot digest " + created.name());
        }
        if (created.name().startsWith("needs:") && seen(created.name().substring("needs:".length())) == 0) {
            throw new PrematureEventException("widget " + created.name().substring(6) + " is not known yet");
        }
        if (created.name().startsWith("locked:")) {
            em.createNativeQuery("SET LOCAL lock_timeout = '100ms'").executeUpdate();
            em.createNativeQuery("SELECT widget_id FROM widget_seen WHERE widget_id = ?1 FOR UPDATE")
                    .setParameter(1, created.name().substring("locked:".length())).getResultList();
        }
        em.createNativeQuery("INSERT INTO widget_seen (event_id, widget_id) VALUES (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, created.widgetId().toString())
                .executeUpdate();
    }

    private long seen(String widgetId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM widget_seen WHERE widget_id = ?1")
                .setParameter(1, widgetId).getSingleResult()).longValue();
    }
}
