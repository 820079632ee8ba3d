package dev.clientdesk.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * Constant-rate load over a fixed set of keep-alive connections, timed from the moment each request was due
 * (the wrk2 model: no coordinated omission). Plain blocking sockets and a minimal HTTP/1.1 exchange, because
 * the JDK {@code HttpClient} used before took 35–110 % of a core at 500 req/s on the same 2 cores as the
 * services, and opened connections as latencies rose.
 */
final class OpenLoop {

    /** One request: method, path and an optional JSON body; the bearer token is added to each. */
    record Call(String method, String path, String json) {
        static Call get(String path) {
            return new Call("GET", path, null);
        }

        static Call post(String path, String json) {
            return new Call("POST", path, json);
        }
    }

    private record Due(int index, long nanos, Call call) {
    }

    private static final Due STOP = new Due(-1, 0, null);

    private OpenLoop() {
    }

    static Load.Sample run(int port, String token, IntFunction<Call> calls, double perSecond, Duration duration,
            int connections) throws InterruptedException {
        long period = (long) (1_000_000_000L / perSecond);
        int total = (int) (duration.toNanos() / period);
        long[] latencies = new long[total];
        java.util.Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        BlockingQueue<Due> queue = new LinkedBlockingQueue<>();
        CountDownLatch done = new CountDownLatch(connections);
        for (int c = 0; c < connections; c++) {
            Thread worker = new Thread(() -> {
                try {
                    work(port, token, queue, latencies, errors);
                } finally {
                    done.countDown();
                }
            }, "open-loop-" + c);
            worker.setDaemon(true);
            worker.start();
        }
        long start = System.nanoTime() + 20_000_000;
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            queue.add(new Due(i, due, calls.apply(i)));
        }
        for (int c = 0; c < connections; c++) {
            queue.add(STOP);
        }
        if (!done.await(60, TimeUnit.SECONDS)) {
            errors.addAndGet(queue.size());
        }
        List<Long> ok = new ArrayList<>();
        for (long l : latencies) {
            if (l >= 0) {
                ok.add(l);
            }
        }
        return Load.Sample.of(ok, errors.get(), duration.toNanos() / 1e9);
    }

    private static void work(int port, String token, BlockingQueue<Due> queue, long[] latencies,
            AtomicInteger errors) {
        Socket socket = null;
        InputStream in = null;
        try {
            while (true) {
                Due due = queue.take();
                if (due == STOP) {
                    return;
                }
                try {
                    if (socket == null) {
                        socket = new Socket("localhost", port);
                        socket.setTcpNoDelay(true);
                        socket.setSoTimeout(10_000);
                        in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
                    }
                    int status = exchange(socket, in, token, due.call());
                    if (status >= 400) {
                        errors.incrementAndGet();
                    } else {
                        latencies[due.index()] = (System.nanoTime() - due.nanos()) / 1000;
                    }
                } catch (IOException e) {
                    errors.incrementAndGet();
                    close(socket);
                    socket = null;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            close(socket);
        }
    }

    private static int exchange(Socket socket, InputStream in, String token, Call call) throws IOException {
        byte[] body = call.json() == null ? new byte[0] : call.json().getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(call.method()).append(' ').append(call.path())
                .append(" HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ").append(token).append("\r\n");
        if (call.json() != null) {
            head.append("Content-Type: application/json\r\nContent-Length: ").append(body.length).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return readResponse(in);
    }

    /** Reads one response whole (Content-Length or chunked) and returns its status. */
    private static int readResponse(InputStream in) throws IOException {
        String status = line(in);
        int code = Integer.parseInt(status.split(" ")[1]);
        long length = 0;
        boolean chunked = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (!chunked) {
            skip(in, length);
            return code;
        }
        for (long size = Long.parseLong(line(in).split(";")[0].trim(), 16); size > 0;
                size = Long.parseLong(line(in).split(";")[0].trim(), 16)) {
            skip(in, size);
            line(in);
        }
        while (!line(in).isEmpty()) {
            // trailers
        }
        return code;
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("connection closed");
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        for (long left = bytes; left > 0; ) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new IOException("connection closed");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    private static void close(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
    }
}
