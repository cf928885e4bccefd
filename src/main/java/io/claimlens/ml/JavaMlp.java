package io.claimlens.ml;

import java.util.Arrays;
import java.util.Random;

/**
 * A small multi-layer perceptron: standardised inputs, one hidden layer of ReLU units, a softmax output; trained
 * with mini-batch Adam, L2 regularisation and optional class weights.
 *
 * <p>Deterministic and portable: weights are initialised from a seeded {@link Random} (He initialisation), the
 * training order is a seeded shuffle, every loop runs on one thread in a fixed order, and the only transcendental
 * functions are {@link StrictMath}'s, whose results are specified bit for bit. The same data, options and seed
 * therefore give bit-identical weights on any JVM.
 *
 * <p>Immutable after training; {@link #probabilities} is thread-safe.
 */
public final class JavaMlp {

    private final double[] mean;
    private final double[] scale;
    private final double[][] w1; // [hidden][features]
    private final double[] b1;
    private final double[][] w2; // [classes][hidden]
    private final double[] b2;

    public JavaMlp(double[] mean, double[] scale, double[][] w1, double[] b1, double[][] w2, double[] b2) {
        if (mean.length != scale.length || w1.length != b1.length || w2.length != b2.length || w1.length == 0
                || w2.length == 0 || w1[0].length != mean.length || w2[0].length != w1.length) {
            throw new IllegalArgumentException("inconsistent MLP shapes");
        }
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.w1 = MlArrays.deepCopy(w1);
        this.b1 = b1.clone();
        this.w2 = MlArrays.deepCopy(w2);
        this.b2 = b2.clone();
    }

    /**
     * Training options.
     *
     * @param hidden       hidden units
     * @param epochs       passes over the data
     * @param batchSize    examples per Adam step
     * @param learningRate Adam step size
     * @param l2           weight decay on the weight matrices (not the biases)
     * @param seed         initialisation and shuffling seed
     * @param classWeights loss weight per class, or null for 1
     */
    public record Options(int hidden, int epochs, int batchSize, double learningRate, double l2, long seed,
                          double[] classWeights) {

        public static Options defaults(long seed) {
            return new Options(64, 20, 64, 1e-3, 1e-4, seed, null);
        }

        public Options withHidden(int h) {
            return new Options(h, epochs, batchSize, learningRate, l2, seed, classWeights);
        }

        public Options withEpochs(int e) {
            return new Options(hidden, e, batchSize, learningRate, l2, seed, classWeights);
        }

        public Options withL2(double v) {
            return new Options(hidden, epochs, batchSize, learningRate, v, seed, classWeights);
        }

        public Options withLearningRate(double v) {
            return new Options(hidden, epochs, batchSize, v, l2, seed, classWeights);
        }

        public Options withClassWeights(double[] w) {
            return new Options(hidden, epochs, batchSize, learningRate, l2, seed, w);
        }
    }

    /** Called after each epoch with a snapshot of the model (for choosing the epoch count on a dev set). */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, JavaMlp snapshot);
    }

    public static JavaMlp train(double[][] x, int[] y, int classes, Options o) {
        return train(x, y, classes, o, null);
    }

    public static JavaMlp train(double[][] x, int[] y, int classes, Options o, EpochListener listener) {
        return train(x, y, null, classes, o, listener);
    }

    /**
     * Trains with a loss weight per example on top of the class weights ({@code rowWeights} null: all 1, which
     * gives exactly the model of the overloads without it). A batch's gradient is divided by its total weight.
     */
    public static JavaMlp train(double[][] x, int[] y, double[] rowWeights, int classes, Options o,
                                EpochListener listener) {
        int n = x.length;
        if (rowWeights != null && rowWeights.length != n) {
            throw new IllegalArgumentException("rowWeights has " + rowWeights.length + " entries for " + n + " rows");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training data");
        }
        int d = x[0].length;
        int h = o.hidden();
        double[] mean = new double[d];
        double[] scale = new double[d];
        MlArrays.standardisation(x, mean, scale);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        Random rnd = new Random(o.seed());
        double[][] w1 = new double[h][d];
        double[] b1 = new double[h];
        double[][] w2 = new double[classes][h];
        double[] b2 = new double[classes];
        double s1 = Math.sqrt(2.0 / d);
        for (double[] row : w1) {
            for (int j = 0; j < d; j++) {
                row[j] = rnd.nextGaussian() * s1;
            }
        }
        double s2 = Math.sqrt(2.0 / h);
        for (double[] row : w2) {
            for (int j = 0; j < h; j++) {
                row[j] = rnd.nextGaussian() * s2;
            }
        }
        Adam a1 = new Adam(h, d);
        Adam ab1 = new Adam(1, h);
        Adam a2 = new Adam(classes, h);
        Adam ab2 = new Adam(1, classes);
        double[][] gw1 = new double[h][d];
        double[] gb1 = new double[h];
        double[][] gw2 = new double[classes][h];
        double[] gb2 = new double[classes];
        double[] hid = new double[h];
        double[] p = new double[classes];
        double[] dh = new double[h];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        long step = 0;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            MlArrays.shuffle(order, rnd);
            for (int from = 0; from < n; from += o.batchSize()) {
                int to = Math.min(n, from + o.batchSize());
                for (double[] g : gw1) {
                    Arrays.fill(g, 0);
                }
                for (double[] g : gw2) {
                    Arrays.fill(g, 0);
                }
                Arrays.fill(gb1, 0);
                Arrays.fill(gb2, 0);
                double totalWeight = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    double[] zi = z[i];
                    double cw = o.classWeights() == null ? 1.0 : o.classWeights()[y[i]];
                    if (rowWeights != null) {
                        cw *= rowWeights[i];
                    }
                    totalWeight += cw;
                    forward(zi, w1, b1, w2, b2, hid, p);
                    Arrays.fill(dh, 0);
                    for (int c = 0; c < classes; c++) {
                        double err = (p[c] - (y[i] == c ? 1 : 0)) * cw;
                        gb2[c] += err;
                        double[] gw2c = gw2[c];
                        double[] w2c = w2[c];
                        for (int u = 0; u < h; u++) {
                            gw2c[u] += err * hid[u];
                            dh[u] += err * w2c[u];
                        }
                    }
                    for (int u = 0; u < h; u++) {
                        if (hid[u] <= 0) {
                            continue;
                        }
                        double g = dh[u];
                        gb1[u] += g;
                        double[] gw1u = gw1[u];
                        for (int j = 0; j < d; j++) {
                            gw1u[j] += g * zi[j];
                        }
                    }
                }
                step++;
                double lrT = o.learningRate() * Math.sqrt(1 - StrictMath.pow(Adam.BETA2, step))
                        / (1 - StrictMath.pow(Adam.BETA1, step));
                a1.update(w1, gw1, totalWeight, o.l2(), lrT);
                a2.update(w2, gw2, totalWeight, o.l2(), lrT);
                ab1.update(new double[][] {b1}, new double[][] {gb1}, totalWeight, 0, lrT);
                ab2.update(new double[][] {b2}, new double[][] {gb2}, totalWeight, 0, lrT);
            }
            if (listener != null) {
                listener.epochDone(epoch + 1, new JavaMlp(mean, scale, w1, b1, w2, b2));
            }
        }
        return new JavaMlp(mean, scale, w1, b1, w2, b2);
    }

    /** Adam moments for one parameter matrix. */
    private static final class Adam {
        static final double BETA1 = 0.9;
        static final double BETA2 = 0.999;
        static final double EPS = 1e-8;
        final double[][] m;
        final double[][] v;

        Adam(int rows, int cols) {
            m = new double[rows][cols];
            v = new double[rows][cols];
        }

        void update(double[][] w, double[][] grad, double totalWeight, double l2, double lrT) {
            for (int r = 0; r < w.length; r++) {
                double[] wr = w[r];
                double[] gr = grad[r];
                double[] mr = m[r];
                double[] vr = v[r];
                for (int c = 0; c < wr.length; c++) {
                    double g = gr[c] / totalWeight + l2 * wr[c];
                    mr[c] = BETA1 * mr[c] + (1 - BETA1) * g;
                    vr[c] = BETA2 * vr[c] + (1 - BETA2) * g * g;
                    wr[c] -= lrT * mr[c] / (Math.sqrt(vr[c]) + EPS);
                }
            }
        }
    }

    private static void forward(double[] z, double[][] w1, double[] b1, double[][] w2, double[] b2, double[] hid,
                                double[] out) {
        for (int u = 0; u < w1.length; u++) {
            double s = b1[u];
            double[] w = w1[u];
            for (int j = 0; j < z.length; j++) {
                s += w[j] * z[j];
            }
            hid[u] = s > 0 ? s : 0;
        }
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w2.length; c++) {
            double s = b2[c];
            double[] w = w2[c];
            for (int u = 0; u < hid.length; u++) {
                s += w[u] * hid[u];
            }
            out[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < out.length; c++) {
            out[c] = StrictMath.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < out.length; c++) {
            out[c] /= sum;
        }
    }

    /** Class probabilities for one raw (unstandardised) feature vector. */
    public double[] probabilities(double[] x) {
        double[] l = logits(x);
        double max = Double.NEGATIVE_INFINITY;
        for (double v : l) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < l.length; c++) {
            l[c] = StrictMath.exp(l[c] - max);
            sum += l[c];
        }
        for (int c = 0; c < l.length; c++) {
            l[c] /= sum;
        }
        return l;
    }

    /** Output scores before the softmax, for one raw (unstandardised) feature vector. */
    public double[] logits(double[] x) {
        int d = mean.length;
        if (x.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + x.length);
        }
        double[] hid = new double[b1.length];
        for (int u = 0; u < hid.length; u++) {
            double s = b1[u];
            double[] w = w1[u];
            for (int j = 0; j < d; j++) {
                s += w[j] * ((x[j] - mean[j]) / scale[j]);
            }
            hid[u] = s > 0 ? s : 0;
        }
        double[] out = new double[b2.length];
        for (int c = 0; c < out.length; c++) {
            double s = b2[c];
            for (int u = 0; u < hid.length; u++) {
                s += w2[c][u] * hid[u];
            }
            out[c] = s;
        }
        return out;
    }

    public int features() {
        return mean.length;
    }

    public int hidden() {
        return b1.length;
    }

    public int classes() {
        return b2.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public double[][] w1() {
        return MlArrays.deepCopy(w1);
    }

    public double[] b1() {
        return b1.clone();
    }

    public double[][] w2() {
        return MlArrays.deepCopy(w2);
    }

    public double[] b2() {
        return b2.clone();
    }
}
