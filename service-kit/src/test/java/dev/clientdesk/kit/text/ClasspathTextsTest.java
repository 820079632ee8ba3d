package dev.clientdesk.kit.text;

import org.junit.jupiter.api.Test;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClasspathTextsTest {

    @Test
    void properties_are_read_as_utf8() {
        Properties properties = ClasspathTexts.properties("texts/sample.properties");

        assertThat(properties.getProperty("greeting")).isEqualTo("Sayın {name},");
        assertThat(properties.getProperty("quote.open")).isEqualTo("«");
        assertThat(properties.getProperty("quote.close")).isEqualTo("»");
    }

    @Test
    void a_text_file_is_read_whole_as_utf8() {
        assertThat(ClasspathTexts.text("texts/sample.txt")).isEqualTo("Қош келдіңіз\nЕкінші жол — соңы.\n");
    }

    @Test
    void a_missing_resource_is_named_in_the_failure() {
        assertThatThrownBy(() -> ClasspathTexts.properties("texts/absent.properties"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("texts/absent.properties");
        assertThatThrownBy(() -> ClasspathTexts.text("texts/absent.txt"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("texts/absent.txt");
    }
}
