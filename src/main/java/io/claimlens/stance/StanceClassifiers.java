package io.claimlens.stance;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.TokenStateEncoder;
import io.claimlens.ml.ModelStore;

/** Opens the stance classifier a model directory holds, by the design its card names. */
public final class StanceClassifiers {

    private StanceClassifiers() {
    }

    /**
     * The classifier for {@code loaded} over {@code encoder}.
     *
     * @throws ModelStore.ModelIntegrityException if the model does not fit the encoder, or needs token states the
     *                                            encoder cannot give
     */
    public static StanceClassifier open(SentenceEncoder encoder, ModelStore.Loaded loaded) {
        if (!StanceDesign.of(loaded.card()).crossAttention()) {
            return new EmbeddingStanceClassifier(encoder, loaded);
        }
        if (!(encoder instanceof TokenStateEncoder states)) {
            throw new ModelStore.ModelIntegrityException("stance model " + loaded.card().id() + " reads token "
                    + "states, which encoder " + encoder.modelRef().id() + " does not give");
        }
        return new CrossAttentionStanceClassifier(states, loaded);
    }
}
