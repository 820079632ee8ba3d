package dev.clientdesk.kit.sample;

import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;
import dev.clientdesk.kit.messaging.EventHandler;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.Set;

/** Records each WidgetCreated it sees; a widget named "poison..." always fails, to exercise the DLT. */
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
        em.createNativeQuery("INSERT INTO widget_seen (event_id, widget_id) VALUES (?1, ?2)")
                .setParameter(1, event.id())
                .setParameter(2, created.widgetId().toString())
                .executeUpdate();
    }
}
