package dev.clientdesk.kit.sample;

import static dev.clientdesk.kit.testing.TestTokens.as;

/** Request helpers for the sample API. */
public final class WidgetApi {

    private WidgetApi() {
    }

    public static String create(String tenant, String name) {
        return as(tenant).body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}")
                .post("/v1/widgets").then().statusCode(201).extract().path("id");
    }
}
