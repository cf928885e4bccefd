package io.claimlens.ml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Classification metrics over integer labels {@code 0..k-1}: accuracy, per-class precision/recall/F1, macro-F1,
 * confusion matrix, and the calibration measures ECE (equal-width confidence bins), Brier score and NLL.
 */
public final class Metrics {

    private Metrics() {
    }

    /** confusion[gold][predicted]. */
    public static int[][] confusion(int[] gold, int[] pred, int k) {
        int[][] m = new int[k][k];
        for (int i = 0; i < gold.length; i++) {
            m[gold[i]][pred[i]]++;
        }
        return m;
    }

    public static double accuracy(int[] gold, int[] pred) {
        int ok = 0;
        for (int i = 0; i < gold.length; i++) {
            if (gold[i] == pred[i]) {
                ok++;
            }
        }
        return gold.length == 0 ? 0 : (double) ok / gold.length;
    }

    /** Per-class {precision, recall, f1, support}. */
    public static double[][] perClass(int[][] confusion) {
        int k = confusion.length;
        double[][] out = new double[k][4];
        for (int c = 0; c < k; c++) {
            int tp = confusion[c][c];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += confusion[j][c];
                actual += confusion[c][j];
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = actual == 0 ? 0 : (double) tp / actual;
            out[c][0] = p;
            out[c][1] = r;
            out[c][2] = p + r == 0 ? 0 : 2 * p * r / (p + r);
            out[c][3] = actual;
        }
        return out;
    }

    /** Mean F1 over the classes that occur in gold or predictions. */
    public static double macroF1(int[][] confusion) {
        double[][] pc = perClass(confusion);
        double s = 0;
        int n = 0;
        for (int c = 0; c < pc.length; c++) {
            int predicted = 0;
            for (int[] row : confusion) {
                predicted += row[c];
            }
            if (pc[c][3] > 0 || predicted > 0) {
                s += pc[c][2];
                n++;
            }
        }
        return n == 0 ? 0 : s / n;
    }

    /**
     * Expected calibration error of the top-label confidence with {@code bins} equal-width bins: the
     * sample-weighted mean of |accuracy - mean confidence| per bin.
     */
    public static double ece(double[][] probs, int[] gold, int bins) {
        double[] confidence = new double[gold.length];
        boolean[] correct = new boolean[gold.length];
        for (int i = 0; i < gold.length; i++) {
            int top = argmax(probs[i]);
            confidence[i] = probs[i][top];
            correct[i] = top == gold[i];
        }
        return ece(confidence, correct, bins);
    }

    /**
     * Expected calibration error of confidences in decisions, each right or wrong, with {@code bins} equal-width
     * bins: the sample-weighted mean of |accuracy - mean confidence| per bin. The multi-class form above reads each
     * item's top label; a quotation's attribution confidence is read directly.
     */
    public static double ece(double[] confidence, boolean[] correct, int bins) {
        if (confidence.length != correct.length) {
            throw new IllegalArgumentException(confidence.length + " confidences for " + correct.length + " outcomes");
        }
        double[] conf = new double[bins];
        double[] acc = new double[bins];
        int[] count = new int[bins];
        for (int i = 0; i < confidence.length; i++) {
            int b = confidenceBin(confidence[i], bins);
            conf[b] += confidence[i];
            acc[b] += correct[i] ? 1 : 0;
            count[b]++;
        }
        double e = 0;
        for (int b = 0; b < bins; b++) {
            if (count[b] > 0) {
                e += Math.abs(acc[b] - conf[b]) / confidence.length;
            }
        }
        return e;
    }

    /**
     * The bin of {@code bins} equal-width bins over [0, 1] that a confidence falls in; 1.0 falls in the last. The one
     * binning of {@link #ece}, the reliability diagram and the attribution ECE.
     */
    public static int confidenceBin(double confidence, int bins) {
        return Math.min(bins - 1, (int) (confidence * bins));
    }

    /** Multi-class Brier score: mean over items of the squared distance to the one-hot label. */
    public static double brier(double[][] probs, int[] gold) {
        double s = 0;
        for (int i = 0; i < gold.length; i++) {
            for (int c = 0; c < probs[i].length; c++) {
                double t = c == gold[i] ? 1 : 0;
                s += (probs[i][c] - t) * (probs[i][c] - t);
            }
        }
        return s / gold.length;
    }

    public static double nll(double[][] probs, int[] gold) {
        double s = 0;
        for (int i = 0; i < gold.length; i++) {
            s -= Math.log(Math.max(probs[i][gold[i]], 1e-15));
        }
        return s / gold.length;
    }

    /**
     * A percentile bootstrap 95% interval of a statistic over {@code n} items: {@code reps} resamples of n indices
     * drawn with replacement ({@code new Random(seed)}, index by index), the statistic computed on each, and the
     * 2.5th and 97.5th percentiles returned as {@code {low, high}}. Deterministic for a seed.
     *
     * @param statistic the statistic of a resample, given the resampled item indices
     */
    public static double[] bootstrap95(int n, int reps, long seed,
                                       java.util.function.ToDoubleFunction<int[]> statistic) {
        java.util.Random r = new java.util.Random(seed);
        double[] v = new double[reps];
        int[] idx = new int[n];
        for (int k = 0; k < reps; k++) {
            for (int i = 0; i < n; i++) {
                idx[i] = r.nextInt(n);
            }
            v[k] = statistic.applyAsDouble(idx);
        }
        java.util.Arrays.sort(v);
        return new double[] {v[(int) Math.floor(0.025 * (reps - 1))], v[(int) Math.ceil(0.975 * (reps - 1))]};
    }

    public static int argmax(double[] p) {
        int best = 0;
        for (int i = 1; i < p.length; i++) {
            if (p[i] > p[best]) {
                best = i;
            }
        }
        return best;
    }

    /** The usual summary as flat name → value pairs (fractions in 0-1). */
    public static Map<String, Double> summary(double[][] probs, int[] gold, int k) {
        int[] pred = new int[gold.length];
        for (int i = 0; i < gold.length; i++) {
            pred[i] = argmax(probs[i]);
        }
        int[][] cm = confusion(gold, pred, k);
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("accuracy", accuracy(gold, pred));
        m.put("macro_f1", macroF1(cm));
        m.put("ece", ece(probs, gold, 15));
        m.put("brier", brier(probs, gold));
        m.put("nll", nll(probs, gold));
        m.put("n", (double) gold.length);
        return m;
    }
}
