package dev.clientdesk.kit.openapi;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** The shared conventions as they reach the sample service's served OpenAPI document. */
@QuarkusTest
class OpenApiConventionsTest {

    @Test
    void each_operation_gets_the_errors_its_shape_can_produce() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/widgets'.post.responses", hasKey("400"))
                .body("paths.'/v1/widgets'.post.responses", hasKey("401"))
                .body("paths.'/v1/widgets'.post.responses", hasKey("409"))
                .body("paths.'/v1/widgets'.post.responses.'422'.'$ref'",
                        equalTo("#/components/responses/UnprocessableEntity"))
                .body("paths.'/v1/widgets'.post.responses", not(hasKey("404")))
                .body("paths.'/v1/widgets'.post.responses", not(hasKey("412")))
                .body("paths.'/v1/widgets/{id}'.get.responses", hasKey("404"))
                .body("paths.'/v1/widgets/{id}'.get.responses", not(hasKey("409")))
                .body("paths.'/v1/widgets/{id}'.patch.responses", hasKey("412"))
                .body("paths.'/v1/widgets/{id}'.patch.responses", hasKey("428"))
                .body("components.responses.NotFound.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"));
    }

    @Test
    void every_operation_may_be_rate_limited_and_a_body_may_find_the_server_busy() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/v1/widgets'.post.responses.'429'.'$ref'",
                        equalTo("#/components/responses/TooManyRequests"))
                .body("paths.'/v1/widgets/{id}'.get.responses", hasKey("429"))
                .body("paths.'/v1/widgets/{id}'.patch.responses", hasKey("429"))
                .body("paths.'/v1/widgets'.post.responses", hasKey("503"))
                .body("paths.'/v1/widgets/{id}'.get.responses", not(hasKey("503")))
                .body("components.responses.TooManyRequests.headers", hasKey("Retry-After"))
                .body("components.responses.ServiceUnavailable.headers", hasKey("Retry-After"));
    }

    @Test
    void headers_bodies_and_ids_follow_the_conventions() {
        given().accept("application/json").get("/q/openapi?format=json").then().statusCode(200)
                .body("security[0]", hasKey("bearer"))
                .body("paths.'/v1/widgets'.post.operationId", equalTo("createWidget"))
                .body("paths.'/v1/widgets/{id}'.patch.operationId", equalTo("rename"))
                .body("paths.'/v1/widgets/{id}'.patch.parameters.find { it.name == 'If-Match' }.required",
                        equalTo(true))
                .body("paths.'/v1/widgets'.post.requestBody.content.'application/json'.example.colour",
                        equalTo("RED"))
                .body("components.schemas.CreateWidget.additionalProperties", equalTo(false));
    }
}
