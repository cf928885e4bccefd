package io.claimlens.model;

import java.util.Map;
import java.util.Objects;

/**
 * The engine's verdict on a claim.
 *
 * @param label            the verdict
 * @param probabilities    calibrated probability per grade: what the engine believes
 * @param reason           why the verdict is {@link VerdictLabel#UNVERIFIABLE}, else {@code null}
 * @param features         the named feature values the verdict model saw, in model order (for explanations)
 * @param rawProbabilities the model's softmax before calibration (equal to {@code probabilities} when the verdict
 *                         was decided by a rule, e.g. no evidence)
 * @param calibration      which calibrator produced {@code probabilities} and on what held-out split, in words
 *                         ("temperature scaling, T=1.21, fitted on a 20% held-out split of the training data")
 */
public record Verdict(VerdictLabel label, Distribution<VerdictLabel> probabilities, NoVerdictReason reason,
                      Map<String, Double> features, Distribution<VerdictLabel> rawProbabilities, String calibration) {

    /** A verdict decided without a calibrated model (a rule, or a test). */
    public Verdict(VerdictLabel label, Distribution<VerdictLabel> probabilities, NoVerdictReason reason,
                   Map<String, Double> features) {
        this(label, probabilities, reason, features, probabilities, "none (decided by rule)");
    }

    public Verdict {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(probabilities, "probabilities");
        if (reason != null && label != VerdictLabel.UNVERIFIABLE) {
            throw new IllegalArgumentException("a no-verdict reason goes with UNVERIFIABLE only");
        }
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(features));
        Objects.requireNonNull(rawProbabilities, "rawProbabilities");
        Objects.requireNonNull(calibration, "calibration");
    }

    public double confidence() {
        return probabilities.get(label);
    }
}
