package io.claimlens.verdict;

import io.claimlens.ml.SoftmaxRegression;

import java.util.List;

/**
 * The serialised verdict model ({@code model.json}): a softmax regression over the feature blocks it was trained
 * on, its calibrator, the grades it may predict, and its abstention threshold.
 *
 * @param labels        output order; must equal {@link io.claimlens.model.VerdictLabel}'s declaration order
 * @param blocks        feature blocks, in input order: {@code evidence} ({@link VerdictFeatures}), and for
 *                      benchmark recipes {@code claim_embedding} and {@code metadata}
 * @param features      input feature names, in order
 * @param layoutVersion {@link VerdictFeatures#LAYOUT_VERSION}
 * @param mean          standardisation means
 * @param scale         standardisation deviations
 * @param weights       [labels][features]
 * @param bias          per label
 * @param calibrator    logits to calibrated probabilities
 * @param calibration   which calibrator, fitted on which held-out split, in words (shown in reports)
 * @param allowed       the grades the training data had; the others get probability 0
 * @param abstainBelow  a rated verdict whose calibrated probability is below this becomes UNVERIFIABLE
 *                      (LOW_CONFIDENCE)
 * @param heldOutEce    ECE of the calibrated probabilities on held-out data (for reports)
 */
public record VerdictModel(String[] labels, List<String> blocks, String[] features, int layoutVersion,
                           double[] mean, double[] scale, double[][] weights, double[] bias, Calibrator calibrator,
                           String calibration, boolean[] allowed, double abstainBelow, double heldOutEce) {

    public SoftmaxRegression regression() {
        return new SoftmaxRegression(mean, scale, weights, bias);
    }
}
