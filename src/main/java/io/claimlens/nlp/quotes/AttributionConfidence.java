package io.claimlens.nlp.quotes;

import io.claimlens.ml.ModelStore;

import java.util.Map;
import java.util.TreeMap;

/**
 * The probability that an attribution is right, given the rule that made it.
 *
 * <p>Each value is the rule's precision measured on annotated news (PolNeAR's train split, Laplace-smoothed), so a
 * confidence of 0.8 means that about 8 in 10 attributions made that way were right there; {@code claimlens bench
 * quotes} checks this on the test split (ECE). Rules are keyed by their full name, including the resolution step
 * ({@code reported-speech+pronoun}); a rule not seen in training gets the overall precision.
 *
 * <p>Immutable and thread-safe.
 */
public final class AttributionConfidence {

    public static final String DEFAULT_MODEL = "classpath:models/attribution-confidence-v1";

    /**
     * The serialised table ({@code model.json}).
     *
     * @param byRule   full rule name → precision
     * @param fallback the overall precision, for rules not in the table
     */
    public record Table(Map<String, Double> byRule, double fallback) {
    }

    private final Table table;

    public AttributionConfidence(Table table) {
        this.table = new Table(Map.copyOf(table.byRule()), table.fallback());
    }

    /** Loads a trained table; a missing or tampered model is an error naming it. */
    public static AttributionConfidence load(String location) {
        ModelStore.Loaded m = ModelStore.load(location);
        return new AttributionConfidence(ModelStore.fromJson(m.file("model.json"), Table.class));
    }

    /**
     * A table that knows nothing: every attribution gets 0.5. Only for measuring the rules before a table exists
     * (the trainer uses it); never the default.
     */
    public static AttributionConfidence untrained() {
        return new AttributionConfidence(new Table(Map.of(), 0.5));
    }

    public double of(String rule) {
        return table.byRule().getOrDefault(rule, table.fallback());
    }

    public Map<String, Double> asMap() {
        return new TreeMap<>(table.byRule());
    }
}
