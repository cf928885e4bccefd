package io.claimlens.ml;

import java.util.Random;

/**
 * Array steps the learners share. Each does its arithmetic in one fixed order, so a seeded training run gives the
 * same bits on every JVM; changing the order here changes every trained model.
 */
public final class MlArrays {

    private MlArrays() {
    }

    /**
     * Fills {@code mean} and {@code scale} (both zero, length = the rows' width) with each column's mean and
     * population standard deviation over {@code x}; a constant column gets scale 1 so standardising never divides
     * by zero.
     */
    public static void standardisation(double[][] x, double[] mean, double[] scale) {
        int n = x.length;
        int d = mean.length;
        for (double[] row : x) {
            if (row.length != d) {
                throw new IllegalArgumentException("rows differ in length: " + row.length + " vs " + d);
            }
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= n;
        }
        for (double[] row : x) {
            for (int j = 0; j < d; j++) {
                double v = row[j] - mean[j];
                scale[j] += v * v;
            }
        }
        for (int j = 0; j < d; j++) {
            scale[j] = Math.sqrt(scale[j] / n);
            if (scale[j] < 1e-9) {
                scale[j] = 1.0;
            }
        }
    }

    /**
     * Class weights {@code sqrt(n / (k · n_c))} for labels {@code y} over {@code k} classes (1 for a class absent from
     * {@code y}): halfway, on a log scale, between no weighting and full balancing, the weighting the evidence and
     * embedding-view heads train with.
     */
    public static double[] inverseSqrtClassWeights(int[] y, int k) {
        int[] count = new int[k];
        for (int v : y) {
            count[v]++;
        }
        double[] weights = new double[k];
        for (int c = 0; c < k; c++) {
            weights[c] = count[c] == 0 ? 1 : Math.sqrt(y.length / ((double) k * count[c]));
        }
        return weights;
    }

    /** Fisher-Yates shuffle in place, drawing from {@code r}: the same seed gives the same order. */
    public static void shuffle(int[] a, Random r) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** A copy whose rows are copies too, for handing out a model's weights without exposing them. */
    public static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
