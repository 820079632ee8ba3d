package dev.clientdesk.kit.web;

import dev.clientdesk.kit.testing.TestTokens;
import io.restassured.RestAssured;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A POST over a raw socket that announces a body and sends as little of it as the test says. */
final class SlowUpload implements AutoCloseable {

    static final String BODY = "{\"name\":\"slow\",\"colour\":\"RED\"}";

    private final Socket socket;
    private final OutputStream out;
    private final long startedNanos;

    SlowUpload(String tenant, int bytesSent) throws IOException {
        socket = new Socket("localhost", RestAssured.port);
        socket.setSoTimeout(20_000);
        out = socket.getOutputStream();
        String head = "POST /v1/widgets HTTP/1.1\r\nHost: localhost\r\nAuthorization: " + TestTokens.bearer(tenant)
                + "\r\nContent-Type: application/json\r\nContent-Length: " + BODY.length() + "\r\n\r\n";
        startedNanos = System.nanoTime();
        out.write(head.getBytes(StandardCharsets.US_ASCII));
        send(0, bytesSent);
    }

    void send(int from, int to) throws IOException {
        out.write(BODY.substring(from, to).getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** The status line and headers of the answer; blocks until it comes. */
    Answer answer() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                StandardCharsets.UTF_8));
        String status = reader.readLine();
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        long millis = (System.nanoTime() - startedNanos) / 1_000_000;
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        char[] body = new char[length];
        for (int read = 0; read < length; ) {
            int n = reader.read(body, read, length - read);
            if (n < 0) {
                break;
            }
            read += n;
        }
        boolean closed;
        socket.setSoTimeout(2_000);
        try {
            closed = reader.read() < 0;
        } catch (SocketTimeoutException e) {
            closed = false;
        }
        return new Answer(status, headers, new String(body), millis, closed);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /** @param closed whether the server closed the connection after the answer */
    record Answer(String status, Map<String, String> headers, String body, long millis, boolean closed) {
    }
}
