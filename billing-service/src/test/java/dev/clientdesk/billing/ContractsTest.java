package dev.clientdesk.billing;

import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.billing.messaging.ClientEventHandler;
import dev.clientdesk.kit.testing.Contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** billing.v1 samples match what billing publishes; what it reads of clients.v1 is in those samples. */
class ContractsTest {

    @Test
    void every_billing_sample_has_exactly_the_fields_of_the_published_record() throws Exception {
        assertThat(Contracts.eventTypes("billing.v1")).isNotEmpty();
        for (String type : Contracts.eventTypes("billing.v1")) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) Class.forName(
                    BillingEvents.class.getName() + "$" + type);
            assertThat(Contracts.recordFields(record)).as(type).isEqualTo(Contracts.dataFields("billing.v1", type));
            assertThat(Contracts.sample("billing.v1", type).path("source").asText()).isEqualTo("billing-service");
        }
    }

    @Test
    void what_billing_reads_of_client_events_is_in_the_samples() {
        // Contact details, screenings and the letter signature are no concern of billing; every life-cycle event is.
        assertThat(new ClientEventHandler(null, null, null, null).eventTypes())
                .containsExactlyInAnyOrderElementsOf(Contracts.eventTypes("clients.v1").stream()
                        .filter(t -> !t.equals("ClientUpdated") && !t.equals("ClientScreened")
                                && !t.equals("WorkspaceSignatureChanged")).toList());
        for (String type : new ClientEventHandler(null, null, null, null).eventTypes()) {
            assertThat(Contracts.dataFields("clients.v1", type)).as(type)
                    .containsAll(Contracts.recordFields(ClientEventHandler.ClientNamed.class));
        }
    }
}
