package io.claimlens.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.claimlens.model.ContentHash;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads and writes model directories: {@code card.json}, {@code MODEL_CARD.md} and the files the card lists, each
 * verified by SHA-256 on load.
 *
 * <p>A model is found either in a directory on disk or on the classpath under {@code models/<id>/} (the project's
 * {@code models/} folder is packaged there). A missing or mismatching file is a {@link ModelIntegrityException}
 * naming the model and the file; nothing falls back to another model.
 */
public final class ModelStore {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private ModelStore() {
    }

    /** A verified model: its card and the bytes of its files. */
    public record Loaded(ModelCard card, Map<String, byte[]> files, String location) {

        public byte[] file(String name) {
            byte[] b = files.get(name);
            if (b == null) {
                throw new ModelIntegrityException("model " + card.id() + " has no file '" + name + "'");
            }
            return b;
        }
    }

    /** Thrown when a model is missing, incomplete or does not match its card. */
    public static final class ModelIntegrityException extends RuntimeException {
        public ModelIntegrityException(String message) {
            super(message);
        }
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /**
     * Loads a model from {@code location}: a directory path, or {@code classpath:models/<id>}.
     */
    public static Loaded load(String location) {
        boolean cp = location.startsWith("classpath:");
        String base = cp ? location.substring("classpath:".length()) : location;
        byte[] cardBytes = read(cp, base, "card.json", location);
        ModelCard card;
        try {
            card = JSON.readValue(cardBytes, ModelCard.class);
        } catch (IOException e) {
            throw new ModelIntegrityException("model card " + location + "/card.json is not valid: " + e.getMessage());
        }
        if (card.id() == null || card.files() == null || card.files().isEmpty()) {
            throw new ModelIntegrityException("model card " + location + "/card.json names " + (card.id() == null
                    ? "no model id" : "no files with their SHA-256 for model " + card.id()) + "; refusing to load a "
                    + "model that cannot be verified (cards are written by ModelStore.write when a model is trained)");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Map.Entry<String, String> f : card.files().entrySet()) {
            byte[] bytes = read(cp, base, f.getKey(), location);
            String actual = ContentHash.sha256Hex(bytes);
            if (!actual.equals(f.getValue())) {
                throw new ModelIntegrityException("model " + card.id() + ": file " + f.getKey() + " has SHA-256 "
                        + actual + " but its card says " + f.getValue() + "; refusing to load a model that does not "
                        + "match its card (retrain it, or restore the file)");
            }
            files.put(f.getKey(), bytes);
        }
        return new Loaded(card, files, location);
    }

    private static byte[] read(boolean classpath, String base, String name, String location) {
        if (classpath) {
            String res = base.endsWith("/") ? base + name : base + "/" + name;
            try (InputStream in = ModelStore.class.getClassLoader().getResourceAsStream(res)) {
                if (in == null) {
                    throw new ModelIntegrityException("model file not found on the classpath: " + res
                            + " (models/ is packaged by mvn package; train it with 'claimlens train')");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + res, e);
            }
        }
        Path p = Path.of(base).resolve(name);
        if (!Files.isRegularFile(p)) {
            throw new ModelIntegrityException("model file not found: " + p + " (model " + location + ")");
        }
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + p, e);
        }
    }

    /**
     * Writes the model's files, then its card with their hashes, then MODEL_CARD.md. Files are written in name
     * order and the JSON has sorted keys, so the same training gives the same bytes.
     */
    public static ModelCard write(Path dir, ModelCard card, Map<String, byte[]> files) throws IOException {
        Files.createDirectories(dir);
        Map<String, String> hashes = new TreeMap<>();
        for (Map.Entry<String, byte[]> f : new TreeMap<>(files).entrySet()) {
            Files.write(dir.resolve(f.getKey()), f.getValue());
            hashes.put(f.getKey(), ContentHash.sha256Hex(f.getValue()));
        }
        ModelCard withHashes = new ModelCard(card.id(), card.kind(), card.created(), card.command(), card.seed(),
                card.encoder(), card.encoderSha256(), card.config(), card.data(), card.metrics(), hashes,
                card.notes());
        Files.write(dir.resolve("card.json"), JSON.writeValueAsBytes(withHashes));
        Files.writeString(dir.resolve("MODEL_CARD.md"), renderMarkdown(withHashes));
        return withHashes;
    }

    public static byte[] toJson(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T fromJson(byte[] bytes, Class<T> type) {
        try {
            return JSON.readValue(bytes, type);
        } catch (IOException e) {
            throw new ModelIntegrityException("cannot parse model file as " + type.getSimpleName() + ": "
                    + e.getMessage());
        }
    }

    static String renderMarkdown(ModelCard c) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Model card: ").append(c.id()).append("\n\n");
        sb.append("Generated from `card.json` by the trainer; do not edit by hand.\n\n");
        sb.append("| | |\n|---|---|\n");
        sb.append("| kind | ").append(c.kind()).append(" |\n");
        sb.append("| trained | ").append(c.created()).append(" |\n");
        sb.append("| command | `").append(c.command()).append("` |\n");
        sb.append("| seed | ").append(c.seed()).append(" |\n");
        if (c.encoder() != null) {
            sb.append("| encoder | ").append(c.encoder()).append(" (`").append(c.encoderSha256(), 0,
                    Math.min(16, c.encoderSha256() == null ? 0 : c.encoderSha256().length())).append("…`) |\n");
        }
        sb.append("\n## What it is\n\n").append(c.notes() == null ? "" : c.notes()).append("\n");
        sb.append("\n## Configuration\n\n| name | value |\n|---|---|\n");
        for (Map.Entry<String, Object> e : new TreeMap<>(c.config()).entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(e.getValue()).append(" |\n");
        }
        sb.append("\n## Data\n\n| use | file | rows | SHA-256 |\n|---|---|---|---|\n");
        for (ModelCard.DataRef d : c.data()) {
            sb.append("| ").append(d.use()).append(" | `").append(d.path()).append("` | ").append(d.rows())
                    .append(" | `").append(d.sha256(), 0, 16).append("…` |\n");
        }
        sb.append("\n## Metrics\n\n| metric | value |\n|---|---|\n");
        for (Map.Entry<String, Double> e : c.metrics().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | ").append(String.format(java.util.Locale.ROOT, "%.4f",
                    e.getValue())).append(" |\n");
        }
        sb.append("\n## Files\n\n| file | SHA-256 |\n|---|---|\n");
        for (Map.Entry<String, String> e : c.files().entrySet()) {
            sb.append("| ").append(e.getKey()).append(" | `").append(e.getValue()).append("` |\n");
        }
        return sb.toString();
    }
}
