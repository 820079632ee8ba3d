package dev.clientdesk.kit.web;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** Limits low enough to reach from a test: two bodies at once, three seconds each, five requests then one a second. */
public class TightLimits implements QuarkusTestProfile {

    static final int BODIES = 2;
    static final int BODY_TIMEOUT_SECONDS = 3;
    static final int RATE = 1;
    static final int BURST = 5;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "clientdesk.http.max-bodies-in-flight", Integer.toString(BODIES),
                "clientdesk.http.body-timeout", "PT" + BODY_TIMEOUT_SECONDS + "S",
                "clientdesk.rate-limit.requests-per-second", Integer.toString(RATE),
                "clientdesk.rate-limit.burst", Integer.toString(BURST));
    }
}
