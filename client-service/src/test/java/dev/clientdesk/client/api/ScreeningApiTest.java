package dev.clientdesk.client.api;

import io.quarkus.test.junit.QuarkusTest;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.clientdesk.kit.testing.TestTokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Screening through the API: word-based services, the policy's traits, reasons in the workspace's language. */
@QuarkusTest
class ScreeningApiTest {

    private static final String POLICY = "{\"servicesOffered\":[\"Logo design\",\"brand identity\"],"
            + "\"minimumBudget\":{\"amount\":\"500\",\"currency\":\"EUR\"},"
            + "\"idealClientTraits\":[\"clear brief\"],\"unwantedTraits\":[\"wants it yesterday\"],"
            + "\"friendsAndFamily\":\"REVIEW\",\"maxBelowTargetShare\":20,\"letterSignature\":\"Elif\","
            + "\"defaultLocale\":\"%s\"}";

    @Test
    void a_logo_is_within_logo_design_and_the_traits_the_lead_matched_are_named_in_the_workspace_language() {
        String tenant = "ws-screen-tr-" + UUID.randomUUID();
        as(tenant).body(POLICY.formatted("tr")).put("/v1/policy").then().statusCode(200);

        as(tenant).body("{\"name\":\"Ayşe\",\"email\":\"ayse@example.com\",\"requestedService\":\"LOGO\","
                        + "\"needs\":\"A logo for my bakery; I have a clear brief and want it yesterday.\","
                        + "\"budget\":{\"amount\":\"800\",\"currency\":\"EUR\"}}")
                .post("/v1/clients").then().statusCode(201)
                .body("needs", equalTo("A logo for my bakery; I have a clear brief and want it yesterday."))
                .body("screening.flags.code", equalTo(List.of("UNWANTED_TRAIT")))
                .body("screening.flags[0].traits", equalTo(List.of("wants it yesterday")))
                .body("screening.flags[0].reason",
                        equalTo("Bir müşteride istemediğiniz özelliklerle örtüşüyor: “wants it yesterday”."))
                .body("screening.matchedIdealTraits", equalTo(List.of("clear brief")))
                .body("screening.missingSettings", equalTo(List.of()))
                .body("screening.recommendation", equalTo("REVIEW"));
    }

    @Test
    void a_service_really_outside_the_offer_is_declined_with_the_seeds_reason_in_bulgarian() {
        String tenant = "ws-screen-bg-" + UUID.randomUUID();
        as(tenant).body(POLICY.formatted("bg")).put("/v1/policy").then().statusCode(200);

        as(tenant).body("{\"name\":\"Иван\",\"email\":\"ivan@example.bg\",\"requestedService\":\"plumbing\","
                        + "\"signals\":{\"rudeWhileScheduling\":true}}")
                .post("/v1/clients").then().statusCode(201)
                .body("screening.recommendation", equalTo("DECLINE"))
                .body("screening.flags.reason", hasItem("Иска нещо извън вашите услуги, умения или ценности. Ако"
                        + " първата ви мисъл е „Е, предполагам, че мога да направя и това“, отговорът е „не“."))
                .body("screening.flags.reason", hasItem("Не зачита етиката, границите или личното пространство;"
                        + " груб е или изтощителен още докато уговаряте първата среща. Ако вътрешно казвате „не“,"
                        + " не казвайте „да“."));
    }

    @Test
    void a_fresh_workspace_names_the_settings_screening_could_not_check_until_a_policy_is_saved() {
        String tenant = "ws-screen-fresh-" + UUID.randomUUID();
        String cheap = "{\"name\":\"Cheap\",\"email\":\"cheap@example.com\",\"requestedService\":\"plumbing\","
                + "\"budget\":{\"amount\":\"1\",\"currency\":\"EUR\"}}";

        as(tenant).body(cheap).post("/v1/clients").then().statusCode(201)
                .body("screening.flags", equalTo(List.of()))
                .body("screening.missingSettings", equalTo(List.of("servicesOffered", "minimumBudget")))
                .body("screening.recommendation", equalTo("ACCEPT"));

        as(tenant).body(POLICY.formatted("en")).put("/v1/policy").then().statusCode(200);
        as(tenant).body(cheap.replace("cheap@", "cheap2@")).post("/v1/clients").then().statusCode(201)
                .body("screening.missingSettings", equalTo(List.of()))
                .body("screening.flags.code", hasItem("BUDGET_BELOW_MINIMUM"))
                .body("screening.flags.code", hasItem("OUTSIDE_SERVICES"))
                .body("screening.recommendation", not(equalTo("ACCEPT")));
    }
}
