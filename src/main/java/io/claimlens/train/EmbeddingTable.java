package io.claimlens.train;

import io.claimlens.embed.ConcatenatedEncoder;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.model.ContentHash;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Vectors for every distinct text of a dataset, encoded once, with an optional append-only disk cache keyed by
 * (encoder weights hash, text hash) so that repeated training and benchmark runs do not re-encode.
 *
 * <p>The cache never changes results: a vector is stored exactly as the encoder produced it, and the encoder used
 * is batch-invariant (see {@link io.claimlens.embed.EncoderModel#batchInvariant()}).
 */
public final class EmbeddingTable {

    private final Map<String, float[]> byText = new HashMap<>();

    private EmbeddingTable() {
    }

    public float[] get(String text) {
        float[] v = byText.get(text);
        if (v == null) {
            throw new IllegalArgumentException("text was not embedded: " + text);
        }
        return v;
    }

    /**
     * Encodes the distinct texts, reading and extending the cache in {@code cacheDir} (null: no cache). A
     * {@link ConcatenatedEncoder} is built part by part, each with its own cache, and joined as it joins them.
     */
    public static EmbeddingTable build(SentenceEncoder encoder, Iterable<String> texts, Path cacheDir,
                                       PrintStream log) throws IOException {
        if (encoder instanceof ConcatenatedEncoder joined) {
            List<EmbeddingTable> parts = new ArrayList<>();
            for (SentenceEncoder part : joined.parts()) {
                parts.add(build(part, texts, cacheDir, log));
            }
            EmbeddingTable t = new EmbeddingTable();
            for (String s : parts.get(0).byText.keySet()) {
                List<float[]> vs = new ArrayList<>();
                for (EmbeddingTable part : parts) {
                    vs.add(part.get(s));
                }
                t.byText.put(s, ConcatenatedEncoder.join(vs));
            }
            return t;
        }
        EmbeddingTable t = new EmbeddingTable();
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (String s : texts) {
            distinct.add(s);
        }
        Map<String, float[]> cached = new HashMap<>();
        Path file = null;
        if (cacheDir != null) {
            Files.createDirectories(cacheDir);
            file = cacheDir.resolve("emb-" + encoder.modelRef().sha256().substring(0, 16) + ".bin");
            cached = readCache(file, encoder.dimension());
        }
        List<String> todo = new ArrayList<>();
        for (String s : distinct) {
            float[] v = cached.get(ContentHash.sha256Hex(s));
            if (v != null) {
                t.byText.put(s, v);
            } else {
                todo.add(s);
            }
        }
        log.printf("embedding %,d distinct texts (%,d cached) with %s%n", distinct.size(),
                distinct.size() - todo.size(), encoder.modelRef().id());
        long t0 = System.nanoTime();
        int chunk = 2048;
        try (DataOutputStream out = file == null ? null : new DataOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND)))) {
            for (int from = 0; from < todo.size(); from += chunk) {
                List<String> part = todo.subList(from, Math.min(todo.size(), from + chunk));
                float[][] vs = encoder.encode(part);
                for (int i = 0; i < part.size(); i++) {
                    t.byText.put(part.get(i), vs[i]);
                    if (out != null) {
                        out.write(ContentHash.sha256Hex(part.get(i)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        for (float f : vs[i]) {
                            out.writeFloat(f);
                        }
                    }
                }
                double secs = (System.nanoTime() - t0) / 1e9;
                int done = Math.min(todo.size(), from + chunk);
                log.printf("  %,d / %,d encoded (%.0f texts/s)%n", done, todo.size(), done / Math.max(secs, 1e-9));
            }
        }
        return t;
    }

    private static Map<String, float[]> readCache(Path file, int dim) throws IOException {
        Map<String, float[]> m = new HashMap<>();
        if (!Files.exists(file)) {
            return m;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            byte[] key = new byte[64];
            while (true) {
                try {
                    in.readFully(key);
                    float[] v = new float[dim];
                    for (int i = 0; i < dim; i++) {
                        v[i] = in.readFloat();
                    }
                    m.put(new String(key, java.nio.charset.StandardCharsets.US_ASCII), v);
                } catch (EOFException e) {
                    break; // a torn last record from an interrupted run is simply re-encoded
                }
            }
        }
        return m;
    }
}
