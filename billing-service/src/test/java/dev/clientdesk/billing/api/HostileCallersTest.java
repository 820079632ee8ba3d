package dev.clientdesk.billing.api;

import dev.clientdesk.billing.AcceptedClients;
import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.TopicReader;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.billing.api.BillingApiTest.project;

@QuarkusTest
class HostileCallersTest extends HostileCallersContract {

    record Contracted(String projectId, String depositInvoiceId, List<String> milestoneIds) {
    }

    static Contracted contract(String tenant, UUID client) {
        var contracted = as(tenant).body(project(client, "1000.00", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract();
        return new Contracted(contracted.path("id"), contracted.path("depositInvoiceId"),
                contracted.path("milestones.id"));
    }

    static PathValues ids(UUID client, String project, String invoice, String milestone) {
        return ids(client, project, invoice, milestone, null, Map.of());
    }

    /** @param records ids of payments, time entries, revisions and refunds by path parameter */
    static PathValues ids(UUID client, String project, String invoice, String milestone, String refundProject,
            Map<String, String> records) {
        return (path, parameter) -> switch (parameter) {
            case "clientId" -> client.toString();
            case "milestoneId" -> milestone;
            case "id" -> path.startsWith("/v1/invoices") ? invoice
                    : path.contains("/refunds") && refundProject != null ? refundProject : project;
            default -> records.get(parameter);
        };
    }

    /**
     * An active project with a payment on its deposit, a time entry and a revision; and a second client's
     * project settled on offboarding, with its refund.
     */
    @Override
    protected PathValues idsOf(String tenant) {
        UUID client = AcceptedClients.accepted(tenant);
        Contracted c = contract(tenant, client);
        as(tenant).post("/v1/invoices/" + c.depositInvoiceId() + "/send").then().statusCode(200);
        String payment = as(tenant).body("{\"amount\":{\"amount\":\"200.00\",\"currency\":\"EUR\"}}")
                .post("/v1/invoices/" + c.depositInvoiceId() + "/payments").then().statusCode(201).extract().path("id");
        String entry = as(tenant).body("{\"minutes\":60,\"kind\":\"WORK\"}")
                .post("/v1/projects/" + c.projectId() + "/time-entries").then().statusCode(201).extract().path("id");
        String revision = as(tenant).body("{}").post("/v1/projects/" + c.projectId() + "/revisions").then()
                .statusCode(201).extract().path("id");

        UUID leaving = AcceptedClients.accepted(tenant);
        Contracted settled = contract(tenant, leaving);
        as(tenant).post("/v1/invoices/" + settled.depositInvoiceId() + "/send").then().statusCode(200);
        PaymentApiTest.pay(tenant, settled.depositInvoiceId(), "200.00", "EUR", 201);
        AcceptedClients.announce(tenant, leaving, "ClientOffboarded");
        String refund = TopicReader.envelopes("billing.v1", e -> "RefundIssued".equals(e.path("type").asText())
                && settled.projectId().equals(e.path("subject").asText()), 1, Duration.ofSeconds(30))
                .get(0).path("data").path("refundId").asText();

        return ids(client, c.projectId(), c.depositInvoiceId(), c.milestoneIds().get(0), settled.projectId(),
                Map.of("paymentId", payment, "entryId", entry, "revisionId", revision, "refundId", refund));
    }

    /** A sent deposit invoice; an active project (deposit paid) with a sent, part-paid stage invoice. */
    @Override
    protected List<PathValues> deepStates(String tenant) {
        UUID client = AcceptedClients.accepted(tenant);
        Contracted awaiting = contract(tenant, client);
        as(tenant).post("/v1/invoices/" + awaiting.depositInvoiceId() + "/send").then().statusCode(200);

        Contracted active = contract(tenant, client);
        as(tenant).post("/v1/invoices/" + active.depositInvoiceId() + "/send").then().statusCode(200);
        PaymentApiTest.pay(tenant, active.depositInvoiceId(), "200.00", "EUR", 201);
        String stageInvoice = as(tenant).post("/v1/projects/" + active.projectId() + "/milestones/"
                + active.milestoneIds().get(0) + "/complete").then().statusCode(201).extract().path("id");
        as(tenant).post("/v1/invoices/" + stageInvoice + "/send").then().statusCode(200);
        PaymentApiTest.pay(tenant, stageInvoice, "100.00", "EUR", 201);
        as(tenant).body("{\"minutes\":60,\"kind\":\"WORK\"}").post("/v1/projects/" + active.projectId()
                + "/time-entries").then().statusCode(201);

        return List.of(ids(client, awaiting.projectId(), awaiting.depositInvoiceId(), awaiting.milestoneIds().get(0)),
                ids(client, active.projectId(), stageInvoice, active.milestoneIds().get(1)));
    }

    @Override
    protected String serviceName() {
        return "billing-service";
    }
}
