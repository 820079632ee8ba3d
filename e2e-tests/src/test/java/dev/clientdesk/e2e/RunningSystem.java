package dev.clientdesk.e2e;

import dev.clientdesk.localstack.DevTokens;
import dev.clientdesk.localstack.EmbeddedKafkaServer;
import dev.clientdesk.localstack.EmbeddedPostgresServer;
import dev.clientdesk.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole system as it is deployed: the three packaged services as separate JVM processes on one
 * PostgreSQL (a database each) and one Kafka broker. Started once per test JVM; a silence lasts
 * {@link #SILENCE} here instead of a week, set by configuration only.
 */
public final class RunningSystem {

    public static final Duration SILENCE = Duration.ofSeconds(6);
    private static RunningSystem instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private boolean stopped;

    public static synchronized RunningSystem get() {
        if (instance == null) {
            instance = new RunningSystem();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop));
        }
        return instance;
    }

    private RunningSystem() {
        postgres = EmbeddedPostgresServer.start(null, 0).ensureDatabases(LocalStack.DATABASES);
        kafka = EmbeddedKafkaServer.ephemeral().start();
        Path root = Path.of(System.getProperty("clientdesk.root", "..")).toAbsolutePath().normalize();
        Path logs = root.resolve("e2e-tests/target/e2e-logs");
        try {
            Files.createDirectories(logs);
            for (String service : List.of("client-service", "billing-service", "followup-service")) {
                int port = freePort();
                ports.put(service, port);
                processes.add(new ProcessBuilder(List.of(
                        ProcessHandle.current().info().command().orElse("java"),
                        "-Xmx256m",
                        "-Dquarkus.profile=local",
                        "-Dquarkus.http.port=" + port,
                        "-Dquarkus.datasource.jdbc.url=" + postgres.jdbcUrl(service.replace('-', '_')),
                        "-Dkafka.bootstrap.servers=" + kafka.bootstrapServers(),
                        "-Dfollowup.silence-threshold=" + SILENCE,
                        "-Dfollowup.scan-interval=PT1S",
                        "-jar", root.resolve(service + "/target/quarkus-app/quarkus-run.jar").toString()))
                        .redirectErrorStream(true)
                        .redirectOutput(logs.resolve(service + ".log").toFile())
                        .start());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ports.forEach((service, port) -> awaitReady(service, port, logs));
    }

    public String url(String service) {
        return "http://localhost:" + ports.get(service);
    }

    public static String bearer(String tenant) {
        return "Bearer " + DevTokens.forTenant(tenant);
    }

    private void awaitReady(String service, int port, Path logs) {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep();
        }
        stop();
        throw new IllegalStateException(service + " did not become ready; see " + logs.resolve(service + ".log"));
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        processes.forEach(Process::destroy);
        for (Process process : processes) {
            try {
                process.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        kafka.close();
        postgres.close();
    }

    private static void sleep() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
