package io.claimlens.embed;

/**
 * Typed configuration of a sentence encoder. Build with {@link #builder()}: {@code setX} for what is required,
 * {@code optX} for what has a default.
 *
 * @param model          which weights
 * @param batchSize      sentences per ONNX call (length-sorted); 32 by default
 * @param intraOpThreads ONNX Runtime threads inside one call; 2 by default (the size of a CI machine)
 * @param predictors     calls that may run at once (one per caller thread); 2 by default
 * @param allowBatchVariance batch int8 models too, accepting that a vector then depends on its batch-mates
 *                       (faster, not reproducible); false by default
 */
public record EncoderConfig(EncoderModel model, int batchSize, int intraOpThreads, int predictors,
                            boolean allowBatchVariance) {

    public EncoderConfig {
        if (model == null) {
            throw new IllegalArgumentException("model is required (setModel)");
        }
        if (batchSize < 1 || intraOpThreads < 1 || predictors < 1) {
            throw new IllegalArgumentException("batchSize, intraOpThreads and predictors must be >= 1");
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The default: fp32 MiniLM-L6 (batch-invariant, so reproducible), batches of 32, 2 threads. */
    public static EncoderConfig defaults() {
        return builder().setModel(EncoderModel.ALL_MINILM_L6_V2).build();
    }

    /** The batch size actually used: 1 for batch-variant models unless variance is allowed. */
    public int effectiveBatchSize() {
        return model.batchInvariant() || allowBatchVariance ? batchSize : 1;
    }

    public static final class Builder {
        private EncoderModel model;
        private int batchSize = 32;
        private int intraOpThreads = 2;
        private int predictors = 2;
        private boolean allowBatchVariance;

        public Builder setModel(EncoderModel model) {
            this.model = model;
            return this;
        }

        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder optIntraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        public Builder optPredictors(int predictors) {
            this.predictors = predictors;
            return this;
        }

        public Builder optAllowBatchVariance(boolean allow) {
            this.allowBatchVariance = allow;
            return this;
        }

        public EncoderConfig build() {
            return new EncoderConfig(model, batchSize, intraOpThreads, predictors, allowBatchVariance);
        }
    }
}
