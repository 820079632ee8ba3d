package dev.clientdesk.kit.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * In every service's tests the application clock is {@link #CLOCK}: it reads the real time until a test
 * moves it (due dates, a week of silence). Tests that move it call {@code CLOCK.resume()} afterwards.
 */
@ApplicationScoped
public class TestClockProducer {

    public static final MutableClock CLOCK = MutableClock.ticking();

    @Produces
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
