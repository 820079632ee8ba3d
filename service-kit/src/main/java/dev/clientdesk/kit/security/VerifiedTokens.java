package dev.clientdesk.kit.security;

import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens whose signature and claims were already verified, so a caller's next requests with the same
 * token skip the RS256 check (about 7 % of a payment's CPU). The key is the whole token, signature included:
 * a token differing in one byte is verified afresh. A token is trusted for {@code maxAge} at most and never past
 * its {@code exp}; failures are never remembered. When full, expired entries are dropped, and if that frees
 * nothing the cache starts over, which costs only re-verification.
 */
public final class VerifiedTokens {

    /** The real check, e.g. smallrye-jwt's parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    private record Verified(JsonWebToken jwt, Instant trustedUntil) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();
    private final int maxEntries;
    private final Duration maxAge;
    private final Clock clock;
    private final LongAdder reused = new LongAdder();

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        this.maxEntries = maxEntries;
        this.maxAge = maxAge;
        this.clock = clock;
    }

    /** The verified token, from the cache while it is trusted, otherwise from {@code verifier}. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        Instant now = clock.instant();
        Verified known = verified.get(token);
        if (known != null && now.isBefore(known.trustedUntil())) {
            reused.increment();
            return known.jwt();
        }
        if (known != null) {
            verified.remove(token, known);
        }
        JsonWebToken jwt = verifier.verify(token);
        if (maxEntries > 0 && !maxAge.isZero()) {
            remember(token, jwt, now);
        }
        return jwt;
    }

    private void remember(String token, JsonWebToken jwt, Instant now) {
        Instant until = now.plus(maxAge);
        long exp = jwt.containsClaim("exp") ? jwt.getExpirationTime() : 0;
        if (exp > 0 && Instant.ofEpochSecond(exp).isBefore(until)) {
            until = Instant.ofEpochSecond(exp);
        }
        if (!now.isBefore(until)) {
            return;
        }
        if (verified.size() >= maxEntries) {
            verified.values().removeIf(entry -> !now.isBefore(entry.trustedUntil()));
            if (verified.size() >= maxEntries) {
                verified.clear();
            }
        }
        verified.put(token, new Verified(jwt, until));
    }

    /** How many verifications the cache saved. */
    public long reused() {
        return reused.sum();
    }

    int size() {
        return verified.size();
    }
}
