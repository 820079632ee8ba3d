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

    @Override
    protected PathValues idsOf(String tenant) {
        String client = UUID.randomUUID().toString();
        var contracted = as(tenant).body(project(UUID.fromString(client), "1000.00", "EUR", "20", "40", "40"))
                .post("/v1/projects").then().statusCode(201).extract();
        String project = contracted.path("id");
        String invoice = contracted.path("depositInvoiceId");
        String milestone = contracted.<List<String>>path("milestones.id").get(0);
        return (path, parameter) -> switch (parameter) {
            case "clientId" -> client;
            case "milestoneId" -> milestone;
            case "id" -> path.startsWith("/v1/invoices") ? invoice : project;
            default -> null;
        };
    }

    @Override
    protected String serviceName() {
        return "billing-service";
    }
}
