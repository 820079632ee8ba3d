package dev.clientdesk.kit.outbox;

import dev.clientdesk.kit.config.KitConfig;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.events.CloudEventCodec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.UUID;

/**
 * Records an event in the outbox table inside the caller's business transaction, so the event exists
 * exactly when the change does. The {@link OutboxRelay} publishes it later.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final CloudEventCodec codec;
    private final KitConfig config;
    private final Clock clock;

    public OutboxWriter(EntityManager entityManager, CloudEventCodec codec, KitConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.codec = codec;
        this.config = config;
        this.clock = clock;
    }

    /**
     * @param topic        where the event goes
     * @param partitionKey the Kafka key: the client id, so one client's events stay in order
     * @param subject      the aggregate the event is about
     * @param data         the event record; its simple class name is the event type
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public CloudEvent append(String topic, String partitionKey, String subject, String tenantId, Object data) {
        CloudEvent event = CloudEvent.of(UUID.randomUUID().toString(), config.serviceName(),
                data.getClass().getSimpleName(), subject, clock.instant(), tenantId, codec.toTree(data));
        entityManager.persist(new OutboxRecord(UUID.fromString(event.id()), topic, partitionKey, event.type(),
                codec.encode(event), event.time()));
        return event;
    }
}
