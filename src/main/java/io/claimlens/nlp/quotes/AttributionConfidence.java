package io.claimlens.nlp.quotes;

import io.claimlens.ml.Calibration;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.Attribution;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The probability that an attribution is right.
 *
 * <p>Two forms, both fitted on annotated news (PolNeAR's train split) by {@code claimlens train
 * attribution-confidence}, which keeps the one with the lower expected calibration error on the dev split:
 * <ul>
 *   <li>a <b>per-rule table</b>: each rule's precision (Laplace-smoothed), keyed by the full rule name including the
 *       resolution step ({@code reported-speech+pronoun}); a rule not seen in training gets the overall precision;</li>
 *   <li>a <b>logistic model</b> over {@link AttributionFeatures} (rule, resolution step, speaker kind, distance and
 *       side of the speaker's mention, quotation length, ...), so that two attributions by the same rule can differ.
 *   </li>
 * </ul>
 * {@code claimlens bench quotes} checks either on the test split (ECE).
 *
 * <p>Immutable and thread-safe.
 */
public final class AttributionConfidence {

    public static final String DEFAULT_MODEL = "classpath:models/attribution-confidence-v2";

    /**
     * A logistic model: p = sigmoid(bias + sum_j weights[j] * (x[j] - mean[j]) / scale[j]), where x is
     * {@link AttributionFeatures} followed by the logit of the rule's precision in the table (so the model starts
     * from the table and learns what moves an attribution away from its rule's rate).
     *
     * @param featureVersion {@link AttributionFeatures#VERSION} it was trained with
     * @param features       feature names, {@link AttributionFeatures#NAMES} at training time, then "rule_logit"
     */
    public record Logistic(int featureVersion, List<String> features, double[] mean, double[] scale,
                           double[] weights, double bias) {

        public Logistic {
            features = List.copyOf(features);
            if (mean.length != features.size() || scale.length != features.size()
                    || weights.length != features.size()) {
                throw new IllegalArgumentException("inconsistent attribution-confidence model shapes");
            }
        }

        /** The names a logistic model's inputs have in this build. */
        public static List<String> inputNames() {
            List<String> n = new java.util.ArrayList<>(AttributionFeatures.NAMES);
            n.add("rule_logit");
            return List.copyOf(n);
        }

        double probability(double[] x) {
            double s = bias;
            for (int j = 0; j < weights.length; j++) {
                s += weights[j] * (x[j] - mean[j]) / scale[j];
            }
            return Calibration.sigmoid(s);
        }
    }

    /**
     * The serialised model ({@code model.json}).
     *
     * @param byRule   full rule name → precision
     * @param fallback the overall precision, for rules not in the table
     * @param logistic the logistic model, or null when the table is the model
     */
    public record Table(Map<String, Double> byRule, double fallback, Logistic logistic) {

        public Table(Map<String, Double> byRule, double fallback) {
            this(byRule, fallback, null);
        }
    }

    private final Table table;

    public AttributionConfidence(Table table) {
        this.table = new Table(Map.copyOf(table.byRule()), table.fallback(), table.logistic());
        Logistic l = table.logistic();
        if (l != null && (l.featureVersion() != AttributionFeatures.VERSION
                || !l.features().equals(Logistic.inputNames()))) {
            throw new IllegalStateException("attribution-confidence model uses feature layout v" + l.featureVersion()
                    + " but this build computes v" + AttributionFeatures.VERSION + "; retrain it with "
                    + "'claimlens train attribution-confidence'");
        }
    }

    /** Loads a trained model; a missing or tampered model is an error naming it. */
    public static AttributionConfidence load(String location) {
        ModelStore.Loaded m = ModelStore.load(location);
        return new AttributionConfidence(ModelStore.fromJson(m.file("model.json"), Table.class));
    }

    /**
     * A model that knows nothing: every attribution gets 0.5. Only for measuring the rules before a model exists
     * (the trainer uses it); never the default.
     */
    public static AttributionConfidence untrained() {
        return new AttributionConfidence(new Table(Map.of(), 0.5));
    }

    /** The per-rule precision (the table's answer), for a rule name. */
    public double of(String rule) {
        return table.byRule().getOrDefault(rule, table.fallback());
    }

    /** The confidence of a finished attribution: the logistic model's when there is one, else the rule's. */
    public double of(Attribution a) {
        return table.logistic() == null ? of(a.rule()) : table.logistic().probability(logisticInput(a));
    }

    /** The logistic model's input for an attribution: its features, then the logit of its rule's precision. */
    public double[] logisticInput(Attribution a) {
        double[] f = AttributionFeatures.of(a);
        double[] x = java.util.Arrays.copyOf(f, f.length + 1);
        double p = Math.min(1 - 1e-6, Math.max(1e-6, of(a.rule())));
        x[f.length] = Math.log(p / (1 - p));
        return x;
    }

    /** True when confidences come from the logistic model. */
    public boolean isLogistic() {
        return table.logistic() != null;
    }

    public Map<String, Double> asMap() {
        return new TreeMap<>(table.byRule());
    }
}
