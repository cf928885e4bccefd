package io.claimlens.stance;

import io.claimlens.ml.Mlp;

/**
 * The serialised stance head ({@code model.json}): label order, feature layout, the network and its temperature.
 *
 * @param labels        output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
 * @param layoutVersion {@link StanceFeatures#LAYOUT_VERSION} it was trained with
 * @param dimension     embedding size it expects
 * @param head          the network (linear or one hidden layer)
 * @param temperature   logits are divided by this before the softmax (fitted on held-out data)
 * @param bagTemperature how a body's sentences are weighted when their stances are pooled into the body's:
 *                      softmax(cosine / bagTemperature) over the top sentences (see {@link StanceAggregation})
 */
public record StanceModel(String[] labels, int layoutVersion, int dimension, Mlp head, double temperature,
                          double bagTemperature) {
}
