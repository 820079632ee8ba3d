package dev.clientdesk.billing;

import dev.clientdesk.kit.testing.MutableClock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Instant;

/** Billing tests move time by hand (due dates, overdue checks); everything else reads the same clock. */
@ApplicationScoped
public class TestClock {

    public static final MutableClock CLOCK = new MutableClock(Instant.now());

    @Produces
    @ApplicationScoped
    Clock clock() {
        return CLOCK;
    }
}
