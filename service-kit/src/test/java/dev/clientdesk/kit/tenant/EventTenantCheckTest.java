package dev.clientdesk.kit.tenant;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.clientdesk.kit.events.CloudEvent;
import dev.clientdesk.kit.messaging.PoisonEventException;
import dev.clientdesk.kit.messaging.PrematureEventException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventTenantCheckTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final EventTenantCheck check = new EventTenantCheck(registry);
    private final UUID client = UUID.randomUUID();
    private final CloudEvent event = CloudEvent.of("e-1", "billing-service", "InvoiceSent", "s", Instant.EPOCH,
            "ws-intruder", JsonNodeFactory.instance.objectNode());

    @Test
    void another_workspace_for_a_known_client_is_poison_named_and_counted() {
        assertThatThrownBy(() -> check.requireKnownClient(event, client, List.of("ws-owner")))
                .isInstanceOf(PoisonEventException.class)
                .hasMessageContaining("e-1").hasMessageContaining(client.toString())
                .hasMessageContaining("ws-intruder").hasMessageContaining("ws-owner");
        assertThatThrownBy(() -> check.requireNoOtherTenant(event, client, List.of("ws-intruder", "ws-owner")))
                .isInstanceOf(PoisonEventException.class);
        assertThat(registry.counter("clientdesk.events.tenant_mismatch").count()).isEqualTo(2.0);
    }

    @Test
    void an_unknown_client_is_premature_for_events_that_only_name_it_and_fine_for_its_own_events() {
        assertThatThrownBy(() -> check.requireKnownClient(event, client, List.of()))
                .isInstanceOf(PrematureEventException.class).hasMessageContaining(client.toString());
        assertThatCode(() -> check.requireNoOtherTenant(event, client, List.of())).doesNotThrowAnyException();
        assertThatCode(() -> check.requireKnownClient(event, client, List.of("ws-intruder")))
                .doesNotThrowAnyException();
        assertThat(registry.counter("clientdesk.events.tenant_mismatch").count()).isZero();
    }
}
