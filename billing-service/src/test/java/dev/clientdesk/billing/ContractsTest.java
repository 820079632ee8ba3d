package dev.clientdesk.billing;

import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.billing.messaging.ClientEventHandler;
import dev.clientdesk.kit.testing.Contracts;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** billing.v1 samples match what billing publishes; what it reads of clients.v1 is in those samples. */
class ContractsTest {

    /**
     * clients.v1 events billing does not read: it keeps nothing of a client's contact (ClientUpdated) or of
     * the screening, and nothing of the workspace's letter signature (WorkspaceSignatureChanged, which names
     * no client). The consumer passes over a type no handler names.
     */
    private static final Set<String> NOT_READ = Set.of("ClientScreened", "ClientUpdated", "WorkspaceSignatureChanged");

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
        Set<String> read = new ClientEventHandler(null, null, null, null).eventTypes();
        assertThat(Contracts.eventTypes("clients.v1")).containsAll(read);
        Set<String> unaccounted = new HashSet<>(Contracts.eventTypes("clients.v1"));
        unaccounted.removeAll(read);
        unaccounted.removeAll(NOT_READ);
        assertThat(unaccounted).as("clients.v1 events billing neither reads nor knows it skips").isEmpty();
        assertThat(read).doesNotContainAnyElementsOf(NOT_READ);
        for (String type : new ClientEventHandler(null, null, null, null).eventTypes()) {
            assertThat(Contracts.dataFields("clients.v1", type)).as(type)
                    .containsAll(Contracts.recordFields(ClientEventHandler.ClientNamed.class));
        }
    }
}
