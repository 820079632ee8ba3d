package dev.clientdesk.kit.security;

import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ProductionSafetyCheckTest {

    private static final String DEV_KEY_REFUSED = "the JWT public key is the development key";
    private static final String STRONG = "s3cr3t-Strong";

    @Test
    void only_the_dev_test_and_local_profiles_may_run_with_development_secrets() {
        assertThat(ProductionSafetyCheck.guards(List.of("prod"))).isTrue();
        assertThat(ProductionSafetyCheck.guards(List.of("staging"))).isTrue();
        assertThat(ProductionSafetyCheck.guards(List.of("local", "prod"))).isTrue();
        assertThat(ProductionSafetyCheck.guards(List.of())).isTrue();
        assertThat(ProductionSafetyCheck.guards(List.of("dev"))).isFalse();
        assertThat(ProductionSafetyCheck.guards(List.of("test"))).isFalse();
        assertThat(ProductionSafetyCheck.guards(List.of("local"))).isFalse();
    }

    @Test
    void refuses_the_development_key_from_the_classpath_with_or_without_prefix() {
        assertThat(ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY)).contains("PUBLIC KEY");
        assertThat(problems(ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY)))
                .containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(ProductionSafetyCheck.read("classpath:" + ProductionSafetyCheck.DEV_PUBLIC_KEY)))
                .containsExactly(DEV_KEY_REFUSED);
    }

    @Test
    void refuses_the_development_key_re_encoded_as_pem_der_or_pkcs1() {
        byte[] spki = devKey().getEncoded();
        String rewrapped = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(40, "\r\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(spki) + "\n-----END PUBLIC KEY-----\n";
        // the SubjectPublicKeyInfo of a 2048-bit key is a 24-byte header around the PKCS#1 RSAPublicKey
        String pkcs1 = "-----BEGIN RSA PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(Arrays.copyOfRange(spki, 24, spki.length))
                + "\n-----END RSA PUBLIC KEY-----";

        assertThat(problems(rewrapped)).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(Base64.getEncoder().encodeToString(spki))).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(pkcs1)).containsExactly(DEV_KEY_REFUSED);
    }

    @Test
    void refuses_the_development_key_as_a_jwk_or_in_a_jwk_set_inline_or_in_a_file() throws Exception {
        String jwk = new RsaJsonWebKey((RSAPublicKey) devKey()).toJson();
        String jwks = new JsonWebKeySet(new RsaJsonWebKey((RSAPublicKey) otherKey()),
                new RsaJsonWebKey((RSAPublicKey) devKey())).toJson();
        Path file = Files.createTempFile("jwks", ".json");
        Files.writeString(file, jwks);

        assertThat(problems(jwk)).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(jwks)).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(Base64.getUrlEncoder().withoutPadding()
                .encodeToString(jwk.getBytes(StandardCharsets.UTF_8)))).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(ProductionSafetyCheck.read("file:" + file))).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(ProductionSafetyCheck.read(file.toString()))).containsExactly(DEV_KEY_REFUSED);
        Files.delete(file);
    }

    @Test
    void the_development_key_behind_a_file_prefix_or_an_unreadable_location_is_refused() throws Exception {
        Path copy = Files.createTempFile("dev-key", ".pem");
        Files.writeString(copy, ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY));

        assertThat(problems(ProductionSafetyCheck.read("file:" + copy))).containsExactly(DEV_KEY_REFUSED);
        assertThat(problems(ProductionSafetyCheck.read("/no/such/key.pem")))
                .containsExactly("the JWT public key cannot be read (mp.jwt.verify.publickey.location)");
        assertThat(problems("not a key at all"))
                .containsExactly("the JWT public key cannot be read (mp.jwt.verify.publickey.location)");
        Files.delete(copy);
    }

    @Test
    void refuses_default_or_missing_passwords_and_a_missing_key() {
        assertThat(ProductionSafetyCheck.problems(Optional.of(pem(otherKey())), Optional.of("postgres"))).hasSize(1);
        assertThat(ProductionSafetyCheck.problems(Optional.empty(), Optional.empty())).hasSize(2);
    }

    @Test
    void accepts_another_key_in_any_form_and_a_real_password() {
        PublicKey other = otherKey();
        assertThat(problems(pem(other))).isEmpty();
        assertThat(problems(new RsaJsonWebKey((RSAPublicKey) other).toJson())).isEmpty();
        assertThat(problems(new JsonWebKeySet(new RsaJsonWebKey((RSAPublicKey) other)).toJson())).isEmpty();
        assertThat(problems(ProductionSafetyCheck.read("https://idp.example/jwks"))).isEmpty();
    }

    private static List<String> problems(String keyText) {
        return ProductionSafetyCheck.problems(Optional.of(keyText), Optional.of(STRONG));
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    private static PublicKey devKey() {
        try {
            String pem = ProductionSafetyCheck.read(ProductionSafetyCheck.DEV_PUBLIC_KEY);
            byte[] der = Base64.getMimeDecoder().decode(pem.replaceAll("-----[A-Z ]+-----", ""));
            return KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(der));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicKey otherKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair().getPublic();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
