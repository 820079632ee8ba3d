package dev.clientdesk.kit.security;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.lang.JoseException;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether public-key text, in any form smallrye-jwt reads (PEM or bare base64 DER of a key or certificate, a JWK or
 * a JWK set, plain or base64url), holds the RSA key with a given modulus. Keys are compared by modulus because
 * the same key has many texts: re-wrapped PEM, PKCS#1 instead of SubjectPublicKeyInfo, a JWK.
 */
final class RsaKeyText {

    enum Match { THE_KEY, ANOTHER_KEY, NOT_A_KEY }

    private static final Pattern PEM_BLOCK = Pattern.compile("-----BEGIN [A-Z0-9 ]+-----(.*?)-----END [A-Z0-9 ]+-----",
            Pattern.DOTALL);

    private RsaKeyText() {
    }

    static Match match(String text, BigInteger modulus) {
        String trimmed = text.strip();
        if (trimmed.startsWith("{")) {
            return matchJson(trimmed, modulus);
        }
        if (trimmed.contains("-----BEGIN")) {
            Match best = Match.NOT_A_KEY;
            Matcher blocks = PEM_BLOCK.matcher(trimmed);
            while (blocks.find()) {
                Match block = matchDer(decode(blocks.group(1)), modulus);
                if (block.ordinal() < best.ordinal()) {
                    best = block;
                }
            }
            return best;
        }
        byte[] decoded = decode(trimmed);
        if (decoded != null && decoded.length > 0 && decoded[0] == '{') {
            return matchJson(new String(decoded, StandardCharsets.UTF_8), modulus);
        }
        return matchDer(decoded, modulus);
    }

    private static Match matchJson(String json, BigInteger modulus) {
        try {
            List<JsonWebKey> keys = json.contains("\"keys\"") ? new JsonWebKeySet(json).getJsonWebKeys()
                    : List.of(JsonWebKey.Factory.newJwk(json));
            return keys.stream().anyMatch(key -> key instanceof RsaJsonWebKey rsa
                    && rsa.getRsaPublicKey().getModulus().equals(modulus)) ? Match.THE_KEY : Match.ANOTHER_KEY;
        } catch (JoseException | RuntimeException e) {
            return Match.NOT_A_KEY;
        }
    }

    /**
     * Every DER encoding of an RSA public key (SubjectPublicKeyInfo, PKCS#1, an X.509 certificate) holds its
     * modulus as the same DER INTEGER content, so finding those bytes finds the key whatever wraps it.
     */
    private static Match matchDer(byte[] der, BigInteger modulus) {
        if (der == null || der.length == 0 || der[0] != 0x30) {
            return Match.NOT_A_KEY;
        }
        byte[] needle = modulus.toByteArray();
        outer:
        for (int start = 0; start <= der.length - needle.length; start++) {
            for (int i = 0; i < needle.length; i++) {
                if (der[start + i] != needle[i]) {
                    continue outer;
                }
            }
            return Match.THE_KEY;
        }
        return Match.ANOTHER_KEY;
    }

    private static byte[] decode(String base64) {
        String compact = base64.replaceAll("\\s", "");
        try {
            return compact.contains("-") || compact.contains("_") ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
