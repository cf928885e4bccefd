package io.claimlens.embed;

import java.util.List;

/**
 * An encoder that can also give the token states its sentence vectors are pooled from, for heads that read both
 * (the cross-attention stance head).
 *
 * <p>Contract: {@code encodeWithStates(texts).vectors()[i]} equals {@code encode(texts)[i]} for the same batch, and
 * {@code states()[i]} is text i's {@code [token][dimension]} states (special tokens included, padding removed, not
 * normalised). Thread-safe, as every {@link SentenceEncoder}.
 */
public interface TokenStateEncoder extends SentenceEncoder {

    /** Sentence vectors and token states of the same texts, from one run of the model. */
    record Encoded(float[][] vectors, float[][][] states) {
    }

    Encoded encodeWithStates(List<String> texts);
}
