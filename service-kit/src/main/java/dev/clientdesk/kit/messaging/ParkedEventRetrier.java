package dev.clientdesk.kit.messaging;

import dev.clientdesk.kit.config.KitConfig;

import io.quarkus.scheduler.Scheduled;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Set;

/**
 * Tries parked events again, through the same pipeline as the topic: on an interval, and when an operator
 * asks. Only the oldest parked event of a key is tried, so a client's events are applied in their order.
 */
@ApplicationScoped
public class ParkedEventRetrier {

    private static final Logger LOG = Logger.getLogger(ParkedEventRetrier.class);
    private static final int BATCH = 200;

    /** What one retry came to. */
    public enum Result { APPLIED, STILL_PARKED, DEAD_LETTERED, GONE }

    private final EventPipeline pipeline;
    private final ParkedEvents parkedEvents;
    private final DeadLetters deadLetters;
    private final KitConfig config;

    public ParkedEventRetrier(EventPipeline pipeline, ParkedEvents parkedEvents, DeadLetters deadLetters,
            KitConfig config) {
        this.pipeline = pipeline;
        this.parkedEvents = parkedEvents;
        this.deadLetters = deadLetters;
        this.config = config;
    }

    @Scheduled(every = "${clientdesk.consumer.parked-retry-interval:PT1M}", delayed = "${clientdesk.consumer.parked-retry-interval:PT1M}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryAll() {
        if (!config.consumer().enabled() || pipeline.topics().isEmpty()) {
            return;
        }
        try {
            Set<String> blockedKeys = new HashSet<>();
            boolean progress = true;
            while (progress) {
                progress = false;
                for (ParkedEvents.Parked parked : parkedEvents.heads(pipeline.group(), BATCH)) {
                    String key = parked.topic() + "/" + parked.key();
                    if (!blockedKeys.contains(key) && retry(parked) != Result.STILL_PARKED) {
                        progress = true;
                    } else {
                        blockedKeys.add(key);
                    }
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("parked events not retried: %s", e.toString());
        }
    }

    /** Applies one parked event if it can be now; a poison one goes to the dead-letter topic. */
    public Result retry(ParkedEvents.Parked parked) {
        try {
            EventPipeline.Outcome outcome = pipeline.fromParking(parked);
            if (outcome == EventPipeline.Outcome.DUPLICATE) {
                return Result.GONE;
            }
            LOG.infof("parked event %d (%s-%d@%d) applied", parked.id(), parked.topic(), parked.partition(),
                    parked.offset());
            return Result.APPLIED;
        } catch (RuntimeException e) {
            if (Failure.of(e) == Failure.POISON) {
                deadLetters.send(parked.topic(), parked.partition(), parked.offset(), parked.key(), parked.value(),
                        new org.apache.kafka.common.header.internals.RecordHeaders(), e, parked.attempts() + 1);
                pipeline.discardParked(parked.id());
                return Result.DEAD_LETTERED;
            }
            LOG.debugf("parked event %d still waits: %s", parked.id(), e.getMessage());
            parkedEvents.triedAgain(pipeline.group(), parked.id(), String.valueOf(e.getMessage()));
            return Result.STILL_PARKED;
        }
    }
}
