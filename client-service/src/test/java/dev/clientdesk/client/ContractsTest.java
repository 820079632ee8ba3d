package dev.clientdesk.client;

import dev.clientdesk.client.events.ClientEvents;
import dev.clientdesk.client.events.InboundEvents;
import dev.clientdesk.kit.testing.Contracts;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** clients.v1 samples match what this service publishes; what it reads of others is in their samples. */
class ContractsTest {

    @Test
    void every_client_sample_has_exactly_the_fields_of_the_published_record() throws Exception {
        assertThat(Contracts.eventTypes("clients.v1")).isNotEmpty();
        for (String type : Contracts.eventTypes("clients.v1")) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) Class.forName(
                    ClientEvents.class.getName() + "$" + type);
            assertThat(Contracts.recordFields(record)).as(type).isEqualTo(Contracts.dataFields("clients.v1", type));
        }
    }

    @Test
    void what_client_service_reads_of_billing_and_followup_events_is_in_the_samples() {
        Object[][] reads = {
                {"billing.v1", "ProjectContracted", InboundEvents.ProjectContracted.class},
                {"billing.v1", "PaymentReceived", InboundEvents.PaymentReceived.class},
                {"billing.v1", "RefundIssued", InboundEvents.RefundIssued.class},
                {"billing.v1", "TimeLogged", InboundEvents.TimeLogged.class},
                {"billing.v1", "InvoiceOverdue", InboundEvents.InvoiceOverdue.class},
                {"followups.v1", "NoReplyForSevenDays", InboundEvents.NoReplyForSevenDays.class},
                {"followups.v1", "FollowUpSent", InboundEvents.FollowUpSent.class},
                {"followups.v1", "ClientWentSilent", InboundEvents.ClientWentSilent.class}};
        for (Object[] read : reads) {
            @SuppressWarnings("unchecked")
            Class<? extends Record> record = (Class<? extends Record>) read[2];
            assertThat(Contracts.dataFields((String) read[0], (String) read[1])).as((String) read[1])
                    .containsAll(Contracts.recordFields(record));
        }
    }
}
