package dev.clientdesk.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system under test, on ports of its own: LocalStack (embedded PostgreSQL + KRaft Kafka) and the three
 * packaged services started exactly as deploy/local/run starts them ({@code java -Dquarkus.profile=local
 * -jar}), with only ports, database URL and broker address overridden.
 */
final class Stack implements AutoCloseable {

    static final String TENANT = "demo-workspace";

    record Service(String name, String database, int port) {
    }

    final Path root;
    final Path data;
    final Path logs;
    final int postgresPort;
    final int kafkaPort;
    final Map<String, Service> services = new LinkedHashMap<>();
    private final Map<String, Process> running = new LinkedHashMap<>();
    private final List<String> extraJvmArgs;
    private Process infrastructure;
    String token;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();

    Stack(Path root, Path data, int postgresPort, int kafkaPort, int httpBase, List<String> extraJvmArgs) {
        this.root = root;
        this.data = data;
        this.logs = data.resolve("logs");
        this.postgresPort = postgresPort;
        this.kafkaPort = kafkaPort;
        this.extraJvmArgs = extraJvmArgs;
        services.put("client-service", new Service("client-service", "client_service", httpBase));
        services.put("billing-service", new Service("billing-service", "billing_service", httpBase + 1));
        services.put("followup-service", new Service("followup-service", "followup_service", httpBase + 2));
        Runtime.getRuntime().addShutdownHook(new Thread(this::close));
    }

    void startInfrastructure() throws Exception {
        Files.createDirectories(logs);
        Path localStack = root.resolve("deploy/local/target");
        String cp = localStack.resolve("classes") + ":" + Files.readString(localStack.resolve("classpath.txt")).trim();
        Files.deleteIfExists(data.resolve("ready"));
        infrastructure = new ProcessBuilder("java", "-Dpostgres.port=" + postgresPort, "-Dkafka.port=" + kafkaPort,
                "-cp", cp, "dev.clientdesk.localstack.LocalStack", data.toString())
                .redirectErrorStream(true).redirectOutput(logs.resolve("infrastructure.log").toFile()).start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (!Files.exists(data.resolve("ready"))) {
            if (!infrastructure.isAlive() || System.nanoTime() > deadline) {
                throw new IllegalStateException("the infrastructure did not come up; see " + logs);
            }
            Thread.sleep(200);
        }
        token = Files.readString(data.resolve("dev-token")).trim();
    }

    /** Starts one service and waits for /q/health/ready; returns milliseconds from process start to ready. */
    long start(String name) throws Exception {
        Service service = services.get(name);
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(jvmArgs(name));
        command.addAll(List.of("-Dquarkus.profile=local",
                "-Dquarkus.http.port=" + service.port(),
                "-Dquarkus.datasource.jdbc.url=" + jdbcUrl(service.database()),
                "-Dkafka.bootstrap.servers=localhost:" + kafkaPort,
                // The silence scan runs every half second here instead of every minute, so scenario 3 can
                // time "due -> published" without waiting a minute for the scheduler.
                "-Dfollowup.scan-interval=PT0.5S",
                // The load comes from one workspace, far above what one freelancer sends.
                "-Dclientdesk.rate-limit.requests-per-second=1000000", "-Dclientdesk.rate-limit.burst=1000000"));
        command.addAll(extraJvmArgs);
        command.addAll(List.of("-jar", root.resolve(name + "/target/quarkus-app/quarkus-run.jar").toString()));
        long t0 = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logs.resolve(name + ".log").toFile())).start();
        running.put(name, process);
        URI ready = URI.create("http://localhost:" + service.port() + "/q/health/ready");
        long deadline = t0 + Duration.ofSeconds(120).toNanos();
        while (true) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited; see " + logs.resolve(name + ".log"));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofMillis(500)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return (System.nanoTime() - t0) / 1_000_000;
                }
            } catch (IOException e) {
                // not listening yet
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " not ready within 120 s");
            }
            Thread.sleep(5);
        }
    }

    /** The options deploy/local/run starts this service with: jvm-options plus its class-data archive. */
    private List<String> jvmArgs(String name) throws IOException, InterruptedException {
        Process script = new ProcessBuilder(root.resolve("deploy/local/jvm-args").toString(),
                root.resolve(name + "/target/quarkus-app").toString()).redirectErrorStream(true).start();
        List<String> lines = new String(script.getInputStream().readAllBytes()).lines().toList();
        if (script.waitFor() != 0) {
            throw new IllegalStateException("deploy/local/jvm-args failed: " + lines);
        }
        return lines;
    }

    /**
     * Deletes the service's class-data archive, the file deploy/local/jvm-args names, so that its next start
     * is a first start after a build again: without the archive, and writing it at exit.
     */
    void forgetTrainedClasses(String name) throws IOException, InterruptedException {
        for (String option : jvmArgs(name)) {
            Matcher archive = Pattern.compile("-XX:(?:SharedArchiveFile|ArchiveClassesAtExit)=(.+)").matcher(option);
            if (archive.matches()) {
                Files.deleteIfExists(Path.of(archive.group(1)));
            }
        }
    }

    /** What Quarkus itself reports ("started in 1.234s") in the last start of this service, in ms, or -1. */
    long quarkusReportedStartMillis(String name) throws IOException {
        Matcher m = Pattern.compile("started in (\\d+\\.\\d+)s").matcher(Files.readString(logs.resolve(name + ".log")));
        long last = -1;
        while (m.find()) {
            last = Math.round(Double.parseDouble(m.group(1)) * 1000);
        }
        return last;
    }

    void startAll() throws Exception {
        for (String name : services.keySet()) {
            start(name);
        }
    }

    void stop(String name) {
        Process p = running.remove(name);
        if (p == null) {
            return;
        }
        p.destroy();
        try {
            if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void stopAll() {
        List<String> names = new ArrayList<>(running.keySet());
        for (int i = names.size() - 1; i >= 0; i--) {
            stop(names.get(i));
        }
    }

    long pid(String name) {
        return running.get(name).pid();
    }

    /**
     * CPU seconds the JIT's C2 compiler threads of a process have used so far, from /proc (Linux, 100 ticks
     * a second): while they keep working the service has not reached its steady-state speed.
     */
    static double c2CompilerSeconds(long pid) throws IOException {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C2 CompilerThre")) {
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                }
            }
        }
        return ticks / 100.0;
    }

    /** Resident set size of a process in MB, from /proc. */
    static long rssMb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        return -1;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + postgresPort + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "postgres");
    }

    String baseUrl(String name) {
        return "http://localhost:" + services.get(name).port();
    }

    @Override
    public synchronized void close() {
        stopAll();
        if (infrastructure != null && infrastructure.isAlive()) {
            infrastructure.destroy();
            try {
                if (!infrastructure.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    infrastructure.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
