package dev.clientdesk.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * The infrastructure of the local stack in one process: PostgreSQL (one database per service) and a
 * KRaft Kafka broker, both keeping their data under the given directory. Writes {@code ready} into that
 * directory once both accept connections and stops both cleanly on SIGINT/SIGTERM.
 */
public final class LocalStack {

    public static final List<String> DATABASES = List.of("client_service", "billing_service", "followup_service");

    public static void main(String[] args) throws Exception {
        Path dataDirectory = Path.of(args.length > 0 ? args[0] : ".local-stack").toAbsolutePath();
        int postgresPort = Integer.parseInt(System.getProperty("postgres.port", "5432"));
        int kafkaPort = Integer.parseInt(System.getProperty("kafka.port", "9092"));
        Files.createDirectories(dataDirectory);
        Path readyMarker = dataDirectory.resolve("ready");
        Files.deleteIfExists(readyMarker);

        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(dataDirectory.resolve("postgres"), postgresPort)
                .ensureDatabases(DATABASES);
        EmbeddedKafkaServer kafka = EmbeddedKafkaServer.persistent(dataDirectory.resolve("kafka"), kafkaPort).start();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("local-stack: stopping Kafka and PostgreSQL");
            kafka.close();
            postgres.close();
            stopped.countDown();
        }));

        System.out.println("local-stack: PostgreSQL on localhost:" + postgresPort + " (databases " + DATABASES + ")");
        System.out.println("local-stack: Kafka on " + kafka.bootstrapServers());
        Files.writeString(dataDirectory.resolve("dev-token"), DevTokens.forTenant("demo-workspace"));
        Files.writeString(readyMarker, "ready");
        stopped.await();
    }
}
