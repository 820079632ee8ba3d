package dev.clientdesk.kit.outbox;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An outbox row as the writer inserts it. A managed entity rather than a native {@code INSERT}: Hibernate then
 * batches the rows of a transaction with its other inserts, and a write does not force a flush of everything
 * else the transaction holds. {@code seq} and {@code published_at} are left to the database and the relay.
 */
@Entity
@Table(name = "outbox_event")
class OutboxRecord {

    @Id
    private UUID id;
    private String topic;
    private String partitionKey;
    private String eventType;
    private String envelope;
    private Instant createdAt;

    protected OutboxRecord() {
    }

    OutboxRecord(UUID id, String topic, String partitionKey, String eventType, String envelope, Instant createdAt) {
        this.id = id;
        this.topic = topic;
        this.partitionKey = partitionKey;
        this.eventType = eventType;
        this.envelope = envelope;
        this.createdAt = createdAt;
    }
}
