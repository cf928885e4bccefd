package io.claimlens.embed;

import io.claimlens.model.ModelRef;

import java.util.List;

/**
 * Turns sentences into L2-normalised vectors, so that a dot product is a cosine similarity.
 *
 * <p>Contract: {@code encode(texts)[i]} is the vector of {@code texts.get(i)}, of length {@link #dimension()};
 * the same text gives the same vector whatever batch it is in (to float rounding of the underlying runtime).
 * Implementations are thread-safe. Close releases native memory; using an encoder after close is an error.
 */
public interface SentenceEncoder extends AutoCloseable {

    float[][] encode(List<String> texts);

    default float[] encode(String text) {
        return encode(List.of(text))[0];
    }

    int dimension();

    /** Identifies the weights (id and SHA-256), for provenance and cache keys. */
    ModelRef modelRef();

    @Override
    void close();

    /** Dot product of two unit vectors: their cosine similarity. */
    static double cosine(float[] a, float[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }
}
