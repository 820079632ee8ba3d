package dev.clientdesk.followup;

import dev.clientdesk.followup.events.BillingEventsIn;
import dev.clientdesk.followup.events.ClientEventsIn;
import dev.clientdesk.followup.events.FollowUpEvents;
import dev.clientdesk.kit.testing.Contracts;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** followups.v1 samples match what this service publishes; what it reads of others is in their samples. */
class ContractsTest {

    @Test
    void every_followup_sample_has_exactly_the_fields_of_the_published_record() throws Exception {
        assertThat(Contracts.eventTypes("followups.v1")).isNotEmpty();
        for (String type : Contracts.eventTypes("followups.v1")) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) Class.forName(
                    FollowUpEvents.class.getName() + "$" + type);
            assertThat(Contracts.recordFields(record)).as(type).isEqualTo(Contracts.dataFields("followups.v1", type));
        }
    }

    @Test
    void what_followup_reads_of_billing_and_client_events_is_in_the_samples() {
        assertThat(Contracts.dataFields("billing.v1", "InvoiceSent"))
                .containsAll(Contracts.recordFields(BillingEventsIn.InvoiceSent.class));
        assertThat(Contracts.dataFields("billing.v1", "PaymentReceived"))
                .containsAll(Contracts.recordFields(BillingEventsIn.PaymentReceived.class));
        assertThat(Contracts.dataFields("billing.v1", "PaymentReceived"))
                .containsAll(Contracts.recordFields(BillingEventsIn.InvoiceSettled.class));
        assertThat(Contracts.dataFields("clients.v1", "ClientOffboarded"))
                .containsAll(Contracts.recordFields(ClientEventsIn.ClientGone.class));
        assertThat(Contracts.dataFields("clients.v1", "ClientDeclined"))
                .containsAll(Contracts.recordFields(ClientEventsIn.ClientGone.class));
        for (String identified : new String[] {"ClientRegistered", "ClientAccepted"}) {
            assertThat(Contracts.dataFields("clients.v1", identified)).as(identified)
                    .containsAll(Contracts.recordFields(ClientEventsIn.ClientIdentified.class));
        }
        if (Files.exists(Path.of("../contracts/clients.v1/ClientUpdated.json"))) {
            assertThat(Contracts.dataFields("clients.v1", "ClientUpdated"))
                    .containsAll(Contracts.recordFields(ClientEventsIn.ClientUpdated.class));
        }
        if (Files.exists(Path.of("../contracts/clients.v1/WorkspaceSignatureChanged.json"))) {
            assertThat(Contracts.dataFields("clients.v1", "WorkspaceSignatureChanged"))
                    .containsAll(Contracts.recordFields(ClientEventsIn.WorkspaceSignatureChanged.class));
        }
        for (String settled : new String[] {"InvoicePaid", "InvoiceVoided"}) {
            assertThat(Contracts.dataFields("billing.v1", settled)).as(settled)
                    .containsAll(Contracts.recordFields(BillingEventsIn.InvoiceSettled.class));
        }
    }
}
