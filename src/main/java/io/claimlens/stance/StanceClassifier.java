package io.claimlens.stance;

import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceResult;

import java.util.List;

/**
 * Classifies the stance of evidence sentences toward a claim.
 *
 * <p>Contract: returns one result per evidence text, in order; probabilities over all four
 * {@link io.claimlens.model.StanceLabel}s. Thread-safe.
 */
public interface StanceClassifier {

    List<StanceResult> classify(String claim, List<String> evidence);

    /** The classifier's own weights (the encoder it uses reports itself). */
    ModelRef modelRef();
}
