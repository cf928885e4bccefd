package io.claimlens.report;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * The HTML templates (classpath {@code templates/}) and the one Pebble engine that renders them.
 *
 * <p>Auto-escaping is on with the HTML strategy, so every value a template prints is escaped unless the template
 * says {@code | raw}; only our own static resources (the index page's script) are printed raw. Strict variables
 * make a misspelt name an error instead of an empty string. The engine is thread-safe and caches compiled
 * templates.
 */
final class Templates {

    private static final PebbleEngine ENGINE = new PebbleEngine.Builder()
            .loader(loader())
            .autoEscaping(true)
            .defaultEscapingStrategy("html")
            .strictVariables(true)
            .newLineTrimming(false)
            .defaultLocale(Locale.ROOT)
            .build();

    private Templates() {
    }

    private static ClasspathLoader loader() {
        ClasspathLoader l = new ClasspathLoader(Templates.class.getClassLoader());
        l.setPrefix("templates");
        return l;
    }

    static String render(String template, Map<String, Object> model) {
        StringWriter w = new StringWriter();
        try {
            ENGINE.getTemplate(template).evaluate(w, model, Locale.ROOT);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render template " + template, e);
        }
        return w.toString();
    }

    /** A static resource under {@code templates/}, as text. */
    static String resource(String name) {
        String path = "templates/" + name;
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource not found on the classpath: " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path, e);
        }
    }

    /** The CSP source expression that allows exactly this inline script: {@code 'sha256-<base64>'}. */
    static String cspHash(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
