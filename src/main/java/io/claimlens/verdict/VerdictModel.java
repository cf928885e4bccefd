package io.claimlens.verdict;

import io.claimlens.ml.SoftmaxRegression;

/**
 * The serialised verdict model ({@code model.json}): a softmax regression over {@link VerdictFeatures} with a
 * temperature fitted on held-out predictions.
 *
 * @param labels        output order; must equal {@link io.claimlens.model.VerdictLabel}'s declaration order
 * @param features      input feature names, in order
 * @param layoutVersion {@link VerdictFeatures#LAYOUT_VERSION}
 * @param mean          standardisation means
 * @param scale         standardisation deviations
 * @param weights       [labels][features]
 * @param bias          per label
 * @param temperature   logits are divided by this before the softmax
 */
public record VerdictModel(String[] labels, String[] features, int layoutVersion, double[] mean, double[] scale,
                           double[][] weights, double[] bias, double temperature) {

    public SoftmaxRegression regression() {
        return new SoftmaxRegression(mean, scale, weights, bias);
    }
}
