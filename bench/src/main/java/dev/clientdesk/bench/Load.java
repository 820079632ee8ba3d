package dev.clientdesk.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The two load generators: wrk for peak throughput, and a constant-rate (open-loop) Java client for latency. */
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

    /**
     * Sends requests at a constant rate whatever the responses do (open loop, like wrk2), and times each from
     * the moment it was due to be sent, so a stall shows up in the latencies instead of lowering the rate
     * (no coordinated omission). At most {@code maxInFlight} requests are outstanding; beyond that a request
     * is counted as an error.
     */
    static Sample constantRate(HttpClient client, IntFunction<HttpRequest> request, double perSecond,
            Duration duration, int maxInFlight) throws InterruptedException {
        long period = (long) (1_000_000_000L / perSecond);
        int total = (int) (duration.toNanos() / period);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch done = new CountDownLatch(total);
        long start = System.nanoTime() + 20_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            if (!inFlight.tryAcquire()) {
                errors.incrementAndGet();
                done.countDown();
                continue;
            }
            int index = i;
            client.sendAsync(request.apply(i), HttpResponse.BodyHandlers.discarding()).whenComplete((r, e) -> {
                long end = System.nanoTime();
                if (e != null || r.statusCode() >= 400) {
                    errors.incrementAndGet();
                } else {
                    latencies[index] = (end - due) / 1000;
                }
                inFlight.release();
                done.countDown();
            });
        }
        done.await(60, TimeUnit.SECONDS);
        List<Long> ok = new ArrayList<>();
        for (long l : latencies) {
            if (l >= 0) {
                ok.add(l);
            }
        }
        return Sample.of(ok, errors.get(), duration.toNanos() / 1e9);
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
