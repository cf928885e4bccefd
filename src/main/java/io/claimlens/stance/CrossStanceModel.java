package io.claimlens.stance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimlens.ml.CrossAttentionHead;

/**
 * The serialised cross-attention stance head ({@code model.json} of a model whose card says design {@code CROSS},
 * {@code CROSS_LEXICAL} or {@code CROSS_INFERENCE}): label order, the pair-feature layout, the network over token
 * states and its temperature, and optionally a sentence-pair head.
 *
 * @param labels         output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
 * @param layoutVersion  {@link StanceFeatures#LAYOUT_VERSION} of the pair features the head also reads
 * @param dimension      token-state and sentence-vector size it expects
 * @param head           the network (see {@link CrossAttentionHead})
 * @param temperature    logits are divided by this before the softmax (fitted on held-out data)
 * @param bagTemperature how a body's sentences are weighted when pooled (see {@link StanceAggregation})
 * @param inference      null, or the heads that classify sentence pairs in place of {@code head} (see
 *                       {@link CrossAttentionStanceClassifier}); absent from the JSON when null, so models without
 *                       them keep their bytes
 */
public record CrossStanceModel(String[] labels, int layoutVersion, int dimension, CrossAttentionHead head,
                               double temperature, double bagTemperature,
                               @JsonInclude(JsonInclude.Include.NON_NULL) SentenceInference inference) {

    /** A model without a sentence-inference head. */
    public CrossStanceModel(String[] labels, int layoutVersion, int dimension, CrossAttentionHead head,
                            double temperature, double bagTemperature) {
        this(labels, layoutVersion, dimension, head, temperature, bagTemperature, null);
    }

    /** This model with {@code inference} as its sentence-pair head. */
    public CrossStanceModel withInference(SentenceInference inference) {
        return new CrossStanceModel(labels, layoutVersion, dimension, head, temperature, bagTemperature, inference);
    }

    /**
     * A sentence-pair classifier over token states alone (no pair features), trained on natural-language-inference
     * pairs and unrelated news sentences: one or more heads of the same shape, trained with different seeds, whose
     * logits are averaged.
     *
     * @param labels      output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
     * @param heads       the networks; none reads pair features
     * @param temperature the mean logits are divided by this before the softmax (fitted on held-out data)
     */
    public record SentenceInference(String[] labels, java.util.List<CrossAttentionHead> heads, double temperature) {
    }
}
