package dev.clientdesk.kit.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Texts a service ships in its own resources ({@code letters/}, {@code terms/}, ...), always read as UTF-8.
 * A path is looked up with the class loader of the class that asks, so it finds that service's resources
 * whichever loader holds service-kit.
 */
public final class ClasspathTexts {

    private static final StackWalker CALLER = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE);

    private ClasspathTexts() {
    }

    /**
     * The UTF-8 {@code .properties} file at {@code path}.
     * @throws IllegalStateException when there is no such resource
     */
    public static Properties properties(String path) {
        try (InputStream in = open(CALLER.getCallerClass(), path)) {
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath text " + path, e);
        }
    }

    /**
     * The UTF-8 text file at {@code path}, as it is.
     * @throws IllegalStateException when there is no such resource
     */
    public static String text(String path) {
        try (InputStream in = open(CALLER.getCallerClass(), path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read classpath text " + path, e);
        }
    }

    private static InputStream open(Class<?> caller, String path) {
        InputStream in = caller.getClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("missing classpath text " + path);
        }
        return in;
    }
}
