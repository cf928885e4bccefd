package io.claimlens.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.ml.ModelCard;
import io.claimlens.model.ContentHash;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Opening benchmark files read in place (plain or gzip), with their SHA-256 for provenance and manifests. */
public final class DataFiles {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataFiles() {
    }

    /** The default location of the public benchmark data: {@code ../shared/datasets}. */
    public static Path defaultRoot() {
        return Path.of("..", "shared", "datasets");
    }

    /** A reader over the file, gunzipping {@code .gz}; a missing file is an error naming it. */
    public static BufferedReader open(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("dataset file not found: " + file
                    + " (the public benchmark data is expected in ../shared/datasets; pass --data DIR)");
        }
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    /** The JSON objects of a JSONL file (plain or gzip), blank lines skipped, in file order. */
    public static List<JsonNode> jsonLines(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (BufferedReader r = open(file)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(JSON.readTree(line));
                }
            }
        }
        return out;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest d = ContentHash.digest();
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + file, e);
        }
    }

    /** SHA-256 over the sorted relative paths and contents of every file under {@code dir}. */
    public static String sha256Tree(Path dir) {
        try (java.util.stream.Stream<Path> walk = Files.walk(dir)) {
            MessageDigest d = ContentHash.digest();
            for (Path p : walk.filter(Files::isRegularFile).sorted().toList()) {
                d.update(dir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                d.update((byte) 0);
                d.update(Files.readAllBytes(p));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot hash " + dir, e);
        }
    }

    public static ModelCard.DataRef ref(Path file, int rows, String use) {
        return new ModelCard.DataRef(file.toString().replace('\\', '/'), sha256(file), rows, use);
    }
}
