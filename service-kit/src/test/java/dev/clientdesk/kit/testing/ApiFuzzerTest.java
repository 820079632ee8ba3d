package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.clientdesk.kit.testing.ApiOperations.Call;
import dev.clientdesk.kit.testing.ApiOperations.Operation;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ApiFuzzerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void fields_of_nested_objects_and_of_list_items_are_broken_one_at_a_time() throws Exception {
        JsonNode example = JSON.readTree("{\"title\":\"Site\",\"budget\":{\"amount\":\"10.00\"},"
                + "\"milestones\":[{\"name\":\"A\",\"percent\":\"40\"},{\"name\":\"B\",\"percent\":\"60\"}]}");
        Operation operation = new Operation("POST", "/v1/things", List.of(), example, null);

        List<Call> calls = ApiFuzzer.calls(ApiOperations.baseline(operation, (path, parameter) -> null));

        assertThat(calls).extracting(Call::description).contains("budget.amount = huge decimal",
                "without milestones[0]", "milestones[0] = null", "milestones[0].percent = negative",
                "without milestones[0].name");
        Call negative = calls.stream().filter(c -> c.description().equals("milestones[0].percent = negative"))
                .findFirst().orElseThrow();
        JsonNode body = JSON.readTree(negative.body());
        assertThat(body.at("/milestones/0/percent").asInt()).isEqualTo(-1);
        assertThat(body.at("/milestones/1/percent").asText()).isEqualTo("60");
        assertThat(body.at("/title").asText()).isEqualTo("Site");
        Call without = calls.stream().filter(c -> c.description().equals("without milestones[0]"))
                .findFirst().orElseThrow();
        assertThat(JSON.readTree(without.body()).at("/milestones").size()).isEqualTo(1);
    }
}
