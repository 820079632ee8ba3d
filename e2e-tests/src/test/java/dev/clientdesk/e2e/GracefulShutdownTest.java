package dev.clientdesk.e2e;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * SIGTERM while a request is in flight (Kubernetes stopping a pod): the packaged service stops taking new
 * work but answers the request it is in the middle of, within quarkus.shutdown.timeout, and then exits.
 */
class GracefulShutdownTest {

    @Test
    void a_request_in_flight_when_sigterm_arrives_is_completed_before_the_process_exits() throws Exception {
        RunningSystem system = RunningSystem.get();
        ServiceProcess replica = system.startReplica("client-service", "client-service-drain", Map.of());
        String tenant = "ws-drain-" + UUID.randomUUID();
        String body = "{\"name\":\"Drained\",\"email\":\"drained@example.com\",\"locale\":\"en\"}";
        String status;
        try (Socket socket = new Socket("localhost", replica.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /v1/clients HTTP/1.1\r\nHost: localhost\r\nAuthorization: "
                    + RunningSystem.bearer(tenant) + "\r\nContent-Type: application/json\r\nContent-Length: "
                    + body.length() + "\r\n\r\n" + body.substring(0, 10)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            Thread.sleep(500);

            replica.signalStop();
            Thread.sleep(1_000);
            assertThat(replica.isAlive()).as("still draining one second after SIGTERM").isTrue();

            out.write(body.substring(10).getBytes(StandardCharsets.UTF_8));
            out.flush();
            status = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        }
        replica.stop();

        assertThat(status).contains(" 201 ");
        assertThat(replica.isAlive()).isFalse();
        try (Sql sql = Sql.of(system, "client-service")) {
            assertThat(sql.count("SELECT count(*) FROM client WHERE tenant_id = ?", tenant)).isEqualTo(1);
        }
        System.out.printf("RELIABILITY graceful-shutdown: request in flight at SIGTERM answered %s%n",
                status.substring(9, 12));
    }
}
