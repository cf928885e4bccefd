package io.claimlens.claims.detect;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.ModelRef;

import java.util.List;
import java.util.Objects;

/**
 * Scores sentences for check-worthiness: the probability that a statement is worth checking, from the trained
 * head in {@code models/checkworthiness-v3} over the sentence's embedding and {@link CheckworthinessFeatures}.
 *
 * <p>Two regimes, when the model reads context (see its card): a sentence scored on its own ({@link #score(List)})
 * gets ClaimBuster's notion, a check-worthy factual claim, as a probability calibrated on held-out ClaimBuster
 * sentences; this is what {@code detect} reports. A sentence scored with its neighbours ({@link #scoreSequence})
 * gets CheckThat!'s stricter notion, the few sentences of a transcript that fact-checkers picked; use it to rank
 * a transcript's sentences (the CheckThat! benchmark does), its values are not calibrated probabilities.
 *
 * <p>The model is verified against its card by {@link ModelStore}, and refused when its card names another
 * encoder than the one given (vectors of another encoder would be meaningless to it) or a feature layout this
 * build does not compute.
 *
 * <p>Thread-safe if the encoder is (the head is immutable). Deterministic: the same text gives the same score.
 */
public final class CheckworthinessClassifier {

    /** Where the shipped model is found. */
    public static final String DEFAULT_MODEL = "classpath:models/checkworthiness-v3";

    private final SentenceEncoder encoder;
    private final CheckworthinessModel model;
    private final ModelRef ref;

    public CheckworthinessClassifier(SentenceEncoder encoder, ModelStore.Loaded loaded) {
        this.encoder = Objects.requireNonNull(encoder, "encoder");
        if (!"checkworthiness".equals(loaded.card().kind())) {
            throw new ModelStore.ModelIntegrityException("model " + loaded.card().id() + " at " + loaded.location()
                    + " is a '" + loaded.card().kind() + "' model, not a check-worthiness model");
        }
        String want = loaded.card().encoderSha256();
        if (want == null || !want.equals(encoder.modelRef().sha256())) {
            throw new ModelStore.ModelIntegrityException("check-worthiness model " + loaded.card().id()
                    + " was trained on " + loaded.card().encoder() + " embeddings but the encoder is "
                    + encoder.modelRef().id() + "; use --encoder " + loaded.card().encoder());
        }
        this.model = ModelStore.fromJson(loaded.file("model.json"), CheckworthinessModel.class);
        model.checkCompatible(encoder.dimension());
        this.ref = new ModelRef("checkworthiness", loaded.card().id(), loaded.card().files().get("model.json"));
    }

    /**
     * Probabilities for sentences read on their own, in order (one encoder call for all): the calibrated
     * regime, what {@code detect} reports.
     */
    public double[] score(List<String> texts) {
        if (texts.isEmpty()) {
            return new double[0];
        }
        float[][] vectors = encoder.encode(texts);
        double[] out = new double[texts.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = score(vectors[i], texts.get(i), null);
        }
        return out;
    }

    /**
     * Scores for consecutive sentences of one transcript, each with the sentences before and after it as context
     * when the model reads context: CheckThat!'s regime, for ranking. One encoder call for all.
     */
    public double[] scoreSequence(List<String> sentences) {
        if (sentences.isEmpty()) {
            return new double[0];
        }
        float[][] v = encoder.encode(sentences);
        double[] out = new double[sentences.size()];
        for (int i = 0; i < out.length; i++) {
            float[] ctx = model.usesContext() ? CheckworthinessModel.context(model.inputs(), i > 0 ? v[i - 1] : null,
                    i + 1 < v.length ? v[i + 1] : null) : null;
            out[i] = score(v[i], sentences.get(i), ctx);
        }
        return out;
    }

    /**
     * Probability for one text whose embedding is known.
     *
     * @param context the mean embedding of its neighbouring sentences ({@link CheckworthinessModel#context}), or
     *                null; ignored by a model that reads no context
     */
    public double score(float[] embedding, String text, float[] context) {
        return score(embedding, text, context, null);
    }

    /**
     * Probability for one transcript line whose embedding and speaker are known.
     *
     * @param speaker the speaker's role in the transcript; null when unknown (ignored by a model that reads none)
     */
    public double score(float[] embedding, String text, float[] context, SpeakerRole speaker) {
        return model.probability(CheckworthinessModel.input(model.inputs(), embedding, text, context, speaker));
    }

    /** True when the model reads the neighbouring sentences. */
    public boolean usesContext() {
        return model.usesContext();
    }

    public CheckworthinessModel model() {
        return model;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    /** The model's id and the SHA-256 of its weights file. */
    public ModelRef modelRef() {
        return ref;
    }
}
