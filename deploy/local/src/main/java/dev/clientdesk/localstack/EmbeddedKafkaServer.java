package dev.clientdesk.localstack;

import io.smallrye.reactive.messaging.kafka.companion.test.EmbeddedKafkaBroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A single-node KRaft Kafka broker in this JVM. The log directory, port and cluster id stay fixed, so
 * {@link #stop()} followed by {@link #start()} brings the same broker back with its data: the local
 * stack uses that across runs, the outage tests within one run.
 */
public final class EmbeddedKafkaServer implements AutoCloseable {

    private final Path logDirectory;
    private final int port;
    private final String clusterId;
    private final boolean deleteOnClose;
    private EmbeddedKafkaBroker broker;

    private EmbeddedKafkaServer(Path logDirectory, int port, String clusterId, boolean deleteOnClose) {
        this.logDirectory = logDirectory;
        this.port = port;
        this.clusterId = clusterId;
        this.deleteOnClose = deleteOnClose;
    }

    /** A broker whose data survives restarts of this process: the cluster id is kept beside the logs. */
    public static EmbeddedKafkaServer persistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
            Path clusterIdFile = dataDirectory.resolve("cluster.id");
            if (!Files.exists(clusterIdFile)) {
                Files.writeString(clusterIdFile, org.apache.kafka.common.Uuid.randomUuid().toString());
            }
            return new EmbeddedKafkaServer(dataDirectory.resolve("logs"), port,
                    Files.readString(clusterIdFile).trim(), false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A broker on a free port with a temporary log directory, deleted on {@link #close()}. */
    public static EmbeddedKafkaServer ephemeral() {
        try {
            return new EmbeddedKafkaServer(Files.createTempDirectory("clientdesk-kafka"), freePort(),
                    org.apache.kafka.common.Uuid.randomUuid().toString(), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public synchronized EmbeddedKafkaServer start() {
        if (broker != null) {
            return this;
        }
        broker = new EmbeddedKafkaBroker()
                .withKafkaHost("localhost")
                .withKafkaPort(port)
                .withClusterId(clusterId)
                .withDeleteLogDirsOnClose(false)
                .withAdditionalProperties(props -> {
                    props.put("log.dirs", logDirectory.toString());
                    props.put("num.partitions", "3");
                    props.put("auto.create.topics.enable", "true");
                })
                .start();
        return this;
    }

    /** Stops the broker but keeps its data; {@link #start()} brings it back on the same port. */
    public synchronized void stop() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    @Override
    public synchronized void close() {
        stop();
        if (deleteOnClose) {
            deleteRecursively(logDirectory);
        }
    }

    private static void deleteRecursively(Path path) {
        try (var files = Files.walk(path)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp directory left behind is harmless
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
