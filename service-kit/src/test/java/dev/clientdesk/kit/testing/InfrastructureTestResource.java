package dev.clientdesk.kit.testing;

import dev.clientdesk.localstack.EmbeddedKafkaServer;
import dev.clientdesk.localstack.EmbeddedPostgresServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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

    @Override
    public synchronized Map<String, String> start() {
        if (postgres == null) {
            postgres = EmbeddedPostgresServer.start(null, 0).ensureDatabases(List.of(DATABASE));
            kafka = EmbeddedKafkaServer.ephemeral().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                kafka.close();
                postgres.close();
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

    /** The broker, so a test can stop it and bring it back. */
    public static EmbeddedKafkaServer kafka() {
        return kafka;
    }
}
