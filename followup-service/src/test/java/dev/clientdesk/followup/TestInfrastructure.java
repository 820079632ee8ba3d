package dev.clientdesk.followup;

import dev.clientdesk.kit.testing.InfrastructureTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/** Every @QuarkusTest of this module runs against the embedded PostgreSQL and Kafka. */
@QuarkusTestResource(InfrastructureTestResource.class)
public class TestInfrastructure {
}
