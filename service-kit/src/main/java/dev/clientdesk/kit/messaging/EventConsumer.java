package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.MemberToRemove;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The idempotent consumer: one poll loop per service over the topics its {@link EventHandler}s name, each
 * event applied through the {@link EventPipeline}. What a failure leads to depends on its {@link Failure}:
 * a poison event is dead-lettered at once; a transient failure (the database away) pauses the partition and
 * retries the same record with a growing wait, for as long as it takes, while the loop keeps polling so the
 * replica stays in its group; a premature event is retried like that for {@code premature-wait}, then
 * parked; a bug is tried {@code max-attempts} times, then dead-lettered. Offsets are committed per partition
 * only up to the last record that was dealt with, so nothing past a failing record is ever skipped.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);
    public static final String DEAD_LETTER_SUFFIX = DeadLetters.SUFFIX;
    private static final long MAX_POLL_WAIT_MS = 250;
    private static final Duration PARKED_RETRY_SPACING = Duration.ofSeconds(1);

    /** A record that failed and waits, its partition paused, for its next try. */
    record Retry(ConsumerRecord<String, byte[]> record, int attempts, Instant since, Instant next, Failure failure,
            String error) {
    }

    /** What the readiness check shows. */
    public record Status(boolean enabled, boolean alive, List<String> pausedPartitions, Instant retryingSince,
            String lastError) {
    }

    private final EventPipeline pipeline;
    private final DeadLetters deadLetters;
    private final ParkedEvents parkedEvents;
    private final ParkedEventRetrier parkedRetrier;
    private final KafkaClients kafkaClients;
    private final KitConfig.Consumer settings;
    private final String instanceId;

    private final Map<TopicPartition, Retry> retries = new HashMap<>();
    private boolean parkedRetryDue;
    private Instant nextParkedRetry = Instant.EPOCH;
    private volatile Status status = new Status(false, false, List.of(), null, null);
    private volatile boolean running;
    private volatile Thread worker;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public EventConsumer(EventPipeline pipeline, DeadLetters deadLetters, ParkedEvents parkedEvents,
            ParkedEventRetrier parkedRetrier, KafkaClients kafkaClients, KitConfig config) {
        this.pipeline = pipeline;
        this.deadLetters = deadLetters;
        this.parkedEvents = parkedEvents;
        this.parkedRetrier = parkedRetrier;
        this.kafkaClients = kafkaClients;
        this.settings = config.consumer();
        this.instanceId = config.consumer().instanceId().orElseGet(() -> defaultInstanceId(config.serviceName()));
    }

    void onStart(@Observes StartupEvent event) {
        if (!pipeline.topics().isEmpty() && settings.enabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    synchronized void start() {
        running = true;
        status = new Status(true, true, List.of(), null, null);
        worker = new Thread(this::run, "event-consumer");
        worker.setDaemon(true);
        worker.start();
    }

    /** Stops polling and leaves the group, so the partitions move to another replica at once. */
    synchronized void stop() throws InterruptedException {
        if (worker == null) {
            return;
        }
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        worker.join(10_000);
        worker = null;
        leaveGroup();
    }

    /** This replica's {@code group.instance.id}. */
    public String instanceId() {
        return instanceId;
    }

    public Status status() {
        Thread thread = worker;
        Status current = status;
        return new Status(current.enabled(), thread != null && thread.isAlive(), current.pausedPartitions(),
                current.retryingSince(), current.lastError());
    }

    private void run() {
        while (running) {
            try (KafkaConsumer<String, byte[]> kafka = kafkaClients.consumer(pipeline.group(),
                    pipeline.group() + "-consumer", instanceId)) {
                consumer = kafka;
                kafka.subscribe(pipeline.topics(), new ForgetRevoked());
                while (running) {
                    pollOnce(kafka);
                }
            } catch (WakeupException e) {
                return;
            } catch (RuntimeException e) {
                // Uncommitted records are read again from the last committed offset; the processed-event
                // table makes that harmless.
                LOG.warnf("event consumer restarting after: %s", e.toString());
                retries.clear();
                sleep(Duration.ofSeconds(1));
            } finally {
                consumer = null;
            }
        }
    }

    private void pollOnce(KafkaConsumer<String, byte[]> kafka) {
        ConsumerRecords<String, byte[]> records = kafka.poll(Duration.ofMillis(pollWaitMillis()));
        Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
        for (TopicPartition partition : records.partitions()) {
            if (retries.containsKey(partition)) {
                continue;
            }
            for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                if (!attempt(kafka, record, 1, null, done)) {
                    break;
                }
            }
        }
        Instant now = Instant.now();
        for (Retry retry : List.copyOf(retries.values())) {
            if (!retry.next().isAfter(now)) {
                TopicPartition partition = new TopicPartition(retry.record().topic(), retry.record().partition());
                retries.remove(partition);
                if (attempt(kafka, retry.record(), retry.attempts() + 1, retry, done)) {
                    kafka.seek(partition, retry.record().offset() + 1);
                    kafka.resume(List.of(partition));
                }
            }
        }
        if (!done.isEmpty()) {
            kafka.commitSync(done);
            // What was just applied may be what a parked event waits for (its client's own event).
            parkedRetryDue |= parkedEvents.any();
        }
        if (parkedRetryDue && !now.isBefore(nextParkedRetry)) {
            // At most once a second, so that events parked for good do not cost every batch a retry.
            parkedRetryDue = false;
            nextParkedRetry = now.plus(PARKED_RETRY_SPACING);
            parkedRetrier.retryAll();
        }
        publishStatus();
    }

    /**
     * Tries one record. Returns true when it is dealt with (applied, skipped, parked or dead-lettered) and
     * its offset may be committed; false when it must be tried again, its partition paused at it.
     */
    private boolean attempt(KafkaConsumer<String, byte[]> kafka, ConsumerRecord<String, byte[]> record, int attempt,
            Retry previous, Map<TopicPartition, OffsetAndMetadata> done) {
        TopicPartition partition = new TopicPartition(record.topic(), record.partition());
        Instant since = previous == null ? Instant.now() : previous.since();
        try {
            try {
                pipeline.fromTopic(record);
            } catch (RuntimeException e) {
                if (!settle(record, e, attempt, since)) {
                    String error = e.toString();
                    retries.put(partition, new Retry(record, attempt, since, Instant.now().plus(backoff(attempt)),
                            Failure.of(e), error));
                    LOG.debugf("attempt %d at %s-%d@%d failed (%s): %s", attempt, record.topic(), record.partition(),
                            record.offset(), Failure.of(e), error);
                    kafka.seek(partition, record.offset());
                    kafka.pause(List.of(partition));
                    return false;
                }
            }
        } catch (RuntimeException e) {
            // Dead-lettering or parking failed (broker or database away): the record stays where it is.
            retries.put(partition, new Retry(record, attempt, since, Instant.now().plus(backoff(attempt)),
                    Failure.TRANSIENT, e.toString()));
            kafka.seek(partition, record.offset());
            kafka.pause(List.of(partition));
            return false;
        }
        done.put(partition, new OffsetAndMetadata(record.offset() + 1));
        return true;
    }

    /** Dead-letters or parks a failed record if its failure calls for it now; false if it is to be retried. */
    private boolean settle(ConsumerRecord<String, byte[]> record, RuntimeException error, int attempt, Instant since) {
        switch (Failure.of(error)) {
            case POISON -> {
                deadLetters.send(record, error, attempt);
                return true;
            }
            case TRANSIENT -> {
                return false;
            }
            case PREMATURE -> {
                if (Duration.between(since, Instant.now()).compareTo(settings.prematureWait()) < 0) {
                    return false;
                }
                QuarkusTransaction.requiringNew().run(() ->
                        parkedEvents.park(pipeline.group(), record, error.getMessage(), attempt, since));
                LOG.warnf("parked %s-%d@%d (key %s) after %d attempts: %s", record.topic(), record.partition(),
                        record.offset(), record.key(), attempt, error.getMessage());
                return true;
            }
            default -> {
                if (attempt < Math.max(1, settings.maxAttempts())) {
                    return false;
                }
                deadLetters.send(record, error, attempt);
                return true;
            }
        }
    }

    private Duration backoff(int attempt) {
        Duration wait = settings.retryBackoff();
        for (int i = 1; i < attempt && wait.compareTo(settings.maxRetryBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(settings.maxRetryBackoff()) > 0 ? settings.maxRetryBackoff() : wait;
    }

    private long pollWaitMillis() {
        Instant now = Instant.now();
        return retries.values().stream().map(r -> Math.max(0, Duration.between(now, r.next()).toMillis()))
                .reduce(MAX_POLL_WAIT_MS, Math::min);
    }

    private void publishStatus() {
        Map<String, Retry> paused = new TreeMap<>();
        retries.forEach((partition, retry) -> paused.put(partition.toString(), retry));
        Optional<Retry> oldest = retries.values().stream().min((a, b) -> a.since().compareTo(b.since()));
        status = new Status(true, true, List.copyOf(paused.keySet()), oldest.map(Retry::since).orElse(null),
                oldest.map(r -> r.failure() + ": " + r.error()).orElse(null));
    }

    /** A revoked partition is read again from its committed offset by its next owner, failed record first. */
    private final class ForgetRevoked implements ConsumerRebalanceListener {
        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            partitions.forEach(retries::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // A previous owner of these partitions may have parked events: count them before reading on.
            parkedEvents.recount(pipeline.group());
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(retries::remove);
        }
    }

    /**
     * A static member does not leave its group when it closes (Kafka clients before 4.1 have no way to ask
     * for it), so its partitions would wait for the session timeout; removing it by its instance id hands
     * them to the other replicas now.
     */
    private void leaveGroup() {
        try (Admin admin = kafkaClients.admin(pipeline.group() + "-leave")) {
            admin.removeMembersFromConsumerGroup(pipeline.group(), new RemoveMembersFromConsumerGroupOptions(
                    List.of(new MemberToRemove(instanceId)))).all().get(3, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.debugf("could not leave group %s as %s: %s", pipeline.group(), instanceId, e.toString());
        }
    }

    /**
     * Stable across restarts of one replica and different between replicas: the host name (a pod's name) and
     * the HTTP port (replicas on one host); in tests, the JVM.
     */
    private static String defaultInstanceId(String service) {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "localhost";
            }
        });
        String replica = LaunchMode.current() == LaunchMode.TEST ? "test-" + ProcessHandle.current().pid()
                : ConfigProvider.getConfig().getOptionalValue("quarkus.http.port", String.class).orElse("8080");
        return service + "-" + host + "-" + replica;
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
