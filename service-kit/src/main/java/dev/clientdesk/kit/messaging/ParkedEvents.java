package dev.clientdesk.kit.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import io.quarkus.narayana.jta.QuarkusTransaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** Events set aside in {@code parked_event}, one consumer group's at a time. */
@ApplicationScoped
public class ParkedEvents {

    /** A parked record as stored. */
    public record Parked(long id, String topic, int partition, long offset, String key, byte[] value,
            Map<String, String> headers, String reason, Instant firstSeenAt, Instant lastTriedAt, int attempts) {
    }

    private static final String COLUMNS = "id, topic, partition_no, record_offset, record_key, record_value, headers,"
            + " reason, first_seen_at, last_tried_at, attempts";

    private final EntityManager em;
    private final Clock clock;
    private final ObjectMapper json;
    private final Counter parkedCounter;
    private final AtomicLong current = new AtomicLong();

    public ParkedEvents(EntityManager em, Clock clock, ObjectMapper json, MeterRegistry registry) {
        this.em = em;
        this.clock = clock;
        this.json = json;
        this.parkedCounter = registry.counter("clientdesk.events.parked");
        registry.gauge("clientdesk.events.parked.current", current);
    }

    /** Parks a record unless it already is; returns whether it was new. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean park(String group, ConsumerRecord<String, byte[]> record, String reason, int attempts,
            Instant firstSeen) {
        boolean parked = em.createNativeQuery("""
                INSERT INTO parked_event (consumer_group, topic, partition_no, record_offset, record_key, record_value,
                    headers, reason, first_seen_at, last_tried_at, attempts, event_id)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) ON CONFLICT DO NOTHING""")
                .setParameter(1, group)
                .setParameter(2, record.topic())
                .setParameter(3, record.partition())
                .setParameter(4, record.offset())
                .setParameter(5, record.key())
                .setParameter(6, record.value())
                .setParameter(7, headersJson(record))
                .setParameter(8, reason)
                .setParameter(9, utc(firstSeen == null ? clock.instant() : firstSeen))
                .setParameter(10, utc(clock.instant()))
                .setParameter(11, attempts)
                .setParameter(12, eventId(record))
                .executeUpdate() == 1;
        if (parked) {
            parkedCounter.increment();
            current.incrementAndGet();
        }
        return parked;
    }

    /**
     * Whether the group may have parked events: counted on partition assignment and when the heads are read,
     * raised by every park. Never too low for the partitions this replica owns, since only their owner parks.
     */
    public boolean any() {
        return current.get() > 0;
    }

    /** Counts the group's parked events; if the database cannot say, assumes there are some. */
    public void recount(String group) {
        try {
            QuarkusTransaction.requiringNew().run(() -> refreshCount(group));
        } catch (RuntimeException e) {
            current.set(Math.max(1, current.get()));
        }
    }

    /** The CloudEvent id of a record the pipeline has already decoded once. */
    private String eventId(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value()).path("id").asText();
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a parked record is no longer a CloudEvent", e);
        }
    }

    /** The oldest parked event of this key, if the key has one: later events of the key wait behind it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Long> parkedAhead(String group, String topic, String key) {
        if (key == null) {
            return Optional.empty();
        }
        List<?> ids = em.createNativeQuery("""
                SELECT id FROM parked_event WHERE consumer_group = ?1 AND topic = ?2 AND record_key = ?3
                ORDER BY id LIMIT 1""")
                .setParameter(1, group).setParameter(2, topic).setParameter(3, key).getResultList();
        return ids.stream().findFirst().map(id -> ((Number) id).longValue());
    }

    /** Removes the row in the transaction that applies it; false if another replica got there first. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean take(String group, long id) {
        // The count is not lowered here: this transaction rolls back when the event still cannot be applied.
        // It is recounted when the heads are read again.
        return em.createNativeQuery("DELETE FROM parked_event WHERE consumer_group = ?1 AND id = ?2")
                .setParameter(1, group).setParameter(2, id).executeUpdate() == 1;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void triedAgain(String group, long id, String reason) {
        em.createNativeQuery("""
                UPDATE parked_event SET attempts = attempts + 1, reason = ?3, last_tried_at = ?4
                WHERE consumer_group = ?1 AND id = ?2""")
                .setParameter(1, group).setParameter(2, id).setParameter(3, reason)
                .setParameter(4, utc(clock.instant())).executeUpdate();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Parked> list(String group, int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS
                + " FROM parked_event WHERE consumer_group = ?1 ORDER BY id LIMIT ?2")
                .setParameter(1, group).setParameter(2, limit).getResultList();
        List<Parked> parked = rows.stream().map(row -> toParked((Object[]) row)).toList();
        refreshCount(group);
        return parked;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Parked> find(String group, long id) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS
                + " FROM parked_event WHERE consumer_group = ?1 AND id = ?2")
                .setParameter(1, group).setParameter(2, id).getResultList();
        return rows.stream().findFirst().map(row -> toParked((Object[]) row));
    }

    /** The head of every key's queue, oldest first: the only parked events that may be applied now. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public List<Parked> heads(String group, int limit) {
        List<?> rows = em.createNativeQuery("SELECT " + COLUMNS + """
                 FROM parked_event p WHERE consumer_group = ?1 AND NOT EXISTS (
                    SELECT 1 FROM parked_event e WHERE e.consumer_group = p.consumer_group AND e.topic = p.topic
                    AND e.record_key = p.record_key AND e.id < p.id)
                ORDER BY id LIMIT ?2""")
                .setParameter(1, group).setParameter(2, limit).getResultList();
        refreshCount(group);
        return rows.stream().map(row -> toParked((Object[]) row)).toList();
    }

    private void refreshCount(String group) {
        current.set(((Number) em.createNativeQuery("SELECT count(*) FROM parked_event WHERE consumer_group = ?1")
                .setParameter(1, group).getSingleResult()).longValue());
    }

    private Parked toParked(Object[] row) {
        return new Parked(((Number) row[0]).longValue(), (String) row[1], ((Number) row[2]).intValue(),
                ((Number) row[3]).longValue(), (String) row[4], (byte[]) row[5], headers((String) row[6]),
                (String) row[7], instant(row[8]), instant(row[9]), ((Number) row[10]).intValue());
    }

    private String headersJson(ConsumerRecord<String, byte[]> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8));
        }
        try {
            return json.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, String> headers(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() { });
        } catch (JsonProcessingException e) {
            return Map.of();
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return value instanceof Instant i ? i : null;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
