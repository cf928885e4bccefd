package io.claimlens.verdict;

import io.claimlens.ml.ModelStore;
import io.claimlens.ml.SoftmaxRegression;
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
 * Turns evidence and quotations into a verdict.
 *
 * <p>Order of decision: no evidence and no quotation → {@code UNVERIFIABLE/NO_EVIDENCE}; evidence that is all
 * unrelated (and no quotation with a speaker) → {@code UNVERIFIABLE/NO_RELEVANT_EVIDENCE}; otherwise the model's
 * calibrated distribution, whose most probable grade is the verdict, unless that probability is below the model's
 * abstention threshold ({@code UNVERIFIABLE/LOW_CONFIDENCE}, the distribution kept as it is). The model's own
 * UNVERIFIABLE means the evidence does not settle the claim ({@code INSUFFICIENT_EVIDENCE}), or
 * {@code CONFLICTING_EVIDENCE} when strong evidence points both ways. Thread-safe.
 */
public final class VerdictClassifier {

    private final VerdictModel model;
    private final SoftmaxRegression head;
    private final ModelRef ref;

    public VerdictClassifier(ModelStore.Loaded loaded) {
        VerdictModel m = ModelStore.fromJson(loaded.file("model.json"), VerdictModel.class);
        String id = loaded.card().id();
        String[] expected = Arrays.stream(VerdictLabel.values()).map(Enum::name).toArray(String[]::new);
        if (!Arrays.equals(m.labels(), expected)) {
            throw new ModelStore.ModelIntegrityException("verdict model " + id + " has labels "
                    + Arrays.toString(m.labels()) + ", expected " + Arrays.toString(expected));
        }
        if (!m.blocks().equals(List.of("evidence")) || m.layoutVersion() != VerdictFeatures.LAYOUT_VERSION
                || !Arrays.equals(m.features(), VerdictFeatures.NAMES.toArray(new String[0]))) {
            throw new ModelStore.ModelIntegrityException("verdict model " + id + " reads feature blocks "
                    + m.blocks() + " (layout " + m.layoutVersion() + "); the engine computes [evidence] layout "
                    + VerdictFeatures.LAYOUT_VERSION + " (a benchmark recipe's model cannot serve the engine)");
        }
        this.model = m;
        this.head = m.regression();
        this.ref = new ModelRef("verdict", id, loaded.card().files().get("model.json"));
    }

    public Verdict decide(Claim claim, List<Evidence> evidence, List<QuoteEvidence> quotes) {
        Map<String, Double> features = VerdictFeatures.compute(claim, evidence, quotes);
        boolean anySpeaker = quotes.stream().anyMatch(q -> q.attribution().hasSpeaker());
        if (evidence.isEmpty() && !anySpeaker) {
            return new Verdict(VerdictLabel.UNVERIFIABLE, Distribution.certain(VerdictLabel.UNVERIFIABLE),
                    NoVerdictReason.NO_EVIDENCE, features);
        }
        boolean allUnrelated = evidence.stream().allMatch(
                e -> e.stance().probabilities().get(StanceLabel.UNRELATED) >= 0.5);
        if (allUnrelated && !anySpeaker) {
            return new Verdict(VerdictLabel.UNVERIFIABLE, Distribution.certain(VerdictLabel.UNVERIFIABLE),
                    NoVerdictReason.NO_RELEVANT_EVIDENCE, features);
        }
        double[] logits = head.logits(VerdictFeatures.vector(features));
        Distribution<VerdictLabel> raw = Distribution.of(VerdictLabel.class,
                Calibrator.identity(logits.length).apply(logits, model.allowed()));
        Distribution<VerdictLabel> cal = Distribution.of(VerdictLabel.class,
                model.calibrator().apply(logits, model.allowed()));
        VerdictLabel label = cal.argmax();
        NoVerdictReason reason = null;
        if (label == VerdictLabel.UNVERIFIABLE) {
            reason = features.get("conflict") >= 0.5 ? NoVerdictReason.CONFLICTING_EVIDENCE
                    : NoVerdictReason.INSUFFICIENT_EVIDENCE;
        } else if (cal.get(label) < model.abstainBelow()) {
            label = VerdictLabel.UNVERIFIABLE;
            reason = NoVerdictReason.LOW_CONFIDENCE;
        }
        return new Verdict(label, cal, reason, features, raw, model.calibration());
    }

    public VerdictModel model() {
        return model;
    }

    public ModelRef modelRef() {
        return ref;
    }
}
