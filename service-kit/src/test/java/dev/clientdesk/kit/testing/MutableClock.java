package dev.clientdesk.kit.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock a test moves by hand, for rules that depend on elapsed days. It ticks with real time until a
 * test pins it with {@link #set}; {@link #advance} moves it either way; {@link #resume} returns to real time.
 */
public final class MutableClock extends Clock {

    private volatile Instant pinned;
    private volatile Duration offset = Duration.ZERO;

    /** A clock pinned at {@code start}. */
    public MutableClock(Instant start) {
        this.pinned = start;
    }

    /** A clock that follows real time. */
    public static MutableClock ticking() {
        MutableClock clock = new MutableClock(null);
        return clock;
    }

    public void set(Instant instant) {
        this.pinned = instant;
    }

    public void advance(Duration duration) {
        if (pinned != null) {
            pinned = pinned.plus(duration);
        } else {
            offset = offset.plus(duration);
        }
    }

    public void resume() {
        pinned = null;
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        Instant fixed = pinned;
        return fixed != null ? fixed : Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
