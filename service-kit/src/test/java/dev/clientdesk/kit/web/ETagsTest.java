package dev.clientdesk.kit.web;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;

class ETagsTest {

    @Test
    void ok_carries_the_body_and_the_version_as_a_strong_tag() {
        Response response = ETags.ok("body", 7);

        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(response.getEntity()).isEqualTo("body");
        assertThat(response.getEntityTag()).isEqualTo(new EntityTag("7"));
        assertThat(response.getEntityTag().isWeak()).isFalse();
    }

    @Test
    void created_names_the_location_and_carries_the_body_and_the_version() {
        Response response = ETags.created(URI.create("http://localhost/v1/widgets/1"), "body", 0);

        assertThat(response.getStatus()).isEqualTo(201);
        assertThat(response.getLocation()).isEqualTo(URI.create("http://localhost/v1/widgets/1"));
        assertThat(response.getEntity()).isEqualTo("body");
        assertThat(response.getEntityTag()).isEqualTo(new EntityTag("0"));
    }
}
