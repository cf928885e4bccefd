package io.claimlens.stance;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ml.Calibration;
import io.claimlens.ml.Mlp;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.Distribution;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Stance from frozen sentence embeddings and lexical features ({@link StanceFeatures}) through a trained head
 * ({@link StanceModel}: a small network trained with DJL, evaluated in Java).
 *
 * <p>The model directory's card must name the same encoder weights (SHA-256) as the encoder given, and its label
 * order and feature layout must match this code; otherwise construction fails with the model's name.
 * Thread-safe.
 */
public final class EmbeddingStanceClassifier implements StanceClassifier {

    private final SentenceEncoder encoder;
    private final Mlp head;
    private final double temperature;
    private final double bagTemperature;
    private final ModelRef ref;

    public EmbeddingStanceClassifier(SentenceEncoder encoder, ModelStore.Loaded loaded) {
        this.encoder = encoder;
        String id = loaded.card().id();
        requireEncoder(loaded, encoder);
        StanceModel m = ModelStore.fromJson(loaded.file("model.json"), StanceModel.class);
        requireLabels(m.labels(), id);
        if (m.layoutVersion() != StanceFeatures.LAYOUT_VERSION || m.dimension() != encoder.dimension()) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + " expects feature layout "
                    + m.layoutVersion() + " over " + m.dimension() + "-d vectors; this engine computes layout "
                    + StanceFeatures.LAYOUT_VERSION + " over " + encoder.dimension() + "-d");
        }
        this.head = m.head();
        this.temperature = m.temperature();
        this.bagTemperature = m.bagTemperature();
        this.ref = new ModelRef("stance", id, loaded.card().files().get("model.json"));
    }

    /** Refuses a model whose card names other encoder weights than {@code encoder}'s. */
    static void requireEncoder(ModelStore.Loaded loaded, SentenceEncoder encoder) {
        if (loaded.card().encoderSha256() != null
                && !loaded.card().encoderSha256().equals(encoder.modelRef().sha256())) {
            throw new ModelStore.ModelIntegrityException("stance model " + loaded.card().id() + " was trained on "
                    + "encoder " + loaded.card().encoder() + " (" + loaded.card().encoderSha256() + "), but the "
                    + "engine's encoder is " + encoder.modelRef().id() + " (" + encoder.modelRef().sha256() + ")");
        }
    }

    /** Refuses a model whose output order is not {@link StanceLabel}'s. */
    static void requireLabels(String[] labels, String id) {
        String[] expected = Arrays.stream(StanceLabel.values()).map(Enum::name).toArray(String[]::new);
        if (!Arrays.equals(labels, expected)) {
            throw new ModelStore.ModelIntegrityException("stance model " + id + " has labels "
                    + Arrays.toString(labels) + ", expected " + Arrays.toString(expected));
        }
    }

    @Override
    public List<StanceResult> classify(String claim, List<String> evidence) {
        List<String> texts = new ArrayList<>(evidence.size() + 1);
        texts.add(claim);
        texts.addAll(evidence);
        float[][] v = encoder.encode(texts);
        TextFeatures c = TextFeatures.of(claim);
        List<StanceResult> out = new ArrayList<>(evidence.size());
        for (int i = 0; i < evidence.size(); i++) {
            out.add(classify(v[0], c, v[i + 1], TextFeatures.of(evidence.get(i))));
        }
        return out;
    }

    /** Classifies one pair from precomputed vectors and text features (for batch evaluation). */
    public StanceResult classify(float[] claimVec, TextFeatures claim, float[] evidenceVec, TextFeatures evidence) {
        return StanceResult.of(Distribution.of(StanceLabel.class,
                Calibration.softmax(logits(claimVec, claim, evidenceVec, evidence), temperature)));
    }

    /** Uncalibrated class scores of one pair. */
    public double[] logits(float[] claimVec, TextFeatures claim, float[] evidenceVec, TextFeatures evidence) {
        return head.logits(StanceFeatures.compute(claimVec, evidenceVec, claim, evidence));
    }

    /**
     * The stance of a claim toward a whole document, from its sentences ({@link StanceAggregation}).
     *
     * @param sentenceVecs the document's sentence embeddings
     * @param sentences    their text features, parallel
     */
    public StanceResult classifyDocument(float[] claimVec, TextFeatures claim, List<float[]> sentenceVecs,
                                         List<TextFeatures> sentences) {
        if (sentenceVecs.isEmpty()) {
            return StanceResult.of(Distribution.certain(StanceLabel.UNRELATED));
        }
        double[] sims = new double[sentenceVecs.size()];
        for (int i = 0; i < sims.length; i++) {
            sims[i] = SentenceEncoder.cosine(claimVec, sentenceVecs.get(i));
        }
        StanceAggregation.Selection sel = StanceAggregation.select(sims, bagTemperature);
        List<double[]> logits = new ArrayList<>();
        for (int i : sel.indices()) {
            logits.add(logits(claimVec, claim, sentenceVecs.get(i), sentences.get(i)));
        }
        return StanceResult.of(Distribution.of(StanceLabel.class,
                Calibration.softmax(StanceAggregation.pool(logits, sel.weights()), temperature)));
    }

    @Override
    public ModelRef modelRef() {
        return ref;
    }
}
