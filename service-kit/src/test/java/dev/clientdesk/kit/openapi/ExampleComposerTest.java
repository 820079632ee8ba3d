package dev.clientdesk.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleComposerTest {

    private final ExampleComposer composer = new ExampleComposer();

    @Test
    void declared_examples_win_and_references_are_followed() {
        Schema money = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addExample(Map.of("amount", "1250.00", "currency", "EUR"));
        Schema request = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("name", OASFactory.createSchema().addType(SchemaType.STRING).addExample("Aigerim"))
                .addProperty("budget", OASFactory.createSchema().ref("#/components/schemas/Money"))
                .addProperty("id", OASFactory.createSchema().addType(SchemaType.STRING).format("uuid"))
                .addProperty("kind", OASFactory.createSchema().addType(SchemaType.STRING)
                        .enumeration(List.of("NOTE", "INCIDENT")))
                .addProperty("tags", OASFactory.createSchema().addType(SchemaType.ARRAY)
                        .items(OASFactory.createSchema().addType(SchemaType.STRING)));

        Object example = composer.compose(request, Map.of("Money", money));

        assertThat(example).isEqualTo(Map.of("name", "Aigerim", "budget", Map.of("amount", "1250.00", "currency", "EUR"),
                "id", "8c1d2f4e-6a7b-4c3d-9e8f-0a1b2c3d4e5f", "kind", "NOTE", "tags", List.of("text")));
    }

    @Test
    void a_self_referencing_schema_ends() {
        Schema node = OASFactory.createSchema().addType(SchemaType.OBJECT)
                .addProperty("child", OASFactory.createSchema().ref("#/components/schemas/Node"));

        assertThat(composer.compose(node, Map.of("Node", node))).isInstanceOf(Map.class);
    }
}
