package dev.clientdesk.kit.openapi;

import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Composes an example body from a schema: the schema's own example where it has one (records declare
 * them on their fields), else the first enum value, else a value that fits the type and format. The
 * linter validates every composed example against its schema, so a field whose pattern a placeholder
 * cannot satisfy must declare an example of its own.
 */
final class ExampleComposer {

    private static final int MAX_DEPTH = 8;
    private static final String REF_PREFIX = "#/components/schemas/";

    Object compose(Schema schema, Map<String, Schema> components) {
        return compose(schema, components == null ? Map.of() : components, 0);
    }

    private Object compose(Schema schema, Map<String, Schema> components, int depth) {
        if (schema == null || depth > MAX_DEPTH) {
            return null;
        }
        Object declared = declared(schema);
        if (declared != null) {
            return declared;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            return schema.getRef().startsWith(REF_PREFIX) ? compose(components.get(name), components, depth + 1) : null;
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            Map<String, Object> merged = new LinkedHashMap<>();
            for (Schema part : schema.getAllOf()) {
                if (compose(part, components, depth + 1) instanceof Map<?, ?> map) {
                    map.forEach((key, value) -> merged.put(key.toString(), value));
                }
            }
            return merged;
        }
        List<Schema> alternatives = schema.getOneOf() != null ? schema.getOneOf() : schema.getAnyOf();
        if (alternatives != null && !alternatives.isEmpty()) {
            return compose(alternatives.get(0), components, depth + 1);
        }
        if (schema.getProperties() != null) {
            return object(schema, components, depth);
        }
        switch (type(schema)) {
            case OBJECT:
                Schema values = schema.getAdditionalPropertiesSchema();
                return values == null ? Map.of() : Map.of("key", compose(values, components, depth + 1));
            case ARRAY:
                Object item = compose(schema.getItems(), components, depth + 1);
                return item == null ? List.of() : List.of(item);
            case INTEGER:
                return schema.getMinimum() == null ? 1 : schema.getMinimum().max(BigDecimal.ONE).intValue();
            case NUMBER:
                return schema.getMinimum() == null ? 1.5 : schema.getMinimum().max(BigDecimal.ONE);
            case BOOLEAN:
                return false;
            case STRING:
                return string(schema.getFormat());
            default:
                return null;
        }
    }

    private Map<String, Object> object(Schema schema, Map<String, Schema> components, int depth) {
        Map<String, Object> object = new LinkedHashMap<>();
        schema.getProperties().forEach((name, property) -> {
            Object value = compose(property, components, depth + 1);
            if (value != null) {
                object.put(name, value);
            }
        });
        return object;
    }

    private static Object declared(Schema schema) {
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getDefaultValue() != null) {
            return schema.getDefaultValue();
        }
        if (schema.getConstValue() != null) {
            return schema.getConstValue();
        }
        return schema.getEnumeration() == null || schema.getEnumeration().isEmpty() ? null
                : schema.getEnumeration().get(0);
    }

    private static SchemaType type(Schema schema) {
        if (schema.getType() == null) {
            return SchemaType.NULL;
        }
        return schema.getType().stream().filter(t -> t != SchemaType.NULL).findFirst().orElse(SchemaType.NULL);
    }

    private static String string(String format) {
        if (format == null) {
            return "text";
        }
        switch (format) {
            case "uuid":
                return "8c1d2f4e-6a7b-4c3d-9e8f-0a1b2c3d4e5f";
            case "date-time":
                return "2026-11-23T09:30:00Z";
            case "date":
                return "2026-11-23";
            case "email":
                return "client@example.com";
            case "uri":
                return "https://example.com";
            default:
                return "text";
        }
    }
}
