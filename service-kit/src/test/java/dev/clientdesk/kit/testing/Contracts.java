package dev.clientdesk.kit.testing;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The golden event samples under {@code contracts/} (the repository root): the contract between a producer,
 * whose event records must have exactly a sample's fields, and its consumers, which may read only those.
 */
public final class Contracts {

    private static final Path ROOT = Path.of("..", "contracts");

    private Contracts() {
    }

    /** Every sample of a topic, by event type. */
    public static List<String> eventTypes(String topic) {
        try (Stream<Path> files = Files.list(ROOT.resolve(topic))) {
            return files.map(f -> f.getFileName().toString().replace(".json", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode sample(String topic, String type) {
        try {
            return TopicReader.parse(Files.readString(ROOT.resolve(topic).resolve(type + ".json")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Set<String> dataFields(String topic, String type) {
        Set<String> fields = new TreeSet<>();
        sample(topic, type).path("data").fieldNames().forEachRemaining(fields::add);
        return fields;
    }

    public static Set<String> recordFields(Class<? extends Record> record) {
        return Arrays.stream(record.getRecordComponents()).map(c -> c.getName())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
