package dev.clientdesk.kit.testing;

import dev.clientdesk.localstack.DevTokens;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.time.Duration;
import java.time.Instant;

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
