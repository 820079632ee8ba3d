package dev.clientdesk.client.api;

import dev.clientdesk.kit.testing.ApiOperations.PathValues;
import dev.clientdesk.kit.testing.HostileCallersContract;
import io.quarkus.test.junit.QuarkusTest;

import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static dev.clientdesk.client.api.ClientApiTest.lead;

@QuarkusTest
class HostileCallersTest extends HostileCallersContract {

    private static String registered(String tenant) {
        return as(tenant).body(lead("Nino Beridze", UUID.randomUUID() + "@example.ge", "")).post("/v1/clients")
                .then().statusCode(201).extract().path("id");
    }

    private static PathValues ids(String client, String partner) {
        return (path, parameter) -> path.startsWith("/v1/partners") ? partner
                : parameter.equals("id") ? client : null;
    }

    @Override
    protected PathValues idsOf(String tenant) {
        String client = registered(tenant);
        String partner = as(tenant).body("{\"name\":\"Giorgi\",\"email\":\"g@example.ge\"}").post("/v1/partners")
                .then().statusCode(201).extract().path("id");
        as(tenant).body("{\"kind\":\"INCIDENT\",\"text\":\"Called at midnight\"}")
                .post("/v1/clients/" + client + "/notes").then().statusCode(201);
        return ids(client, partner);
    }

    /** An accepted client with notes of every weight, and a partner. */
    @Override
    protected List<PathValues> deepStates(String tenant) {
        String client = registered(tenant);
        as(tenant).post("/v1/clients/" + client + "/accept").then().statusCode(200);
        for (String kind : List.of("INCIDENT", "SPECIAL_REQUEST", "PREFERENCE")) {
            as(tenant).body("{\"kind\":\"" + kind + "\",\"text\":\"Noted\"}")
                    .post("/v1/clients/" + client + "/notes").then().statusCode(201);
        }
        String partner = as(tenant).body("{\"name\":\"Tamar\",\"email\":\"t@example.ge\"}").post("/v1/partners")
                .then().statusCode(201).extract().path("id");
        return List.of(ids(client, partner));
    }

    @Override
    protected String serviceName() {
        return "client-service";
    }
}
