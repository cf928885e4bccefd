package io.claimlens.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An immutable probability distribution over the constants of an enum, in the enum's declaration order.
 *
 * <p>The label order is the enum's, never a string list, so a model's output index and its label cannot drift
 * apart. Probabilities are non-negative and sum to 1 (within 1e-6).
 *
 * @param <L> the label enum
 */
public final class Distribution<L extends Enum<L>> {

    private final Class<L> labels;
    private final double[] p;

    private Distribution(Class<L> labels, double[] p) {
        this.labels = labels;
        this.p = p;
    }

    /** A distribution from probabilities given in the enum's order; they are checked, not renormalised. */
    public static <L extends Enum<L>> Distribution<L> of(Class<L> labels, double[] probabilities) {
        L[] constants = labels.getEnumConstants();
        if (probabilities.length != constants.length) {
            throw new IllegalArgumentException("expected " + constants.length + " probabilities for "
                    + labels.getSimpleName() + ", got " + probabilities.length);
        }
        double sum = 0;
        for (double v : probabilities) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("probabilities must be finite and >= 0: "
                        + Arrays.toString(probabilities));
            }
            sum += v;
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new IllegalArgumentException("probabilities must sum to 1, got " + sum);
        }
        return new Distribution<>(labels, probabilities.clone());
    }

    /** Normalises non-negative scores to a distribution. */
    public static <L extends Enum<L>> Distribution<L> normalise(Class<L> labels, double[] scores) {
        double sum = 0;
        for (double v : scores) {
            sum += v;
        }
        if (!(sum > 0)) {
            throw new IllegalArgumentException("scores must have a positive sum");
        }
        double[] p = new double[scores.length];
        for (int i = 0; i < p.length; i++) {
            p[i] = scores[i] / sum;
        }
        return of(labels, p);
    }

    /** All mass on one label. */
    public static <L extends Enum<L>> Distribution<L> certain(L label) {
        Class<L> type = label.getDeclaringClass();
        double[] p = new double[type.getEnumConstants().length];
        p[label.ordinal()] = 1.0;
        return new Distribution<>(type, p);
    }

    public double get(L label) {
        return p[label.ordinal()];
    }

    /** The most probable label; ties go to the label declared first. */
    public L argmax() {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return labels.getEnumConstants()[best];
    }

    public double max() {
        return get(argmax());
    }

    public double[] toArray() {
        return p.clone();
    }

    public Class<L> labelType() {
        return labels;
    }

    /** Label name to probability, in the enum's order. */
    public Map<L, Double> asMap() {
        EnumMap<L, Double> m = new EnumMap<>(labels);
        for (L l : labels.getEnumConstants()) {
            m.put(l, p[l.ordinal()]);
        }
        return Collections.unmodifiableMap(m);
    }

    /** Label name to probability rounded to {@code digits} decimals, in the enum's order (for reports). */
    public Map<String, Double> rounded(int digits) {
        double scale = Math.pow(10, digits);
        Map<String, Double> m = new LinkedHashMap<>();
        for (L l : labels.getEnumConstants()) {
            m.put(l.name(), Math.round(p[l.ordinal()] * scale) / scale);
        }
        return Collections.unmodifiableMap(m);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Distribution<?> d && d.labels == labels && Arrays.equals(d.p, p);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labels, Arrays.hashCode(p));
    }

    @Override
    public String toString() {
        return rounded(4).toString();
    }
}
