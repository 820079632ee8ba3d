package dev.clientdesk.e2e;

import dev.clientdesk.localstack.DevTokens;
import dev.clientdesk.localstack.EmbeddedKafkaServer;
import dev.clientdesk.localstack.EmbeddedPostgresServer;
import dev.clientdesk.localstack.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The whole system as it is deployed: the three packaged services as separate JVM processes on one
 * PostgreSQL (a database each) and one Kafka broker. Started once per test JVM; a silence lasts
 * {@link #SILENCE} here instead of a week, set by configuration only.
 *
 * <p>Each service runs as a {@link ServiceProcess} that a test may stop, kill -9 and start again (on the same
 * port, so {@link #url} stays valid), and a test may start further replicas of a service on other ports: same
 * database, same broker, same consumer group. A test that changes a process must leave the primary processes
 * running in their default configuration for the tests after it.
 */
public final class RunningSystem {

    public static final Duration SILENCE = Duration.ofSeconds(6);
    public static final List<String> SERVICES = List.of("client-service", "billing-service", "followup-service");
    private static RunningSystem instance;

    private final EmbeddedPostgresServer postgres;
    private final EmbeddedKafkaServer kafka;
    private final Path root;
    private final Path logs;
    private final Map<String, ServiceProcess> primaries = new LinkedHashMap<>();
    private final Map<String, ServiceProcess> replicas = new ConcurrentHashMap<>();
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
        root = Path.of(System.getProperty("clientdesk.root", "..")).toAbsolutePath().normalize();
        logs = root.resolve("e2e-tests/target/e2e-logs");
        try {
            Files.createDirectories(logs);
            for (String service : SERVICES) {
                ServiceProcess process = newProcess(service, service, freePort());
                Files.deleteIfExists(process.log());
                primaries.put(service, process.start(Map.of()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            primaries.values().forEach(ServiceProcess::awaitReady);
        } catch (RuntimeException e) {
            stop();
            throw e;
        }
    }

    /** The primary process of a service (the one {@link #url} answers for). */
    public ServiceProcess service(String service) {
        ServiceProcess process = primaries.get(service);
        if (process == null) {
            throw new IllegalArgumentException("no such service: " + service);
        }
        return process;
    }

    public String url(String service) {
        return service(service).url();
    }

    /**
     * Starts another replica of a service on a free port, with the same database, broker and consumer group,
     * and waits until it is ready. {@code name} (e.g. {@code billing-service-2}) names its log file.
     */
    public ServiceProcess startReplica(String service, String name, Map<String, String> settings) {
        ServiceProcess replica = launchReplica(service, name, settings);
        replica.awaitReady();
        return replica;
    }

    /** Like {@link #startReplica} but does not wait: several replicas can start side by side. */
    public ServiceProcess launchReplica(String service, String name, Map<String, String> settings) {
        service(service);
        try {
            ServiceProcess replica = newProcess(service, name, freePort());
            Files.deleteIfExists(replica.log());
            ServiceProcess previous = replicas.put(name, replica);
            if (previous != null) {
                previous.stop();
            }
            return replica.start(settings);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String kafkaBootstrapServers() {
        return kafka.bootstrapServers();
    }

    /** A JDBC connection to a service's own database; tests may read it directly. */
    public Connection database(String service) {
        service(service);
        try {
            return DriverManager.getConnection(postgres.jdbcUrl(databaseName(service)),
                    EmbeddedPostgresServer.USER, EmbeddedPostgresServer.PASSWORD);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the database of " + service, e);
        }
    }

    public static String bearer(String tenant) {
        return "Bearer " + DevTokens.forTenant(tenant);
    }

    private static String databaseName(String service) {
        return service.replace('-', '_');
    }

    private ServiceProcess newProcess(String service, String name, int port) {
        Path jar = root.resolve(service + "/target/quarkus-app/quarkus-run.jar");
        return new ServiceProcess(service, name, port, logs.resolve(name + ".log"), settings -> {
            Map<String, String> properties = new LinkedHashMap<>();
            properties.put("quarkus.profile", "local");
            properties.put("quarkus.http.port", String.valueOf(port));
            properties.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(databaseName(service)));
            properties.put("kafka.bootstrap.servers", kafka.bootstrapServers());
            // A replica killed with -9 never leaves its consumer group; with the client default (45 s) the
            // partitions it held would wait that long for the coordinator to notice. 6 s is the broker's minimum.
            properties.put("kafka.session.timeout.ms", "6000");
            properties.put("kafka.heartbeat.interval.ms", "1500");
            properties.put("followup.silence-threshold", SILENCE.toString());
            properties.put("followup.scan-interval", "PT1S");
            // The crash and replica tests drive hundreds of requests a second into one workspace.
            properties.put("clientdesk.rate-limit.requests-per-second", "100000");
            properties.put("clientdesk.rate-limit.burst", "100000");
            properties.putAll(settings);
            List<String> command = new ArrayList<>();
            command.add(ProcessHandle.current().info().command().orElse("java"));
            command.add("-Xmx256m");
            properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-jar");
            command.add(jar.toString());
            return command;
        });
    }

    private synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        List<ServiceProcess> all = new ArrayList<>(replicas.values());
        all.addAll(primaries.values());
        all.forEach(ServiceProcess::signalStop);
        all.forEach(ServiceProcess::stop);
        kafka.close();
        postgres.close();
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
