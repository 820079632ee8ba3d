package dev.clientdesk.kit.sample;

import dev.clientdesk.kit.testing.TestTokens;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import static io.restassured.RestAssured.given;

/** Request helpers for the sample API. */
public final class WidgetApi {

    private WidgetApi() {
    }

    public static RequestSpecification as(String tenant) {
        return given().header("Authorization", TestTokens.bearer(tenant)).contentType(ContentType.JSON);
    }

    public static String create(String tenant, String name) {
        return as(tenant).body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}")
                .post("/v1/widgets").then().statusCode(201).extract().path("id");
    }
}
