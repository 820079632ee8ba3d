package dev.clientdesk.kit.testing;

import dev.clientdesk.localstack.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Bearer tokens for tests: valid ones per workspace, and the broken kinds a server must refuse. */
public final class TestTokens {

    private TestTokens() {
    }

    /** A JSON request to the service under test, signed for this workspace. */
    public static RequestSpecification as(String tenantId) {
        return io.restassured.RestAssured.given().header("Authorization", bearer(tenantId))
                .contentType(ContentType.JSON);
    }

    public static String bearer(String tenantId) {
        return "Bearer " + DevTokens.forTenant(tenantId);
    }

    /** A JSON request carrying the operator role as well as this workspace. */
    public static RequestSpecification asOperator(String tenantId) {
        return io.restassured.RestAssured.given().header("Authorization", "Bearer " + DevTokens.forOperator(tenantId))
                .contentType(ContentType.JSON);
    }

    public static String expired(String tenantId) {
        return "Bearer " + DevTokens.sign(DevTokens.ISSUER, tenantId, "dev", Instant.now().minus(Duration.ofHours(2)),
                Duration.ofHours(1), DevTokens.loadPrivateKey());
    }

    public static String wrongIssuer(String tenantId) {
        return "Bearer " + DevTokens.sign("https://evil.example", tenantId, "dev", Instant.now(), Duration.ofHours(1),
                DevTokens.loadPrivateKey());
    }

    public static String signedByAnotherKey(String tenantId) {
        return "Bearer " + DevTokens.sign(DevTokens.ISSUER, tenantId, "dev", Instant.now(), Duration.ofHours(1),
                randomKey());
    }

    public static String wrongAudience(String tenantId) {
        return "Bearer " + DevTokens.signRs256(DevTokens.claims(DevTokens.ISSUER, "another-system", tenantId, "dev",
                Instant.now(), Duration.ofHours(1), List.of()), DevTokens.loadPrivateKey());
    }

    /** Signed with the right key, but never expiring. */
    public static String withoutExpiry(String tenantId) {
        return "Bearer " + DevTokens.signRs256(DevTokens.claims(DevTokens.ISSUER, DevTokens.AUDIENCE, tenantId, "dev",
                Instant.now(), null, List.of()), DevTokens.loadPrivateKey());
    }

    /** Valid claims, {@code "alg":"none"} and no signature. */
    public static String unsigned(String tenantId) {
        return "Bearer " + DevTokens.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "."
                + DevTokens.encode(validClaims(tenantId)) + ".";
    }

    /**
     * Valid claims, HS256 with the server's public key (as its PEM text) for the HMAC secret: the key-confusion
     * attack on verifiers that take the algorithm from the token.
     */
    public static String hmacWithThePublicKey(String tenantId) {
        String signingInput = DevTokens.encode("{\"alg\":\"HS256\",\"typ\":\"JWT\"}") + "."
                + DevTokens.encode(validClaims(tenantId));
        try (InputStream in = TestTokens.class.getResourceAsStream("/clientdesk/dev-jwt-public.pem")) {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(in.readAllBytes(), "HmacSHA256"));
            return "Bearer " + signingInput + "." + Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String validClaims(String tenantId) {
        return DevTokens.claims(DevTokens.ISSUER, DevTokens.AUDIENCE, tenantId, "dev", Instant.now(),
                Duration.ofHours(1), List.of());
    }

    public static String withoutTenant() {
        return "Bearer " + DevTokens.sign(DevTokens.ISSUER, null, "dev", Instant.now(), Duration.ofHours(1),
                DevTokens.loadPrivateKey());
    }

    private static PrivateKey randomKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPrivate();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
