package dev.clientdesk.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Settings of the shared plumbing, under {@code clientdesk.*}. */
@ConfigMapping(prefix = "clientdesk")
public interface KitConfig {

    /** The CloudEvents {@code source} of everything this service publishes, and its consumer group. */
    String serviceName();

    Outbox outbox();

    Consumer consumer();

    TokenCache tokenCache();

    Http http();

    RateLimit rateLimit();

    Idempotency idempotency();

    interface Outbox {
        /** Whether this replica relays outbox rows to Kafka (every replica may; they share the work). */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("500")
        int batchSize();

        /** Pause between polls when the outbox is empty. */
        @WithDefault("PT0.1S")
        Duration pollInterval();

        /** Wait after a failed relay attempt (broker down) before trying again. */
        @WithDefault("PT1S")
        Duration retryBackoff();

        /** How long published rows are kept for inspection before they are deleted. */
        @WithDefault("P7D")
        Duration retention();

        /** The longest wait between relay attempts while a failure lasts; the wait doubles from retryBackoff. */
        @WithDefault("PT1M")
        Duration retryBackoffMax();

        /**
         * A record larger than this (bytes) goes to the broker before the later rows of its key: if the topic
         * refuses it as too large, they have not overtaken it.
         */
        @WithDefault("65536")
        int largeRecordBytes();

        /** How often the set-aside gauges are read from the database. */
        @WithDefault("PT5S")
        Duration setAsideRefresh();
    }

    interface Consumer {
        @WithDefault("true")
        boolean enabled();

        /** Attempts at an event that fails with an unexpected error (a bug) before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        /** First wait after a failure; it doubles for every further transient or premature failure. */
        @WithDefault("PT0.2S")
        Duration retryBackoff();

        /**
         * How long a handled event id is remembered. A redelivery older than this would be handled again, so
         * it must exceed the longest a record can come back: the topics keep records 7 days.
         */
        @WithDefault("P30D")
        Duration processedRetention();

        /** Longest wait between two tries of the same event. */
        @WithDefault("PT30S")
        Duration maxRetryBackoff();

        /** How long an event about something not heard of yet is retried before it is parked. */
        @WithDefault("PT2M")
        Duration prematureWait();

        /** How often parked events are tried again. */
        @WithDefault("PT1M")
        Duration parkedRetryInterval();

        /**
         * This replica's static group membership ({@code group.instance.id}): a restarted replica takes its
         * partitions back at once instead of waiting for the session timeout. Unset: the host name (the pod's
         * name) and the HTTP port, which tells replicas on one host apart.
         */
        Optional<String> instanceId();
    }

    /**
     * Bearer tokens already verified, reused without another signature check. A token signed by a key that
     * was since withdrawn stays accepted for at most {@code maxAge}.
     */
    interface TokenCache {
        /** 0 verifies every request. */
        @WithDefault("1000")
        int maxEntries();

        @WithDefault("PT5M")
        Duration maxAge();
    }

    /** Request bodies: the limit on how many are received at once and how long a caller may take to send one. */
    interface Http {
        /** Bodies being received at once; a request over this is refused with 503 before its body is read. */
        @WithDefault("32")
        int maxBodiesInFlight();

        /** Time from a request's headers to the last byte of its body; a slower caller gets a 408. */
        @WithDefault("PT30S")
        Duration bodyTimeout();
    }

    /** Requests per workspace (the token's tenant_id), per replica; over it a request is refused with 429. */
    interface RateLimit {
        @WithDefault("50")
        int requestsPerSecond();

        /** Requests a workspace may make at once after being quiet. */
        @WithDefault("100")
        int burst();
    }

    interface Idempotency {
        /** How long an Idempotency-Key is honoured (24 hours, as Stripe does). */
        @WithDefault("PT24H")
        Duration retention();
    }
}
