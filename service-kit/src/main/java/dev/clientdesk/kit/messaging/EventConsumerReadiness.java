package dev.clientdesk.kit.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * The consumer as readiness sees it: UP while its thread runs, with what it is waiting for; DOWN only when
 * the thread is dead. Retrying is not a reason to leave the Service: while the database is away the
 * datasource check already says so, and a paused partition is the consumer doing its job.
 */
@Readiness
@ApplicationScoped
public class EventConsumerReadiness implements HealthCheck {

    private final EventConsumer consumer;

    public EventConsumerReadiness(EventConsumer consumer) {
        this.consumer = consumer;
    }

    @Override
    public HealthCheckResponse call() {
        EventConsumer.Status status = consumer.status();
        HealthCheckResponseBuilder response = HealthCheckResponse.named("event-consumer")
                .status(!status.enabled() || status.alive())
                .withData("running", status.alive())
                .withData("instanceId", consumer.instanceId())
                .withData("pausedPartitions", String.join(",", status.pausedPartitions()));
        if (status.retryingSince() != null) {
            response.withData("retryingSince", status.retryingSince().toString());
            response.withData("lastError", String.valueOf(status.lastError()));
        }
        return response.build();
    }
}
