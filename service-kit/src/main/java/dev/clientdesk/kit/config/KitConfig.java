package dev.clientdesk.kit.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

        /** Attempts at one event before it goes to the dead-letter topic. */
        @WithDefault("3")
        int maxAttempts();

        @WithDefault("PT0.2S")
        Duration retryBackoff();
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
