package dev.clientdesk.billing.api;

import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
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
        return (path, parameter) -> switch (parameter) {
            case "clientId" -> client.toString();
            case "milestoneId" -> milestone;
            case "id" -> path.startsWith("/v1/invoices") ? invoice : project;
            default -> null;
        };
    }

    @Override
    protected PathValues idsOf(String tenant) {
        UUID client = UUID.randomUUID();
        Contracted c = contract(tenant, client);
        return ids(client, c.projectId(), c.depositInvoiceId(), c.milestoneIds().get(0));
    }

    /** A sent deposit invoice; an active project (deposit paid) with a sent, part-paid stage invoice. */
    @Override
    protected List<PathValues> deepStates(String tenant) {
        UUID client = UUID.randomUUID();
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
