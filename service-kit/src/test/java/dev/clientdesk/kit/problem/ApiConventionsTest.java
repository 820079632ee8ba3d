package dev.clientdesk.kit.problem;

import dev.clientdesk.kit.sample.WidgetApi;
import dev.clientdesk.kit.testing.ApiFuzzer;
import dev.clientdesk.kit.testing.ApiOperations;
import dev.clientdesk.kit.testing.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** problem+json, authentication, tenant isolation and optimistic locking, through real HTTP. */
@QuarkusTest
class ApiConventionsTest {

    @Test
    void validation_errors_name_the_field() {
        TestTokens.as("t1").body("{\"name\":\"\",\"colour\":\"RED\"}").post("/v1/widgets")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://clientdesk.dev/problems/validation"))
                .body("errors.field", hasItem("name"));
    }

    @Test
    void an_unknown_enum_value_is_a_400_naming_the_field_and_the_choices() {
        TestTokens.as("t1").body("{\"name\":\"x\",\"colour\":\"PURPLE\"}").post("/v1/widgets")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", containsString("RED"));
    }

    @Test
    void a_nul_character_postgresql_cannot_store_is_a_400_naming_the_field() {
        TestTokens.as("t1").body("{\"name\":\"a\\u0000b\",\"colour\":\"RED\"}").post("/v1/widgets")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", equalTo("must not contain the NUL character"));
        TestTokens.as("t1").queryParam("q", "a\u0000b").get("/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE).body("errors[0].field", equalTo("q"));
    }

    @Test
    void a_line_break_in_a_single_line_field_is_a_400_naming_the_field() {
        for (String name : new String[] {"Hi\\r\\nBcc: evil@example.com", "two\\nlines", "carriage\\rreturn"}) {
            TestTokens.as("t1").body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}").post("/v1/widgets")
                    .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                    .body("errors[0].field", equalTo("name"))
                    .body("errors[0].message", equalTo("must be a single line (no CR or LF)"));
        }
        TestTokens.as("t1").body("{\"name\":\"one line\",\"colour\":\"RED\"}").post("/v1/widgets")
                .then().statusCode(201);
    }

    @Test
    void an_announced_body_over_the_limit_is_a_413_problem() {
        var operations = ApiOperations.fromServedDocument();
        assertThat(operations).anyMatch(operation -> operation.requestExample() != null);
        assertThat(ApiFuzzer.oversizedBodiesNotRefusedEarly(operations, (path, name) -> null,
                TestTokens.bearer("t1"))).isEmpty();
    }

    @Test
    void malformed_json_and_a_missing_body_are_400_not_500() {
        TestTokens.as("t1").body("{\"name\": ").post("/v1/widgets")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        TestTokens.as("t1").post("/v1/widgets")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE);
        TestTokens.as("t1").body("{\"name\":\"x\",\"colour\":\"RED\",\"surprise\":1}").post("/v1/widgets")
                .then().statusCode(400).body("errors[0].field", equalTo("surprise"));
    }

    @Test
    void a_bad_id_and_an_unknown_path_are_problems_without_internals() {
        TestTokens.as("t1").get("/v1/widgets/not-a-uuid")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body(not(containsString("Exception")));
        TestTokens.as("t1").get("/v1/nothing-here").then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void missing_expired_foreign_forged_and_misaddressed_tokens_are_401() {
        given().get("/v1/widgets/" + UUID.randomUUID()).then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        for (String token : new String[] {TestTokens.expired("t1"), TestTokens.signedByAnotherKey("t1"),
                TestTokens.wrongIssuer("t1"), "Bearer not.a.jwt", TestTokens.wrongAudience("t1"),
                TestTokens.withoutExpiry("t1"), TestTokens.unsigned("t1"), TestTokens.hmacWithThePublicKey("t1")}) {
            given().header("Authorization", token).get("/v1/widgets/" + UUID.randomUUID())
                    .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
        }
    }

    @Test
    void a_repeated_token_is_verified_once_and_a_tampered_copy_is_still_401() {
        String bearer = TestTokens.bearer("t-repeat");
        double reusedBefore = reusedTokens();

        for (int i = 0; i < 3; i++) {
            given().header("Authorization", bearer).get("/v1/widgets/" + UUID.randomUUID()).then().statusCode(404);
        }
        assertThat(reusedTokens()).isGreaterThanOrEqualTo(reusedBefore + 2);

        int inSignature = bearer.length() - 20;
        char flipped = bearer.charAt(inSignature) == 'A' ? 'B' : 'A';
        String tampered = bearer.substring(0, inSignature) + flipped + bearer.substring(inSignature + 1);
        given().header("Authorization", tampered).get("/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(401).contentType(Problem.MEDIA_TYPE);
    }

    private static double reusedTokens() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(line -> line.startsWith("clientdesk_security_verified_tokens_reused_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElseThrow(() -> new AssertionError("no verified-token counter in /q/metrics"));
    }

    @Test
    void a_token_without_a_workspace_is_403() {
        given().header("Authorization", TestTokens.withoutTenant()).get("/v1/widgets/" + UUID.randomUUID())
                .then().statusCode(403).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void another_workspace_gets_404_and_changes_nothing() {
        String id = WidgetApi.create("owner", "mine");
        TestTokens.as("intruder").get("/v1/widgets/" + id).then().statusCode(404);
        TestTokens.as("intruder").header("If-Match", "\"0\"").body("{\"name\":\"stolen\"}")
                .patch("/v1/widgets/" + id).then().statusCode(404);
        TestTokens.as("owner").get("/v1/widgets/" + id).then().statusCode(200).body("name", equalTo("mine"));
    }

    @Test
    void writes_need_the_current_etag() {
        String id = WidgetApi.create("t-etag", "v0");
        String etag = TestTokens.as("t-etag").get("/v1/widgets/" + id).then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");

        TestTokens.as("t-etag").body("{\"name\":\"no precondition\"}").patch("/v1/widgets/" + id)
                .then().statusCode(428).contentType(Problem.MEDIA_TYPE);
        String next = TestTokens.as("t-etag").header("If-Match", etag).body("{\"name\":\"v1\"}")
                .patch("/v1/widgets/" + id).then().statusCode(200).extract().header("ETag");
        assertNotEqual(etag, next);
        TestTokens.as("t-etag").header("If-Match", etag).body("{\"name\":\"stale\"}").patch("/v1/widgets/" + id)
                .then().statusCode(412).contentType(Problem.MEDIA_TYPE);
        TestTokens.as("t-etag").get("/v1/widgets/" + id).then().body("name", equalTo("v1"));
    }

    @Test
    void an_idempotency_key_replays_the_first_response_and_refuses_a_different_body() {
        String key = UUID.randomUUID().toString();
        String first = TestTokens.as("t-idem").header("Idempotency-Key", key)
                .body("{\"name\":\"once\",\"colour\":\"GREEN\"}").post("/v1/widgets")
                .then().statusCode(201).extract().path("id");
        TestTokens.as("t-idem").header("Idempotency-Key", key).body("{\"name\":\"once\",\"colour\":\"GREEN\"}")
                .post("/v1/widgets").then().statusCode(201)
                .header("Idempotent-Replayed", "true")
                .header("Location", containsString(first))
                .header("ETag", equalTo("\"0\""))
                .body("id", equalTo(first));
        TestTokens.as("t-idem").header("Idempotency-Key", key).body("{\"name\":\"twice\",\"colour\":\"GREEN\"}")
                .post("/v1/widgets").then().statusCode(422).contentType(Problem.MEDIA_TYPE)
                .body("type", equalTo("https://clientdesk.dev/problems/idempotency-key-reused"));
        // The same key in another workspace is another key.
        TestTokens.as("t-idem-other").header("Idempotency-Key", key).body("{\"name\":\"once\",\"colour\":\"GREEN\"}")
                .post("/v1/widgets").then().statusCode(201).body("id", not(equalTo(first)));
    }

    @Test
    void the_openapi_document_declares_the_bearer_scheme() {
        given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"));
    }

    @Test
    void readiness_reports_the_database_but_not_the_broker_the_outbox_can_wait_for() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", not(hasItem(containsString("Kafka"))))
                .body("checks.name", hasItem(containsString("Database")));
    }

    private static void assertNotEqual(String a, String b) {
        org.assertj.core.api.Assertions.assertThat(b).isNotEqualTo(a);
    }
}
