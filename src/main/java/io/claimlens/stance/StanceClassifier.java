package io.claimlens.stance;

import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceResult;

import java.util.List;

/**
 * Classifies the stance of evidence sentences toward a claim.
 *
 * <p>Contract: returns one result per evidence text, in order; probabilities over all four
 * {@link io.claimlens.model.StanceLabel}s. Thread-safe. Close releases what the classifier holds natively (not its
 * encoder's memory); a classifier is not used after close.
 */
public interface StanceClassifier extends AutoCloseable {

    List<StanceResult> classify(String claim, List<String> evidence);

    /** The classifier's own weights (the encoder it uses reports itself). */
    ModelRef modelRef();

    @Override
    default void close() {
    }
}
