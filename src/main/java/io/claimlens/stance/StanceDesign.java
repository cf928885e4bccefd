package io.claimlens.stance;

import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;

/**
 * The shape of a stance model's head: what {@code claimlens train stance --design} builds and what a stance model's
 * card names under {@code design}, so that the engine opens the model with the classifier that reads it.
 */
public enum StanceDesign {
    /** Softmax regression on the pair features. */
    LINEAR,
    /** One hidden ReLU layer over the pair features, with dropout. */
    MLP,
    /**
     * Decomposable attention over the two texts' token states ({@link io.claimlens.ml.CrossAttentionHead}), with the
     * MLP's pair features joining before the last two layers.
     */
    CROSS,
    /**
     * The same attention over token states with only the {@value StanceFeatures#SCALARS} lexical pair features
     * (cosine, overlap, negation, numbers, hedges, length) beside it, not the sentence vectors: the head has to
     * decide from the aligned tokens.
     */
    CROSS_LEXICAL,
    /**
     * A CROSS or CROSS_LEXICAL model with its stance head unchanged (it judges documents), plus sentence-pair heads
     * over token states alone, trained on sentence pairs only, that judge sentence pairs.
     */
    CROSS_INFERENCE;

    /** The card entry that names a model's design. */
    public static final String CONFIG_KEY = "design";

    /** Whether the head reads token states (not only sentence vectors). */
    public boolean crossAttention() {
        return this == CROSS || this == CROSS_LEXICAL || this == CROSS_INFERENCE;
    }

    /**
     * The design a stance model's card names. Cards from before the cross-attention designs name none; those models
     * are embedding heads, read as {@link #MLP} (the embedding classifier reads linear and MLP heads alike).
     *
     * @throws ModelStore.ModelIntegrityException if the card names a design this version does not know
     */
    public static StanceDesign of(ModelCard card) {
        Object named = card.config() == null ? null : card.config().get(CONFIG_KEY);
        if (named == null) {
            return MLP;
        }
        try {
            return valueOf(named.toString());
        } catch (IllegalArgumentException e) {
            throw new ModelStore.ModelIntegrityException("stance model " + card.id() + ": unknown design '" + named
                    + "' in its card (known: " + java.util.Arrays.toString(values()) + ")");
        }
    }
}
