package dev.clientdesk.followup.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Silence detection settings; a demo shortens both to seconds. */
@ConfigMapping(prefix = "followup")
public interface FollowUpConfig {

    /**
     * How long without a reply before a nudge: about a week, neither daily nor after a month
     * (docs/domain.md#follow-ups).
     */
    @WithDefault("P7D")
    Duration silenceThreshold();

    /** How often the scan looks for due conversations: a duration ({@code PT1M}, {@code 5s}) or {@code off}. */
    @WithDefault("PT1M")
    String scanInterval();
}
