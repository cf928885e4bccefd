package io.claimlens.verdict;

import io.claimlens.ml.Calibration;

import java.util.Arrays;

/**
 * Maps a verdict model's logits to calibrated probabilities. Two kinds, both fitted by minimising negative
 * log-likelihood on held-out predictions:
 * <ul>
 *   <li>{@code TEMPERATURE}: softmax(z / T), one parameter (Guo et al. 2017);</li>
 *   <li>{@code VECTOR}: softmax(a * z + b), a scale and a bias per grade (vector scaling, a diagonal Dirichlet
 *       calibration), fitted by gradient descent with a small pull toward a = 1, b = 0.</li>
 * </ul>
 * Grades absent from a dataset are masked (probability 0) before the softmax.
 *
 * @param kind   which calibrator
 * @param scale  per-grade scale (TEMPERATURE: all 1/T)
 * @param bias   per-grade bias (TEMPERATURE: all 0)
 */
public record Calibrator(Kind kind, double[] scale, double[] bias) {

    public enum Kind { TEMPERATURE, VECTOR }

    public static Calibrator identity(int k) {
        double[] a = new double[k];
        Arrays.fill(a, 1.0);
        return new Calibrator(Kind.TEMPERATURE, a, new double[k]);
    }

    public double[] apply(double[] logits, boolean[] allowed) {
        double[] z = new double[logits.length];
        for (int c = 0; c < z.length; c++) {
            z[c] = allowed != null && !allowed[c] ? Double.NEGATIVE_INFINITY : scale[c] * logits[c] + bias[c];
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double[] p = new double[z.length];
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            p[i] = z[i] == Double.NEGATIVE_INFINITY ? 0 : Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Mean NLL of labels under this calibrator. */
    public double nll(double[][] logits, int[] y, boolean[] allowed) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s -= Math.log(Math.max(apply(logits[i], allowed)[y[i]], 1e-15));
        }
        return s / y.length;
    }

    public static Calibrator fitTemperature(double[][] logits, int[] y, boolean[] allowed) {
        double[][] masked = mask(logits, allowed);
        double t = Calibration.fitTemperature(masked, y);
        double[] a = new double[logits[0].length];
        Arrays.fill(a, 1.0 / t);
        return new Calibrator(Kind.TEMPERATURE, a, new double[a.length]);
    }

    /** Vector scaling by full-batch gradient descent (deterministic), starting from the fitted temperature. */
    public static Calibrator fitVector(double[][] logits, int[] y, boolean[] allowed) {
        int k = logits[0].length;
        Calibrator start = fitTemperature(logits, y, allowed);
        double[] a = start.scale().clone();
        double[] b = new double[k];
        double lr = 0.05;
        double l2 = 1e-3;
        for (int it = 0; it < 600; it++) {
            double[] ga = new double[k];
            double[] gb = new double[k];
            for (int i = 0; i < y.length; i++) {
                double[] p = new Calibrator(Kind.VECTOR, a, b).apply(logits[i], allowed);
                for (int c = 0; c < k; c++) {
                    if (allowed != null && !allowed[c]) {
                        continue;
                    }
                    double err = p[c] - (c == y[i] ? 1 : 0);
                    ga[c] += err * logits[i][c];
                    gb[c] += err;
                }
            }
            for (int c = 0; c < k; c++) {
                a[c] -= lr * (ga[c] / y.length + l2 * (a[c] - start.scale()[c]));
                b[c] -= lr * (gb[c] / y.length + l2 * b[c]);
            }
        }
        return new Calibrator(Kind.VECTOR, a, b);
    }

    private static double[][] mask(double[][] logits, boolean[] allowed) {
        if (allowed == null) {
            return logits;
        }
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i].clone();
            for (int c = 0; c < allowed.length; c++) {
                if (!allowed[c]) {
                    out[i][c] = -1e9;
                }
            }
        }
        return out;
    }

    /** "temperature scaling (T=1.21)" or "vector scaling". */
    public String describe() {
        return kind == Kind.TEMPERATURE
                ? String.format(java.util.Locale.ROOT, "temperature scaling (T=%.3f)", 1.0 / scale[0])
                : "vector scaling (a scale and a bias per grade)";
    }
}
