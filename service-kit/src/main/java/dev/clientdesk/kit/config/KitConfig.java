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
}
