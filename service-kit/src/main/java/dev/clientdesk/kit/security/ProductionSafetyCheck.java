package dev.clientdesk.kit.security;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Refuses to start the prod profile with the development JWT key or a well-known database password:
 * a deployment that forgot its secrets must fail loudly, not run open.
 */
@ApplicationScoped
public class ProductionSafetyCheck {

    static final String DEV_PUBLIC_KEY = "clientdesk/dev-jwt-public.pem";
    static final Set<String> DEFAULT_PASSWORDS = Set.of("postgres", "password", "changeme", "clientdesk", "");

    void onStart(@Observes StartupEvent event) {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        if (!config.getProfiles().contains("prod")) {
            return;
        }
        List<String> problems = problems(
                config.getOptionalValue("mp.jwt.verify.publickey", String.class)
                        .or(() -> config.getOptionalValue("mp.jwt.verify.publickey.location", String.class)
                                .map(ProductionSafetyCheck::read)),
                config.getOptionalValue("quarkus.datasource.password", String.class));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("refusing to start the prod profile: " + String.join("; ", problems));
        }
    }

    static List<String> problems(Optional<String> publicKey, Optional<String> databasePassword) {
        List<String> problems = new ArrayList<>();
        if (publicKey.isEmpty()) {
            problems.add("no JWT public key configured (mp.jwt.verify.publickey.location)");
        } else if (normalise(publicKey.get()).isEmpty()) {
            problems.add("the JWT public key cannot be read (mp.jwt.verify.publickey.location)");
        } else if (normalise(publicKey.get()).equals(normalise(read(DEV_PUBLIC_KEY)))) {
            problems.add("the JWT public key is the development key");
        }
        if (databasePassword.isEmpty() || DEFAULT_PASSWORDS.contains(databasePassword.get())) {
            problems.add("the database password is missing or a well-known default");
        }
        return problems;
    }

    private static String normalise(String pem) {
        return pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
    }

    /** The key text at a location; a remote (JWKS) location is taken as not the development key. */
    static String read(String location) {
        if (location.startsWith("http://") || location.startsWith("https://")) {
            return "remote key at " + location;
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
