package dev.clientdesk.kit.security;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSafetyCheckTest {

    private static final String OTHER_KEY = "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----";

    @Test
    void refuses_the_development_key() {
        String devKey = ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY);
        assertThat(devKey).contains("PUBLIC KEY");
        assertThat(ProductionSafetyCheck.problems(Optional.of(devKey), Optional.of("s3cr3t-Strong")))
                .containsExactly("the JWT public key is the development key");
    }

    @Test
    void refuses_default_or_missing_passwords_and_a_missing_key() {
        assertThat(ProductionSafetyCheck.problems(Optional.of(OTHER_KEY), Optional.of("postgres"))).hasSize(1);
        assertThat(ProductionSafetyCheck.problems(Optional.empty(), Optional.empty())).hasSize(2);
    }

    @Test
    void the_development_key_behind_a_file_prefix_or_an_unreadable_location_is_refused() throws Exception {
        Path copy = Files.createTempFile("dev-key", ".pem");
        Files.writeString(copy, ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY));

        assertThat(ProductionSafetyCheck.problems(Optional.of(ProductionSafetyCheck.read("file:" + copy)),
                Optional.of("s3cr3t-Strong"))).containsExactly("the JWT public key is the development key");
        assertThat(ProductionSafetyCheck.problems(Optional.of(ProductionSafetyCheck.read("/no/such/key.pem")),
                Optional.of("s3cr3t-Strong")))
                .containsExactly("the JWT public key cannot be read (mp.jwt.verify.publickey.location)");
        Files.delete(copy);
    }

    @Test
    void accepts_a_real_key_and_password() {
        assertThat(ProductionSafetyCheck.problems(Optional.of(OTHER_KEY), Optional.of("s3cr3t-Strong"))).isEmpty();
    }
}
