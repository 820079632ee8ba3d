package dev.clientdesk.localstack;

import io.smallrye.jwt.algorithm.SignatureAlgorithm;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import org.eclipse.microprofile.jwt.Claims;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

/**
 * Signs RS256 bearer tokens with the development key pair, through smallrye-jwt-build. The public half ships in
 * service-kit and is what every service trusts outside the prod profile; the prod profile refuses to start with it.
 */
public final class DevTokens {

    public static final String ISSUER = "https://clientdesk.dev/local";
    /** The audience the services verify ({@code mp.jwt.verify.audiences}): CLIENTDESK_JWT_AUDIENCE or clientdesk. */
    public static final String AUDIENCE = audience();
    private static final String PRIVATE_KEY_RESOURCE = "/clientdesk/dev-jwt-private.pem";
    /** The role of the operators' endpoints; the same name as service-kit's {@code Roles.OPERATOR}. */
    public static final String OPERATOR_ROLE = "clientdesk-operator";
    private static final Base64.Encoder URL = Base64.getUrlEncoder().withoutPadding();

    private DevTokens() {
    }

    /** Prints a token: {@code java -cp deploy/local/target/classes:... dev.clientdesk.localstack.DevTokens [workspace]} */
    public static void main(String[] args) {
        System.out.println(forTenant(args.length > 0 ? args[0] : "demo-workspace"));
    }

    public static String forTenant(String tenantId) {
        return sign(ISSUER, tenantId, "dev@" + tenantId, Instant.now(), Duration.ofDays(30), loadPrivateKey());
    }

    /** An operator's token: the workspace's rights plus the admin role (dead letters, the outbox). */
    public static String forOperator(String tenantId) {
        return sign(ISSUER, tenantId, "operator@" + tenantId, Instant.now(), Duration.ofDays(1), loadPrivateKey(),
                List.of(OPERATOR_ROLE));
    }

    /** Any combination of issuer, tenant and lifetime, so tests can build expired or foreign tokens. */
    public static String sign(String issuer, String tenantId, String subject, Instant issuedAt, Duration lifetime,
            PrivateKey key) {
        return sign(issuer, tenantId, subject, issuedAt, lifetime, key, List.of());
    }

    public static String sign(String issuer, String tenantId, String subject, Instant issuedAt, Duration lifetime,
            PrivateKey key, List<String> groups) {
        if (lifetime == null) {
            // a token that never expires is malformed on purpose; the builder would add an exp of its own
            return signRs256(claims(issuer, AUDIENCE, tenantId, subject, issuedAt, null, groups), key);
        }
        JwtClaimsBuilder claims = Jwt.claims()
                .issuer(issuer)
                .subject(subject)
                .upn(subject)
                .claim(Claims.jti, UUID.randomUUID().toString())
                .issuedAt(issuedAt.getEpochSecond())
                .expiresAt(issuedAt.plus(lifetime).getEpochSecond())
                .audience(AUDIENCE);
        if (tenantId != null) {
            claims.claim("tenant_id", tenantId);
        }
        if (!groups.isEmpty()) {
            claims.groups(new LinkedHashSet<>(groups));
        }
        return claims.jws().algorithm(SignatureAlgorithm.RS256).sign(key);
    }

    /** The claims as JSON; a null audience or lifetime leaves out {@code aud} or {@code exp}. */
    public static String claims(String issuer, String audience, String tenantId, String subject, Instant issuedAt,
            Duration lifetime, List<String> groups) {
        StringBuilder claims = new StringBuilder("{")
                .append("\"iss\":\"").append(issuer).append("\",")
                .append("\"sub\":\"").append(subject).append("\",")
                .append("\"upn\":\"").append(subject).append("\",")
                .append("\"jti\":\"").append(UUID.randomUUID()).append("\",")
                .append("\"iat\":").append(issuedAt.getEpochSecond());
        if (lifetime != null) {
            claims.append(",\"exp\":").append(issuedAt.plus(lifetime).getEpochSecond());
        }
        if (audience != null) {
            claims.append(",\"aud\":\"").append(audience).append('"');
        }
        if (tenantId != null) {
            claims.append(",\"tenant_id\":\"").append(tenantId).append('"');
        }
        if (!groups.isEmpty()) {
            claims.append(",\"groups\":[").append(String.join(",", groups.stream().map(g -> '"' + g + '"').toList()))
                    .append(']');
        }
        return claims.append('}').toString();
    }

    /**
     * A compact JWS of these claims, RS256 with this key, encoded by hand: for tokens the library would refuse
     * or complete (no {@code exp}, hand-picked claims); well-formed ones come from {@link #sign}.
     */
    public static String signRs256(String claimsJson, PrivateKey key) {
        String signingInput = encode("{\"alg\":\"RS256\",\"typ\":\"JWT\"}") + "." + encode(claimsJson);
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("could not sign token", e);
        }
    }

    public static PrivateKey loadPrivateKey() {
        try (InputStream in = DevTokens.class.getResourceAsStream(PRIVATE_KEY_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + PRIVATE_KEY_RESOURCE);
            }
            return parsePrivateKey(new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static PrivateKey parsePrivateKey(String pem) {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a PKCS#8 RSA private key", e);
        }
    }

    /** Base64url without padding, as a JWT's parts are encoded. */
    public static String encode(String json) {
        return URL.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String audience() {
        String configured = System.getenv("CLIENTDESK_JWT_AUDIENCE");
        return configured == null || configured.isBlank() ? "clientdesk" : configured;
    }
}
