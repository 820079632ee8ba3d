package dev.clientdesk.kit.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;

/**
 * In every service's tests the application clock is {@link #CLOCK}: it reads the real time until a test
 * moves it (due dates, a week of silence). Tests that move it set it back with {@code CLOCK.set(Instant.now())}.
 */
@ApplicationScoped
public class TestClockProducer {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Produces
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
