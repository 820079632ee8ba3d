package dev.clientdesk.billing.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.clientdesk.billing.events.BillingEvents;
import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.money.Money;
import dev.clientdesk.kit.testing.TopicReader;
import io.quarkus.test.junit.QuarkusTest;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;

@QuarkusTest
class BillingApiTest {

    @Inject
    ObjectMapper mapper;

    static String project(UUID clientId, String fee, String currency, String deposit, String... milestonePercents) {
        StringBuilder milestones = new StringBuilder();
        for (int i = 0; i < milestonePercents.length; i++) {
            milestones.append(i == 0 ? "" : ",").append("{\"name\":\"Stage ").append(i + 1)
                    .append("\",\"percent\":\"").append(milestonePercents[i]).append("\"}");
        }
        return "{\"clientId\":\"" + clientId + "\",\"title\":\"Brand identity\",\"totalFee\":{\"amount\":\"" + fee
                + "\",\"currency\":\"" + currency + "\"}" + (deposit == null ? "" : ",\"depositPercent\":" + deposit)
                + ",\"milestones\":[" + milestones + "]}";
    }

    @Test
    void contracting_a_project_issues_the_deposit_invoice_and_the_schedule_sums_to_the_fee() {
        UUID clientId = AcceptedClients.accepted("ws-bill");
        var response = as("ws-bill").body(project(clientId, "1000.00", "EUR", null, "26.67", "26.67", "26.66"))
                .post("/v1/projects").then().statusCode(201)
                .body("status", equalTo("AWAITING_DEPOSIT"))
                .body("depositPercent", equalTo(20))
                .body("deposit.amount", equalTo("200.00"))
                .body("milestones.amount.amount", equalTo(List.of("266.70", "266.70", "266.60")))
                .extract();
        String invoiceId = response.path("depositInvoiceId");

        as("ws-bill").get("/v1/invoices/" + invoiceId).then().statusCode(200)
                .body("status", equalTo("DRAFT"))
                .body("kind", equalTo("DEPOSIT"))
                .body("amount.amount", equalTo("200.00"))
                .body("number", matchesPattern("\\d{4}-\\d{4}"));
    }

    @Test
    void invalid_splits_and_deposits_are_400_with_the_reason() {
        UUID client = AcceptedClients.accepted("ws-bill");
        as("ws-bill").body(project(client, "1000", "EUR", "20", "50", "20"))
                .post("/v1/projects").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("milestones"))
                .body("detail", org.hamcrest.Matchers.containsString("total exactly 100%"));
        as("ws-bill").body(project(client, "1000", "EUR", "5", "95"))
                .post("/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("depositPercent"));
        as("ws-bill").body(project(client, "10.001", "EUR", "20", "80"))
                .post("/v1/projects").then().statusCode(400).body("errors[0].field", equalTo("totalFee"));
        as("ws-bill").body("{\"title\":\"x\",\"milestones\":[]}").post("/v1/projects").then().statusCode(400)
                .body("errors.field", hasItem("clientId")).body("errors.field", hasItem("totalFee"));
    }

    @Test
    void sending_sets_the_due_date_and_publishes_invoice_sent_once() {
        UUID clientId = AcceptedClients.accepted("ws-send");
        String invoiceId = as("ws-send").body(project(clientId, "5000", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract().path("depositInvoiceId");

        as("ws-send").post("/v1/invoices/" + invoiceId + "/send").then().statusCode(200)
                .body("status", equalTo("SENT"))
                .body("dueDate", equalTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(14).toString()));
        as("ws-send").post("/v1/invoices/" + invoiceId + "/send").then().statusCode(409);

        List<JsonNode> sent = TopicReader.envelopes("billing.v1",
                e -> "InvoiceSent".equals(e.path("type").asText()) && invoiceId.equals(e.path("subject").asText()),
                1, Duration.ofSeconds(30));
        assertThat(sent).hasSize(1);
        assertThat(sent.get(0).path("data").path("clientId").asText()).isEqualTo(clientId.toString());
        assertThat(sent.get(0).path("data").path("amount").path("amount").asText()).isEqualTo("1000.00");
    }

    @Test
    void invoice_sent_matches_the_golden_sample_consumers_are_tested_with() throws Exception {
        JsonNode golden = mapper.readTree(Files.readString(Path.of("../contracts/billing.v1/InvoiceSent.json")));
        JsonNode data = golden.path("data");
        BillingEvents.InvoiceSent event = new BillingEvents.InvoiceSent(
                UUID.fromString(data.path("invoiceId").asText()), UUID.fromString(data.path("projectId").asText()),
                UUID.fromString(data.path("clientId").asText()), data.path("number").asText(),
                Money.of("1000.00", "EUR"), LocalDate.parse(data.path("dueDate").asText()));

        assertThat((JsonNode) mapper.valueToTree(event)).isEqualTo(data);
    }

    @Test
    void another_workspace_gets_404() {
        String invoiceId = as("ws-a").body(project(AcceptedClients.accepted("ws-a"), "100", "EUR", "20", "80"))
                .post("/v1/projects").then().statusCode(201).extract().path("depositInvoiceId");
        as("ws-b").get("/v1/invoices/" + invoiceId).then().statusCode(404);
        as("ws-b").post("/v1/invoices/" + invoiceId + "/send").then().statusCode(404);
        as("ws-a").get("/v1/invoices/" + invoiceId).then().body("status", equalTo("DRAFT"));
    }
}
