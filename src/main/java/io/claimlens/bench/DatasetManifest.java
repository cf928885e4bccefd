package io.claimlens.bench;

import io.claimlens.datasets.DataFiles;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The SHA-256 manifest of the benchmark files ({@code benchmarks/datasets.sha256}, also on the classpath): a
 * benchmark checks each file it reads and refuses to run on different bytes, as OpenNLP's evaluation tests do, so a
 * number can never silently come from other data.
 */
public final class DatasetManifest {

    private final Map<String, String> hashes;

    private DatasetManifest(Map<String, String> hashes) {
        this.hashes = hashes;
    }

    /** Loads {@code benchmarks/datasets.sha256} from the working directory, else from the classpath. */
    public static DatasetManifest load() throws IOException {
        Path local = Path.of("benchmarks/datasets.sha256");
        String text;
        if (Files.isRegularFile(local)) {
            text = Files.readString(local, StandardCharsets.UTF_8);
        } else {
            try (InputStream in = DatasetManifest.class.getClassLoader().getResourceAsStream("datasets.sha256")) {
                if (in == null) {
                    throw new IOException("benchmark manifest not found (benchmarks/datasets.sha256)");
                }
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return parse(text);
    }

    static DatasetManifest parse(String text) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] c = line.split("\\s+", 2);
            m.put(c[1].strip(), c[0].strip());
        }
        return new DatasetManifest(m);
    }

    /**
     * Checks a file against the manifest.
     *
     * @param root     the datasets root
     * @param relative the file's path under it, as listed
     * @throws IOException when it is missing, unlisted or different
     */
    public void verify(Path root, String relative) throws IOException {
        String want = hashes.get(relative);
        if (want == null) {
            throw new IOException("benchmark file " + relative + " is not in benchmarks/datasets.sha256");
        }
        Path file = root.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IOException("benchmark file not found: " + file);
        }
        String got = DataFiles.sha256(file);
        if (!got.equals(want)) {
            throw new IOException("refusing to benchmark on " + file + ": its SHA-256 is " + got + ", the manifest "
                    + "(benchmarks/datasets.sha256) says " + want + "; the recorded numbers are for other bytes");
        }
    }
}
