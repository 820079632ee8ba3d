package dev.clientdesk.kit.security;

import io.smallrye.jwt.auth.principal.ParseException;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    /** Counts real verifications; tokens are "ok-<exp epoch second>" or anything else for a bad one. */
    private final List<String> verified = new ArrayList<>();
    private final VerifiedTokens.Verifier verifier = token -> {
        verified.add(token);
        if (!token.startsWith("ok-")) {
            throw new ParseException("bad signature");
        }
        return new Token(Long.parseLong(token.substring(3)));
    };

    @Test
    void a_token_seen_before_is_not_verified_again() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        String token = valid(Duration.ofHours(1));

        JsonWebToken first = tokens.verify(token, verifier);
        JsonWebToken second = tokens.verify(token, verifier);

        assertThat(second).isSameAs(first);
        assertThat(verified).containsExactly(token);
        assertThat(tokens.reused()).isEqualTo(1);
    }

    @Test
    void trust_ends_after_the_maximum_age_and_the_token_is_verified_again() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        String token = valid(Duration.ofHours(1));
        tokens.verify(token, verifier);

        now = NOW.plus(Duration.ofMinutes(5));
        tokens.verify(token, verifier);

        assertThat(verified).containsExactly(token, token);
    }

    @Test
    void trust_never_outlives_the_tokens_expiry() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        String token = valid(Duration.ofSeconds(30));
        tokens.verify(token, verifier);

        now = NOW.plusSeconds(30);
        VerifiedTokens.Verifier nowExpired = t -> {
            verified.add(t);
            throw new ParseException("expired");
        };

        assertThatThrownBy(() -> tokens.verify(token, nowExpired)).isInstanceOf(ParseException.class);
        assertThat(verified).containsExactly(token, token);
    }

    @Test
    void a_refused_token_is_refused_every_time() {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);

        assertThatThrownBy(() -> tokens.verify("forged", verifier)).isInstanceOf(ParseException.class);
        assertThatThrownBy(() -> tokens.verify("forged", verifier)).isInstanceOf(ParseException.class);

        assertThat(verified).containsExactly("forged", "forged");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_token_differing_in_one_character_is_verified_on_its_own() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(10, Duration.ofMinutes(5), clock);
        String token = valid(Duration.ofHours(1));
        tokens.verify(token, verifier);

        assertThatThrownBy(() -> tokens.verify(token + "x", verifier)).isInstanceOf(NumberFormatException.class);
        assertThat(verified).containsExactly(token, token + "x");
    }

    @Test
    void when_full_expired_entries_go_first_and_the_size_stays_bounded() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(2, Duration.ofMinutes(5), clock);
        String shortLived = valid(Duration.ofSeconds(10));
        String longLived = valid(Duration.ofHours(1));
        tokens.verify(shortLived, verifier);
        tokens.verify(longLived, verifier);

        now = NOW.plusSeconds(20);
        String third = valid(Duration.ofHours(2));
        tokens.verify(third, verifier);
        assertThat(tokens.size()).isEqualTo(2);
        tokens.verify(longLived, verifier);
        assertThat(verified).containsExactly(shortLived, longLived, third);

        tokens.verify(valid(Duration.ofHours(3)), verifier);
        tokens.verify(valid(Duration.ofHours(4)), verifier);
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void no_entries_means_every_request_is_verified() throws Exception {
        VerifiedTokens tokens = new VerifiedTokens(0, Duration.ofMinutes(5), clock);
        String token = valid(Duration.ofHours(1));

        tokens.verify(token, verifier);
        tokens.verify(token, verifier);

        assertThat(verified).hasSize(2);
        assertThat(tokens.reused()).isZero();
    }

    private String valid(Duration lifetime) {
        return "ok-" + now.plus(lifetime).getEpochSecond();
    }

    private record Token(long exp) implements JsonWebToken {
        @Override
        public String getName() {
            return "someone";
        }

        @Override
        public Set<String> getClaimNames() {
            return Set.of("exp");
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T getClaim(String claimName) {
            return "exp".equals(claimName) ? (T) Long.valueOf(exp) : null;
        }
    }
}
