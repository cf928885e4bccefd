package io.claimlens.ml;

import java.util.Arrays;
import java.util.Random;

/**
 * Binary logistic regression over sparse feature vectors (bag-of-words, TF-IDF), trained with mini-batch Adam and
 * L2 regularisation. Deterministic: seeded shuffle, one thread, fixed order; {@link StrictMath} for the
 * exponentials. Immutable after training; {@link #probability} is thread-safe.
 */
public final class SparseLogisticRegression {

    /** A sparse row: feature indices (ascending, distinct) and their values. */
    public record Row(int[] indices, double[] values) {
        public Row {
            if (indices.length != values.length) {
                throw new IllegalArgumentException("indices and values differ in length");
            }
        }
    }

    /** Training options. */
    public record Options(int epochs, int batchSize, double learningRate, double l2, long seed,
                          double positiveWeight) {
        public static Options defaults(long seed) {
            return new Options(10, 32, 0.01, 1e-5, seed, 1.0);
        }
    }

    private final double[] weights;
    private final double bias;

    public SparseLogisticRegression(double[] weights, double bias) {
        this.weights = weights.clone();
        this.bias = bias;
    }

    public static SparseLogisticRegression train(Row[] x, int[] y, int features, Options o) {
        if (x.length == 0 || x.length != y.length) {
            throw new IllegalArgumentException("need as many labels as rows, and at least one row");
        }
        double[] w = new double[features];
        double b = 0;
        double[] m = new double[features];
        double[] v = new double[features];
        double mb = 0;
        double vb = 0;
        double[] g = new double[features];
        boolean[] touched = new boolean[features];
        int[] touchedList = new int[features];
        int[] order = new int[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random rnd = new Random(o.seed());
        long step = 0;
        double b1 = 0.9;
        double b2 = 0.999;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int from = 0; from < order.length; from += o.batchSize()) {
                int to = Math.min(order.length, from + o.batchSize());
                int nTouched = 0;
                double gb = 0;
                double total = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    double cw = y[i] == 1 ? o.positiveWeight() : 1.0;
                    total += cw;
                    double err = (sigmoid(dot(w, x[i]) + b) - y[i]) * cw;
                    gb += err;
                    for (int q = 0; q < x[i].indices().length; q++) {
                        int f = x[i].indices()[q];
                        if (!touched[f]) {
                            touched[f] = true;
                            touchedList[nTouched++] = f;
                        }
                        g[f] += err * x[i].values()[q];
                    }
                }
                step++;
                double lrT = o.learningRate() * Math.sqrt(1 - StrictMath.pow(b2, step))
                        / (1 - StrictMath.pow(b1, step));
                // Dense Adam over all weights: L2 acts on every weight, and the moments decay everywhere.
                for (int f = 0; f < features; f++) {
                    double gf = g[f] / total + o.l2() * w[f];
                    m[f] = b1 * m[f] + (1 - b1) * gf;
                    v[f] = b2 * v[f] + (1 - b2) * gf * gf;
                    w[f] -= lrT * m[f] / (Math.sqrt(v[f]) + 1e-8);
                }
                for (int q = 0; q < nTouched; q++) {
                    g[touchedList[q]] = 0;
                    touched[touchedList[q]] = false;
                }
                double gbf = gb / total;
                mb = b1 * mb + (1 - b1) * gbf;
                vb = b2 * vb + (1 - b2) * gbf * gbf;
                b -= lrT * mb / (Math.sqrt(vb) + 1e-8);
            }
        }
        return new SparseLogisticRegression(w, b);
    }

    private static double dot(double[] w, Row r) {
        double s = 0;
        for (int q = 0; q < r.indices().length; q++) {
            s += w[r.indices()[q]] * r.values()[q];
        }
        return s;
    }

    private static double sigmoid(double z) {
        return z >= 0 ? 1 / (1 + StrictMath.exp(-z)) : StrictMath.exp(z) / (1 + StrictMath.exp(z));
    }

    /** Probability of class 1. */
    public double probability(Row r) {
        return sigmoid(dot(weights, r) + bias);
    }

    public double[] weights() {
        return Arrays.copyOf(weights, weights.length);
    }

    public double bias() {
        return bias;
    }
}
