package io.claimlens.train;

import io.claimlens.ml.JavaMlp;
import io.claimlens.ml.MlArrays;

import java.util.ArrayList;
import java.util.List;

/**
 * A verdict head over a claim and the mean of its evidence, read through several sentence encoders: an MLP whose
 * log-probabilities become features of the verdict classifier (stacking), as {@link BagOfWordsHead}'s do.
 *
 * <p>Why: the verdict regression reads one encoder's claim vector and cannot afford more (384 inputs each, ~3,000
 * training claims on AVeriTeC), and it is linear. Encoders trained differently separate different things; a small
 * MLP over three of them, stacked, reads the claim and its evidence better than any one (AVeriTeC train, out of
 * fold, the head alone in a scratch run: macro-F1 0.4368 with three views against 0.4002 with MiniLM alone;
 * benchmarks/RESULTS.md, 2026-12-02 eighth session).
 *
 * <p>Input ({@link #input}): for each view, the claim's vector, the mean of its evidence vectors (zero when it has
 * none), their element-wise product and absolute difference; then each view's cosine of the two; then a no-evidence
 * flag. Head: one-hidden-layer MLP ({@value #HIDDEN} units, {@value #EPOCHS} epochs, Adam), inverse-square-root
 * class weights; {@value #MEMBERS} per fold, differently seeded, averaged.
 *
 * <p>Leakage rule, as {@link EvidenceLabelHead}'s: a row a head may train on is read by the heads of its own fold,
 * which never saw it; every other row by the mean of all the heads, so both are read by heads of the same strength.
 * Deterministic for a seed.
 */
public final class EmbeddingViewHead {

    private static final int HIDDEN = 64;
    private static final int EPOCHS = 10;
    private static final int MEMBERS = 3;

    private EmbeddingViewHead() {
    }

    /**
     * The input of one claim, from one or more encoders' views (unit vectors; the same encoders, in the same order,
     * for every claim a head reads).
     *
     * @param claimViews    the claim's vector by each encoder
     * @param evidenceViews per encoder, the vectors of the claim's evidence texts (may be empty)
     */
    public static double[] input(List<float[]> claimViews, List<List<float[]>> evidenceViews) {
        if (claimViews.isEmpty() || claimViews.size() != evidenceViews.size()) {
            throw new IllegalArgumentException("need the same one or more views of the claim and of its evidence");
        }
        int views = claimViews.size();
        int d = claimViews.get(0).length;
        double[] x = new double[views * 4 * d + views + 1];
        for (int v = 0; v < views; v++) {
            float[] c = claimViews.get(v);
            List<float[]> ev = evidenceViews.get(v);
            double[] mean = new double[d];
            for (float[] e : ev) {
                for (int k = 0; k < d; k++) {
                    mean[k] += e[k] / (double) ev.size();
                }
            }
            int at = v * 4 * d;
            double cos = 0;
            for (int k = 0; k < d; k++) {
                x[at + k] = c[k];
                x[at + d + k] = mean[k];
                x[at + 2 * d + k] = c[k] * mean[k];
                x[at + 3 * d + k] = Math.abs(c[k] - mean[k]);
                cos += c[k] * mean[k];
            }
            // the mean of unit vectors is shorter than one: its cosine with the claim, not the raw dot product
            double sq = 0;
            for (double m : mean) {
                sq += m * m;
            }
            double norm = Math.sqrt(sq);
            x[views * 4 * d + v] = norm == 0 ? 0 : cos / norm;
        }
        x[x.length - 1] = evidenceViews.get(0).isEmpty() ? 1 : 0;
        return x;
    }

    /**
     * Log-probabilities over {@code classes} for every row: a row with {@code fold[i] >= 0} is trainable and read by
     * the heads trained on the trainable rows of the other folds; a row with {@code fold[i] < 0} by the mean of all
     * the heads' probabilities.
     *
     * @param x      one {@link #input} per row
     * @param labels class index per row in {@code [0, classes)}; read only for trainable rows
     * @param fold   fold of each trainable row in {@code [0, folds)}, or -1
     */
    public static double[][] logProbabilities(double[][] x, int[] labels, int[] fold, int folds, int classes,
                                              long seed) {
        int n = x.length;
        if (labels.length != n || fold.length != n) {
            throw new IllegalArgumentException("need a label and a fold per row");
        }
        double[][] p = new double[n][classes];
        for (int f = 0; f < folds; f++) {
            List<double[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (fold[i] >= 0 && fold[i] != f) {
                    xs.add(x[i]);
                    ys.add(labels[i]);
                }
            }
            int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
            double[] weights = MlArrays.inverseSqrtClassWeights(y, classes);
            for (int e = 0; e < MEMBERS; e++) {
                JavaMlp head = JavaMlp.train(xs.toArray(new double[0][]), y, classes, JavaMlp.Options
                        .defaults(seed + 1 + f + 1000L * e).withHidden(HIDDEN).withEpochs(EPOCHS)
                        .withClassWeights(weights));
                for (int i = 0; i < n; i++) {
                    if (fold[i] == f || fold[i] < 0) {
                        double[] q = head.probabilities(x[i]);
                        int of = fold[i] < 0 ? folds * MEMBERS : MEMBERS;
                        for (int c = 0; c < classes; c++) {
                            p[i][c] += q[c] / of;
                        }
                    }
                }
            }
        }
        double[][] out = new double[n][classes];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < classes; c++) {
                out[i][c] = Math.log(Math.max(p[i][c], 1e-6));
            }
        }
        return out;
    }
}
