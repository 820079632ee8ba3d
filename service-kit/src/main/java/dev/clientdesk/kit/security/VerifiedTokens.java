package dev.clientdesk.kit.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;

import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.LongAdder;

/**
 * Bearer tokens whose signature and claims were already verified, so a caller's next requests with the same
 * token skip the RS256 check (about 7 % of a payment's CPU). The key is the whole token, signature included:
 * a token differing in one byte is verified afresh. A token is trusted for {@code maxAge} at most and never past
 * its {@code exp}; failures are never remembered. At most {@code maxEntries} tokens are kept (Caffeine drops
 * expired ones first, then the least useful), which costs only re-verification.
 */
public final class VerifiedTokens {

    /** The real check, e.g. smallrye-jwt's parser. */
    @FunctionalInterface
    public interface Verifier {
        JsonWebToken verify(String token) throws ParseException;
    }

    /** {@code trustedUntil} in nanoseconds since the epoch, the unit of {@link #ticker}. */
    private record Verified(JsonWebToken jwt, long trustedUntil) {
    }

    private final Cache<String, Verified> verified;
    private final Duration maxAge;
    private final Clock clock;
    private final LongAdder reused = new LongAdder();

    public VerifiedTokens(int maxEntries, Duration maxAge, Clock clock) {
        this.maxAge = maxAge;
        this.clock = clock;
        this.verified = maxEntries > 0 && !maxAge.isZero()
                ? Caffeine.newBuilder()
                        .maximumSize(maxEntries)
                        .expireAfter(new UntilTrustEnds())
                        .ticker(this::nanos)
                        // upkeep (expiry, size bound) on the caller's thread, as before: no pool task per request
                        .executor(Runnable::run)
                        .build()
                : null;
    }

    /** The verified token, from the cache while it is trusted, otherwise from {@code verifier}. */
    public JsonWebToken verify(String token, Verifier verifier) throws ParseException {
        if (verified == null) {
            return verifier.verify(token);
        }
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            reused.increment();
            return known.jwt();
        }
        Instant now = clock.instant();
        JsonWebToken jwt = verifier.verify(token);
        long until = trustedUntil(jwt, now);
        if (epochNanos(now) < until) {
            verified.put(token, new Verified(jwt, until));
        }
        return jwt;
    }

    private long trustedUntil(JsonWebToken jwt, Instant now) {
        Instant until = now.plus(maxAge);
        long exp = jwt.containsClaim("exp") ? jwt.getExpirationTime() : 0;
        if (exp > 0 && Instant.ofEpochSecond(exp).isBefore(until)) {
            until = Instant.ofEpochSecond(exp);
        }
        return epochNanos(until);
    }

    /** The clock as a Caffeine {@link Ticker}: nanoseconds since the epoch. */
    private long nanos() {
        return epochNanos(clock.instant());
    }

    private static long epochNanos(Instant instant) {
        try {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        } catch (ArithmeticException beyondYear2262) {
            return Long.MAX_VALUE;
        }
    }

    /** Each entry lives until its own {@code trustedUntil}; reading it does not extend it. */
    private static final class UntilTrustEnds implements Expiry<String, Verified> {
        @Override
        public long expireAfterCreate(String token, Verified entry, long currentTime) {
            return Math.max(0, entry.trustedUntil() - currentTime);
        }

        @Override
        public long expireAfterUpdate(String token, Verified entry, long currentTime, long currentDuration) {
            return expireAfterCreate(token, entry, currentTime);
        }

        @Override
        public long expireAfterRead(String token, Verified entry, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }

    /** How many verifications the cache saved. */
    public long reused() {
        return reused.sum();
    }

    long size() {
        if (verified == null) {
            return 0;
        }
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
