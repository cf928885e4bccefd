package io.claimlens.model;

import java.util.Map;
import java.util.Objects;

/**
 * The engine's verdict on a claim.
 *
 * @param label          the verdict
 * @param probabilities  calibrated probability per grade
 * @param reason         why the verdict is {@link VerdictLabel#UNVERIFIABLE}, else {@code null}
 * @param features       the named feature values the verdict model saw, in model order (for explanations)
 */
public record Verdict(VerdictLabel label, Distribution<VerdictLabel> probabilities, NoVerdictReason reason,
                      Map<String, Double> features) {

    public Verdict {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(probabilities, "probabilities");
        if (reason != null && label != VerdictLabel.UNVERIFIABLE) {
            throw new IllegalArgumentException("a no-verdict reason goes with UNVERIFIABLE only");
        }
        features = features == null ? Map.of() : java.util.Collections.unmodifiableMap(
                new java.util.LinkedHashMap<>(features));
    }

    public double confidence() {
        return probabilities.get(label);
    }
}
