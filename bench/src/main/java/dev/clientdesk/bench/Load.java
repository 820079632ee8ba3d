package dev.clientdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** wrk for peak throughput, latency samples and their percentiles; {@link OpenLoop} is the constant-rate generator. */
final class Load {

    private Load() {
    }

    /** Latencies in microseconds, sorted, plus counts. */
    record Sample(long[] micros, int errors, double seconds) {
        static Sample of(List<Long> values, int errors, double seconds) {
            long[] a = values.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(a);
            return new Sample(a, errors, seconds);
        }

        double percentileMs(double p) {
            if (micros.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * micros.length) - 1;
            return micros[Math.max(0, Math.min(micros.length - 1, rank))] / 1000.0;
        }

        double rate() {
            return micros.length / seconds;
        }
    }

    static HttpClient httpClient() {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2))
                .executor(Executors.newFixedThreadPool(4, r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).build();
    }

    record WrkResult(double requestsPerSecond, double p50Ms, double p99Ms, int non2xx, int socketErrors) {
    }

    /** Runs wrk with a Lua script; returns its requests/s and latency percentiles. */
    static WrkResult wrk(Path script, String url, int threads, int connections, Duration duration, Path log,
            String... env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections,
                "-d" + duration.toSeconds() + "s", "--latency", "-s", script.toString(), url)
                .redirectErrorStream(true);
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        Files.writeString(log, "\n$ wrk " + url + "\n" + out, java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        double rps = number(out, "Requests/sec:\\s+([\\d.]+)");
        double p50 = latencyMs(out, "50%");
        double p99 = latencyMs(out, "99%");
        int non2xx = (int) number(out, "Non-2xx or 3xx responses:\\s+(\\d+)");
        Matcher sock = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(out);
        int socketErrors = sock.find() ? Integer.parseInt(sock.group(1)) + Integer.parseInt(sock.group(2))
                + Integer.parseInt(sock.group(3)) + Integer.parseInt(sock.group(4)) : 0;
        return new WrkResult(rps, p50, p99, non2xx, socketErrors);
    }

    private static double number(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static double latencyMs(String text, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([\\d.]+)(us|ms|s)\\b").matcher(text);
        if (!m.find()) {
            return Double.NaN;
        }
        double v = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> v / 1000;
            case "s" -> v * 1000;
            default -> v;
        };
    }

    static double median(List<Double> values) {
        double[] a = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (a.length == 0) {
            return Double.NaN;
        }
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
    }
}
