package io.claimlens.stance;

import io.claimlens.ml.SoftmaxRegression;

/**
 * The serialised form of a linear stance head ({@code model.json}): label order, feature layout and weights.
 *
 * @param labels        output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
 * @param layoutVersion {@link StanceFeatures#LAYOUT_VERSION} it was trained with
 * @param dimension     embedding size it expects
 * @param mean          feature means (standardisation)
 * @param scale         feature standard deviations
 * @param weights       [labels][features]
 * @param bias          per label
 */
public record StanceModel(String[] labels, int layoutVersion, int dimension, double[] mean, double[] scale,
                          double[][] weights, double[] bias) {

    public SoftmaxRegression regression() {
        return new SoftmaxRegression(mean, scale, weights, bias);
    }

    public static StanceModel of(String[] labels, int dimension, SoftmaxRegression r) {
        return new StanceModel(labels, StanceFeatures.LAYOUT_VERSION, dimension, r.mean(), r.scale(), r.weights(),
                r.bias());
    }
}
