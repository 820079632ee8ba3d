package dev.clientdesk.kit.testing;

import dev.clientdesk.localstack.EmbeddedKafkaServer;
import dev.clientdesk.localstack.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A real PostgreSQL and a real KRaft Kafka broker for {@code @QuarkusTest}s, started once per test JVM and
 * shared by every test class that names this resource.
 */
public class InfrastructureTestResource implements QuarkusTestResourceLifecycleManager {

    private static final String DATABASE = "service_test";
    private static EmbeddedPostgresServer postgres;
    private static EmbeddedKafkaServer kafka;
    private static Path dataDirectory;

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            try {
                dataDirectory = Files.createTempDirectory("clientdesk-test-pg");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            // A data directory of its own, so that a test can stop the server and start it again on it.
            postgres = EmbeddedPostgresServer.start(dataDirectory, 0, false).ensureDatabases(List.of(DATABASE));
            kafka = EmbeddedKafkaServer.ephemeral().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
                deleteQuietly(dataDirectory);
            }));
        }
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(DATABASE),
                "kafka.bootstrap.servers", kafka.bootstrapServers());
    }

    @Override
    public void stop() {
        // Shared across test classes; closed when the JVM exits.
    }

    /**
     * Stops PostgreSQL (fast shutdown: sessions are cut off, as in a crash of the server), keeps it down for
     * {@code down}, and starts it again on the same port and data.
     */
    public static synchronized void restartDatabase(Duration down) {
        int port = postgres.port();
        postgres.close();
        try {
            Thread.sleep(down.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        postgres = EmbeddedPostgresServer.start(dataDirectory, port, false);
    }

    private static void deleteQuietly(Path directory) {
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temporary directory; the OS cleans it up eventually
        }
    }

    /** The broker, so a test can stop it and bring it back. */
    public static EmbeddedKafkaServer kafka() {
        return kafka;
    }
}
