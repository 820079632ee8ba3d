package dev.clientdesk.kit.security;

import dev.clientdesk.kit.config.KitConfig;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;

class VerifiedTokensProducer {

    /** On the system clock, as smallrye-jwt checks {@code exp}; not on the business clock tests move. */
    @Produces
    @Singleton
    VerifiedTokens verifiedTokens(KitConfig config, MeterRegistry registry) {
        VerifiedTokens tokens = new VerifiedTokens(config.tokenCache().maxEntries(),
                config.tokenCache().maxAge(), Clock.systemUTC());
        FunctionCounter.builder("clientdesk.security.verified_tokens.reused", tokens, VerifiedTokens::reused)
                .description("Requests whose bearer token was already verified").register(registry);
        return tokens;
    }
}
