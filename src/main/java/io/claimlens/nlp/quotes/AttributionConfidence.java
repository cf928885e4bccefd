package io.claimlens.nlp.quotes;

import java.util.Map;

/**
 * The probability that an attribution is right, by the rule that made it.
 *
 * <p>Values are per-rule precisions measured on annotated news (see {@code benchmarks/RESULTS.md}), with a
 * separate value when the speaker had to be resolved (a pronoun, a role, a place standing for a government),
 * which is where rules go wrong most. A rule not in the table gets {@link #DEFAULT}.
 */
public final class AttributionConfidence {

    static final double DEFAULT = 0.5;

    private final Map<String, double[]> byRule;

    public AttributionConfidence(Map<String, double[]> byRule) {
        this.byRule = Map.copyOf(byRule);
    }

    /**
     * Initial values, set from the seed articles and examples before measurement; replaced by measured ones
     * when the quotation benchmark has been run ({@code claimlens bench quotes}).
     */
    public static AttributionConfidence defaults() {
        return new AttributionConfidence(Map.ofEntries(
                Map.entry("quote-intro-verb", new double[] {0.92, 0.80}),
                Map.entry("reported-speech", new double[] {0.85, 0.72}),
                Map.entry("trailing-said", new double[] {0.93, 0.80}),
                Map.entry("sentence-tag", new double[] {0.88, 0.75}),
                Map.entry("according-to", new double[] {0.85, 0.72}),
                Map.entry("continuation", new double[] {0.80, 0.80}),
                Map.entry("floating", new double[] {0.65, 0.65}),
                Map.entry("document-text", new double[] {0.80, 0.80}),
                Map.entry("headline", new double[] {0.85, 0.85}),
                Map.entry("title-or-term", new double[] {0.70, 0.70}),
                Map.entry("scare-quote", new double[] {0.70, 0.70}),
                Map.entry("no-candidate", new double[] {0.60, 0.60}),
                Map.entry("no-sentence", new double[] {0.50, 0.50})));
    }

    /**
     * @param rule     the deciding rule
     * @param resolved true when the speaker was resolved from a pronoun, role or place
     */
    public double of(String rule, boolean resolved) {
        double[] v = byRule.get(rule);
        if (v == null) {
            return DEFAULT;
        }
        return resolved ? v[1] : v[0];
    }
}
