package dev.clientdesk.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * One OS process of a packaged service: start it (with extra settings), stop it gracefully (SIGTERM), kill it
 * (SIGKILL, {@link Process#destroyForcibly()} on Linux) and start it again on the same port. Every start is
 * appended to the same log file under a header line.
 */
public final class ServiceProcess {

    private static final Duration READY_WITHIN = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private final String service;
    private final String name;
    private final int port;
    private final Path log;
    private final Function<Map<String, String>, List<String>> commandLine;
    private Process process;
    private Map<String, String> settings = Map.of();

    ServiceProcess(String service, String name, int port, Path log,
            Function<Map<String, String>, List<String>> commandLine) {
        this.service = service;
        this.name = name;
        this.port = port;
        this.log = log;
        this.commandLine = commandLine;
    }

    /**
     * Launches the process with these settings on top of the defaults (system properties, e.g.
     * {@code clientdesk.outbox.relay-enabled=false}) and returns at once; {@link #awaitReady} waits for it.
     */
    public synchronized ServiceProcess start(Map<String, String> extraSettings) {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is already running (pid " + process.pid() + ")");
        }
        settings = Map.copyOf(extraSettings);
        try {
            Files.writeString(log, "%n===== e2e: starting %s on port %d at %s with %s =====%n".formatted(name, port,
                    Instant.now(), settings), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            process = new ProcessBuilder(commandLine.apply(settings))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early if the process died. */
    public ServiceProcess awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        while (Instant.now().isBefore(deadline)) {
            Process current = current();
            if (current == null || !current.isAlive()) {
                throw new IllegalStateException(name + " exited before it became ready; see " + log);
            }
            try {
                HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                current.waitFor(250, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + " did not become ready within " + READY_WITHIN + "; see " + log);
    }

    /** Starts it (again) with these settings and waits until it is ready. */
    public ServiceProcess restart(Map<String, String> extraSettings) {
        stop();
        return start(extraSettings).awaitReady();
    }

    /** SIGTERM and wait: Quarkus shuts down in order (relay, consumer and scanner stop cleanly). */
    public void stop() {
        Process current = current();
        if (current == null) {
            return;
        }
        current.destroy();
        try {
            if (!current.waitFor(30, TimeUnit.SECONDS)) {
                current.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL and wait until the process is gone: no shutdown hook, no commit, no goodbye to the broker. */
    public void kill() {
        Process current = current();
        if (current == null) {
            throw new IllegalStateException(name + " is not running");
        }
        current.destroyForcibly();
        try {
            current.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    void signalStop() {
        Process current = current();
        if (current != null) {
            current.destroy();
        }
    }

    public boolean isAlive() {
        Process current = current();
        return current != null && current.isAlive();
    }

    /** The exit value of the last run (137 after a kill -9); fails while it runs. */
    public int exitValue() {
        return current().exitValue();
    }

    private synchronized Process current() {
        return process;
    }

    public String service() {
        return service;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public Map<String, String> settings() {
        return settings;
    }

    public String url() {
        return "http://localhost:" + port;
    }

    @Override
    public String toString() {
        return name + "@" + port;
    }
}
