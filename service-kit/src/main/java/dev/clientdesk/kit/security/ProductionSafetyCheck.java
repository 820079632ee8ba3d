package dev.clientdesk.kit.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start outside the development profiles (dev, test, local) with the development JWT key or a
 * well-known database password: a deployment that forgot its secrets must fail loudly, not run open, whatever
 * its profile is called.
 */
@ApplicationScoped
public class ProductionSafetyCheck {

    static final String DEV_PUBLIC_KEY = "clientdesk/dev-jwt-public.pem";
    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");
    private static final String REMOTE = "remote key at ";
    static final Set<String> DEFAULT_PASSWORDS = Set.of("postgres", "password", "changeme", "clientdesk", "");

    void onStart(@Observes StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (!guards(config.getProfiles())) {
            return;
        }
        // the key smallrye-jwt verifies with: inline first, then its own location property, then MicroProfile's
        List<String> problems = problems(
                config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                        .or(() -> config.getOptionalValue("smallrye.jwt.verify.key.location", String.class)
                                .or(() -> config.getOptionalValue("mp.jwt.verify.publickey.location", String.class))
                                .map(ProductionSafetyCheck::read)),
                config.getOptionalValue("quarkus.datasource.password", String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start the " + String.join(",", config.getProfiles())
                    + " profile: " + String.join("; ", problems));
        }
    }

    /** Whether these active profiles must have real secrets: unless every one of them is a development profile. */
    static boolean guards(Collection<String> profiles) {
        return profiles.isEmpty() || !DEVELOPMENT_PROFILES.containsAll(profiles);
    }

    static List<String> problems(Optional<String> publicKey, Optional<String> databasePassword) {
        List<String> problems = new ArrayList<>();
        if (publicKey.isEmpty()) {
            problems.add("no JWT public key configured (mp.jwt.verify.publickey.location)");
        } else if (!isRemote(publicKey.get())) {
            switch (RsaKeyText.match(publicKey.get(), developmentModulus())) {
                case THE_KEY -> problems.add("the JWT public key is the development key");
                case NOT_A_KEY -> problems.add("the JWT public key cannot be read (mp.jwt.verify.publickey.location)");
                case ANOTHER_KEY -> { }
            }
        }
        if (databasePassword.isEmpty() || DEFAULT_PASSWORDS.contains(databasePassword.get())) {
            problems.add("the database password is missing or a well-known default");
        }
        return problems;
    }

    private static BigInteger developmentModulus() {
        String pem = read(DEV_PUBLIC_KEY);
        try {
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return ((RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der)))
                    .getModulus();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the development key in service-kit is not an RSA public key", e);
        }
    }

    private static boolean isRemote(String keyText) {
        return keyText.startsWith(REMOTE);
    }

    /** The key text at a location; a remote (JWKS) location is taken as not the development key. */
    static String read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return REMOTE + location;
        }
        String path = location.replaceFirst("^(classpath|file):", "");
        try {
            Path file = Path.of(path);
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(path.startsWith("/") ? path.substring(1) : path)) {
                return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
