package dev.clientdesk.kit.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

import org.eclipse.microprofile.jwt.JsonWebToken;

import java.security.PrivateKey;
import java.security.PublicKey;

import javax.crypto.SecretKey;

/**
 * The parser Quarkus verifies every bearer token with: smallrye-jwt's own, behind {@link VerifiedTokens}.
 * An alternative rather than a CDI decorator, because a decorated library bean fails in Quarkus's test
 * class loaders (IllegalAccessError on its package-private fields).
 */
@ApplicationScoped
@Alternative
@Priority(1)
public class CachingJwtParser implements JWTParser {

    private final DefaultJWTParser parser;
    private final VerifiedTokens verifiedTokens;

    public CachingJwtParser(DefaultJWTParser parser, VerifiedTokens verifiedTokens) {
        this.parser = parser;
        this.verifiedTokens = verifiedTokens;
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        return verifiedTokens.verify(token, parser::parse);
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return parser.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return parser.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return parser.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return parser.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return parser.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return parser.parseOnly(token);
    }
}
