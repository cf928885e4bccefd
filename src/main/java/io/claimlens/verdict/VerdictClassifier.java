package io.claimlens.verdict;

import io.claimlens.ml.Calibration;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.SoftmaxRegression;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.Distribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.ModelRef;
import io.claimlens.model.NoVerdictReason;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Turns evidence and attributions into a verdict.
 *
 * <p>Order of decision: no evidence → {@code UNVERIFIABLE/NO_EVIDENCE}; evidence that is all unrelated to the claim
 * (and no matching quotation) → {@code UNVERIFIABLE/NO_RELEVANT_EVIDENCE}; otherwise the model's calibrated
 * distribution, whose most probable grade is the verdict. Thread-safe.
 */
public final class VerdictClassifier {

    private final SoftmaxRegression model;
    private final double temperature;
    private final ModelRef ref;

    public VerdictClassifier(ModelStore.Loaded loaded) {
        VerdictModel m = ModelStore.fromJson(loaded.file("model.json"), VerdictModel.class);
        String id = loaded.card().id();
        String[] expected = Arrays.stream(VerdictLabel.values()).map(Enum::name).toArray(String[]::new);
        if (!Arrays.equals(m.labels(), expected)) {
            throw new ModelStore.ModelIntegrityException("verdict model " + id + " has labels "
                    + Arrays.toString(m.labels()) + ", expected " + Arrays.toString(expected));
        }
        if (m.layoutVersion() != VerdictFeatures.LAYOUT_VERSION
                || !Arrays.equals(m.features(), VerdictFeatures.NAMES.toArray(new String[0]))) {
            throw new ModelStore.ModelIntegrityException("verdict model " + id
                    + " was trained on another feature layout (" + m.layoutVersion() + ")");
        }
        this.model = m.regression();
        this.temperature = m.temperature();
        this.ref = new ModelRef("verdict", id, loaded.card().files().get("model.json"));
    }

    public Verdict decide(Claim claim, List<Evidence> evidence, List<Attribution> quotes) {
        Map<String, Double> features = VerdictFeatures.compute(claim, evidence, quotes);
        if (evidence.isEmpty() && quotes.stream().noneMatch(Attribution::hasSpeaker)) {
            return new Verdict(VerdictLabel.UNVERIFIABLE, Distribution.certain(VerdictLabel.UNVERIFIABLE),
                    NoVerdictReason.NO_EVIDENCE, features);
        }
        boolean allUnrelated = evidence.stream().allMatch(
                e -> e.stance().probabilities().get(StanceLabel.UNRELATED) >= 0.5);
        if (allUnrelated && quotes.stream().noneMatch(Attribution::hasSpeaker)) {
            return new Verdict(VerdictLabel.UNVERIFIABLE, Distribution.certain(VerdictLabel.UNVERIFIABLE),
                    NoVerdictReason.NO_RELEVANT_EVIDENCE, features);
        }
        double[] p = Calibration.softmax(model.logits(VerdictFeatures.vector(features)), temperature);
        Distribution<VerdictLabel> dist = Distribution.of(VerdictLabel.class, p);
        VerdictLabel label = dist.argmax();
        return new Verdict(label, dist, label == VerdictLabel.UNVERIFIABLE ? NoVerdictReason.INSUFFICIENT_EVIDENCE : null,
                features);
    }

    /** The calibrated distribution for a feature vector (for benchmarks). */
    public double[] probabilities(double[] features) {
        return Calibration.softmax(model.logits(features), temperature);
    }

    public ModelRef modelRef() {
        return ref;
    }
}
