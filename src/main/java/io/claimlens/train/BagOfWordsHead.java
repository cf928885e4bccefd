package io.claimlens.train;

import io.claimlens.ml.Calibration;
import io.claimlens.ml.SparseLogisticRegression;
import io.claimlens.ml.TfIdf;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A bag-of-words verdict head: a softmax regression over TF-IDF word vectors of a claim and its evidence, whose
 * log-probabilities become features of the verdict classifier (stacking).
 *
 * <p>Why a separate head: the words of the evidence carry what sentence embeddings average away ("doctored",
 * "satire", "no record", "misleading"), but thousands of sparse columns cannot enter the verdict regression
 * directly: that regression standardises its inputs, which blows rare words up to the scale of common ones
 * (AVeriTeC dev macro-F1 0.43 that way against 0.50 stacked, in a scratch run; benchmarks/RESULTS.md).
 *
 * <p>Vectors: {@link TfIdf} (words and word pairs in at least {@value #MIN_DF} training texts), times {@value #SCALE},
 * plus a bias column. Fitted by full-batch gradient descent ({@value #ITERATIONS} steps, rate
 * {@value #RATE}, L2 {@value #L2}, inverse-square-root class weights) from zero weights: deterministic, no seed.
 *
 * <p>Leakage rule, as {@link EvidenceLabelHead}: {@link #outOfFold} gives each row features from a head that never
 * saw it.
 */
public final class BagOfWordsHead {

    static final int MIN_DF = 5;
    static final double SCALE = 5;
    static final int ITERATIONS = 1500;
    static final double RATE = 0.5;
    static final double L2 = 1e-3;

    private final TfIdf vectors;
    private final double[][] weights;  // [classes][1 + vocabulary]
    private final int classes;

    private BagOfWordsHead(TfIdf vectors, double[][] weights) {
        this.vectors = vectors;
        this.weights = weights;
        this.classes = weights.length;
    }

    /**
     * Fits a head.
     *
     * @param texts   one text per row (claim and evidence, joined)
     * @param labels  class index per row, in {@code [0, classes)}
     * @param classes number of classes
     */
    public static BagOfWordsHead fit(List<String> texts, int[] labels, int classes) {
        if (texts.size() != labels.length || texts.isEmpty()) {
            throw new IllegalArgumentException("need one label per text and at least one text");
        }
        TfIdf vectors = TfIdf.fit(texts, MIN_DF);
        SparseLogisticRegression.Row[] x = new SparseLogisticRegression.Row[texts.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = vectors.transform(texts.get(i));
        }
        int columns = vectors.size();
        double[] classWeight = VerdictFit.classWeights(labels, classes);
        double[][] w = new double[classes][1 + columns];
        double[][] grad = new double[classes][1 + columns];
        double totalWeight = 0;
        for (int y : labels) {
            totalWeight += classWeight[y];
        }
        for (int it = 0; it < ITERATIONS; it++) {
            for (double[] g : grad) {
                Arrays.fill(g, 0);
            }
            for (int i = 0; i < x.length; i++) {
                double[] p = probabilities(w, x[i]);
                double rw = classWeight[labels[i]] / totalWeight;
                for (int c = 0; c < classes; c++) {
                    double d = (p[c] - (labels[i] == c ? 1 : 0)) * rw;
                    if (d == 0) {
                        continue;
                    }
                    grad[c][0] += d;
                    for (int k = 0; k < x[i].indices().length; k++) {
                        grad[c][1 + x[i].indices()[k]] += d * SCALE * x[i].values()[k];
                    }
                }
            }
            for (int c = 0; c < classes; c++) {
                for (int j = 0; j < w[c].length; j++) {
                    w[c][j] -= RATE * (grad[c][j] + L2 * w[c][j]);
                }
            }
        }
        return new BagOfWordsHead(vectors, w);
    }

    /** Log-probabilities of each class for one text. */
    public double[] logProbabilities(String text) {
        double[] p = probabilities(weights, vectors.transform(text));
        double[] out = new double[classes];
        for (int c = 0; c < classes; c++) {
            out[c] = Math.log(Math.max(p[c], 1e-12));
        }
        return out;
    }

    public int vocabularySize() {
        return vectors.size();
    }

    /**
     * Out-of-fold log-probabilities for every row: row i's come from a head fitted on the rows of the other folds.
     *
     * @param fold fold index per row, in {@code [0, folds)}
     */
    public static double[][] outOfFold(List<String> texts, int[] labels, int classes, int[] fold, int folds) {
        double[][] out = new double[texts.size()][];
        for (int f = 0; f < folds; f++) {
            List<String> t = new ArrayList<>();
            List<Integer> y = new ArrayList<>();
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] != f) {
                    t.add(texts.get(i));
                    y.add(labels[i]);
                }
            }
            BagOfWordsHead h = fit(t, y.stream().mapToInt(Integer::intValue).toArray(), classes);
            for (int i = 0; i < texts.size(); i++) {
                if (fold[i] == f) {
                    out[i] = h.logProbabilities(texts.get(i));
                }
            }
        }
        return out;
    }

    private static double[] probabilities(double[][] w, SparseLogisticRegression.Row x) {
        double[] z = new double[w.length];
        for (int c = 0; c < w.length; c++) {
            z[c] = w[c][0];
            for (int k = 0; k < x.indices().length; k++) {
                z[c] += w[c][1 + x.indices()[k]] * SCALE * x.values()[k];
            }
        }
        return Calibration.softmax(z, 1);
    }
}
