package io.claimlens.stance;

import io.claimlens.ml.CrossAttentionHead;

/**
 * The serialised cross-attention stance head ({@code model.json} of a model whose card says design {@code CROSS}):
 * label order, the pair-feature layout, the network over token states and its temperature.
 *
 * @param labels         output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
 * @param layoutVersion  {@link StanceFeatures#LAYOUT_VERSION} of the pair features the head also reads
 * @param dimension      token-state and sentence-vector size it expects
 * @param head           the network (see {@link CrossAttentionHead})
 * @param temperature    logits are divided by this before the softmax (fitted on held-out data)
 * @param bagTemperature how a body's sentences are weighted when pooled (see {@link StanceAggregation})
 */
public record CrossStanceModel(String[] labels, int layoutVersion, int dimension, CrossAttentionHead head,
                               double temperature, double bagTemperature) {
}
