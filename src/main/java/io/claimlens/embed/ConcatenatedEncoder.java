package io.claimlens.embed;

import io.claimlens.model.ContentHash;
import io.claimlens.model.ModelRef;

import java.util.ArrayList;
import java.util.List;

/**
 * Several sentence encoders read as one: a text's vector is its parts' vectors side by side, each scaled by
 * 1/sqrt(k) so that the whole stays a unit vector (the {@link SentenceEncoder} contract), and a dot product is the
 * mean of the parts' cosines.
 *
 * <p>Why: a head trained over two encoders' vectors sees what either one separates (see the check-worthiness
 * model card for the measured gain and cost). The id is the parts' ids joined by {@code +}
 * ({@code all-minilm-l6-v2+bge-small-en-v1.5-q}) and the hash is the SHA-256 of their hashes, so a model trained
 * on one combination refuses another, or the parts in another order.
 *
 * <p>Thread-safe if its parts are. Closing it closes every part.
 */
public final class ConcatenatedEncoder implements SentenceEncoder {

    /** What separates the parts' ids in a combined id. */
    public static final String SEPARATOR = "+";

    private final List<SentenceEncoder> parts;
    private final ModelRef ref;
    private final int dimension;

    /** Takes ownership of {@code parts} (at least two): they are closed with this encoder. */
    public ConcatenatedEncoder(List<? extends SentenceEncoder> parts) {
        if (parts.size() < 2) {
            throw new IllegalArgumentException("a concatenated encoder needs at least two parts, got " + parts.size());
        }
        this.parts = List.copyOf(parts);
        this.ref = combinedRef(this.parts.stream().map(SentenceEncoder::modelRef).toList());
        this.dimension = this.parts.stream().mapToInt(SentenceEncoder::dimension).sum();
    }

    /** The provenance of a concatenation of encoders whose references are {@code refs}, in order. */
    public static ModelRef combinedRef(List<ModelRef> refs) {
        List<String> ids = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        for (ModelRef r : refs) {
            ids.add(r.id());
            hashes.add(r.sha256());
        }
        return new ModelRef("embedding", String.join(SEPARATOR, ids),
                ContentHash.sha256Hex(String.join(SEPARATOR, hashes)));
    }

    /** One text's parts' vectors (unit vectors) joined into one unit vector, as {@link #encode} does. */
    public static float[] join(List<float[]> partVectors) {
        int n = 0;
        for (float[] v : partVectors) {
            n += v.length;
        }
        float scale = (float) (1 / Math.sqrt(partVectors.size()));
        float[] out = new float[n];
        int at = 0;
        for (float[] v : partVectors) {
            for (int i = 0; i < v.length; i++) {
                out[at + i] = v[i] * scale;
            }
            at += v.length;
        }
        return out;
    }

    @Override
    public float[][] encode(List<String> texts) {
        List<float[][]> byPart = new ArrayList<>();
        for (SentenceEncoder p : parts) {
            byPart.add(p.encode(texts));
        }
        float[][] out = new float[texts.size()][];
        for (int i = 0; i < out.length; i++) {
            List<float[]> vs = new ArrayList<>();
            for (float[][] part : byPart) {
                vs.add(part[i]);
            }
            out[i] = join(vs);
        }
        return out;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public ModelRef modelRef() {
        return ref;
    }

    /** The parts, in order. */
    public List<SentenceEncoder> parts() {
        return parts;
    }

    @Override
    public void close() {
        RuntimeException first = null;
        for (SentenceEncoder p : parts) {
            try {
                p.close();
            } catch (RuntimeException e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
