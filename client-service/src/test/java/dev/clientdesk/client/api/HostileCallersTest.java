package dev.clientdesk.client.api;

import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;

@QuarkusTest
class HostileCallersTest extends HostileCallersContract {

    @Override
    protected PathValues idsOf(String tenant) {
        String client = as(tenant).body(lead("Nino Beridze", tenant + "@example.ge", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
        String partner = as(tenant).body("{\"name\":\"Giorgi\",\"email\":\"g@example.ge\"}").post("/v1/partners")
                .then().statusCode(201).extract().path("id");
        as(tenant).body("{\"kind\":\"INCIDENT\",\"text\":\"Called at midnight\"}")
                .post("/v1/clients/" + client + "/notes").then().statusCode(201);
        return (path, parameter) -> path.startsWith("/v1/partners") ? partner
                : parameter.equals("id") ? client : null;
    }

    @Override
    protected String serviceName() {
        return "client-service";
    }
}
