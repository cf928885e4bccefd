package io.claimlens.stance;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.claimlens.ml.CrossAttentionHead;

/**
 * The serialised cross-attention stance head ({@code model.json} of a model whose card says design {@code CROSS},
 * {@code CROSS_LEXICAL} or {@code CROSS_INFERENCE}): label order, the pair-feature layout, the network over token
 * states and its temperature, and optionally a description of sentence-pair heads.
 *
 * @param labels         output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
 * @param layoutVersion  {@link StanceFeatures#LAYOUT_VERSION} of the pair features the head also reads
 * @param dimension      token-state and sentence-vector size it expects
 * @param head           the network (see {@link CrossAttentionHead})
 * @param temperature    logits are divided by this before the softmax (fitted on held-out data)
 * @param bagTemperature how a body's sentences are weighted when pooled (see {@link StanceAggregation})
 * @param inference      null, or a description of the heads that classify sentence pairs in place of
 *                       {@code head} (see {@link CrossAttentionStanceClassifier}); absent from the JSON when null, so
 *                       models without them keep their bytes
 */
public record CrossStanceModel(String[] labels, int layoutVersion, int dimension, CrossAttentionHead head,
                               double temperature, double bagTemperature,
                               @JsonInclude(JsonInclude.Include.NON_NULL) SentenceInference inference) {

    /** A model without sentence-pair heads. */
    public CrossStanceModel(String[] labels, int layoutVersion, int dimension, CrossAttentionHead head,
                            double temperature, double bagTemperature) {
        this(labels, layoutVersion, dimension, head, temperature, bagTemperature, null);
    }

    /** This model with {@code inference} describing its sentence-pair heads. */
    public CrossStanceModel withInference(SentenceInference inference) {
        return new CrossStanceModel(labels, layoutVersion, dimension, head, temperature, bagTemperature, inference);
    }

    /**
     * Sentence-pair heads over token states alone (no pair features), trained on natural-language-inference pairs
     * and unrelated news sentences: one or more heads of the same shape, trained with different seeds, whose logits
     * are averaged. Their weights are a separate file of the model ({@link CrossAttentionHead#encode}'s binary
     * format), not JSON, which would take about three times the space.
     *
     * @param labels      output order; must equal {@link io.claimlens.model.StanceLabel}'s declaration order
     * @param heads       how many heads the weights file holds
     * @param weightsFile the model file with their weights
     * @param temperature the mean logits are divided by this before the softmax (fitted on held-out data)
     */
    public record SentenceInference(String[] labels, int heads, String weightsFile, double temperature) {
    }
}
