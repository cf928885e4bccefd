package io.claimlens.model;

/**
 * A stance classifier's answer for one claim/evidence pair.
 *
 * @param label         the most probable stance
 * @param probabilities probability per stance
 */
public record StanceResult(StanceLabel label, Distribution<StanceLabel> probabilities) {

    public static StanceResult of(Distribution<StanceLabel> probabilities) {
        return new StanceResult(probabilities.argmax(), probabilities);
    }
}
