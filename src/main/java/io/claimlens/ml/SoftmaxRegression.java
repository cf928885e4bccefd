package io.claimlens.ml;

import java.util.Random;

/**
 * Multinomial logistic regression on standardised features, trained with mini-batch Adam and L2 regularisation.
 *
 * <p>Deterministic: the only randomness is the seeded shuffle of the training order, and every loop runs on one
 * thread in a fixed order, so the same data, options and seed give bit-identical weights.
 *
 * <p>Immutable after training; {@link #probabilities} is thread-safe.
 */
public final class SoftmaxRegression {

    private final double[] mean;
    private final double[] scale;
    private final double[][] weights; // [classes][features]
    private final double[] bias;

    public SoftmaxRegression(double[] mean, double[] scale, double[][] weights, double[] bias) {
        this.mean = mean.clone();
        this.scale = scale.clone();
        this.weights = MlArrays.deepCopy(weights);
        this.bias = bias.clone();
        if (weights.length != bias.length || mean.length != scale.length
                || (weights.length > 0 && weights[0].length != mean.length)) {
            throw new IllegalArgumentException("inconsistent model shapes");
        }
    }

    /**
     * Training options.
     *
     * @param averageLastEpochs 0: the model is the last step's weights; n &gt; 0: the mean of the weights after every
     *                          step of the last n epochs (Polyak averaging). Adam at a constant learning rate keeps
     *                          moving around the optimum, so the last step's weights depend on where it stopped; the
     *                          mean of the steps does not, and sits nearer the optimum.
     */
    public record Options(int epochs, int batchSize, double learningRate, double l2, long seed,
                          double[] classWeights, int averageLastEpochs) {

        public Options(int epochs, int batchSize, double learningRate, double l2, long seed, double[] classWeights) {
            this(epochs, batchSize, learningRate, l2, seed, classWeights, 0);
        }

        public Options {
            if (averageLastEpochs < 0 || averageLastEpochs > epochs) {
                throw new IllegalArgumentException("averageLastEpochs must be in [0, epochs]: " + averageLastEpochs);
            }
        }

        public static Options defaults(long seed) {
            return new Options(40, 64, 0.01, 1e-4, seed, null);
        }

        public Options withClassWeights(double[] w) {
            return new Options(epochs, batchSize, learningRate, l2, seed, w, averageLastEpochs);
        }

        public Options withEpochs(int e) {
            return new Options(e, batchSize, learningRate, l2, seed, classWeights, averageLastEpochs);
        }

        public Options withL2(double v) {
            return new Options(epochs, batchSize, learningRate, v, seed, classWeights, averageLastEpochs);
        }

        public Options withAverageLastEpochs(int n) {
            return new Options(epochs, batchSize, learningRate, l2, seed, classWeights, n);
        }
    }

    public static SoftmaxRegression train(double[][] x, int[] y, int classes, Options o) {
        return train(x, y, null, classes, o);
    }

    /**
     * Trains with a loss weight per example on top of the class weights ({@code rowWeights} null: all 1, which
     * gives exactly the model of the overload without it). A batch's gradient is divided by its total weight.
     */
    public static SoftmaxRegression train(double[][] x, int[] y, double[] rowWeights, int classes, Options o) {
        int n = x.length;
        if (rowWeights != null && rowWeights.length != n) {
            throw new IllegalArgumentException("rowWeights has " + rowWeights.length + " entries for " + n + " rows");
        }
        if (n == 0) {
            throw new IllegalArgumentException("no training data");
        }
        int d = x[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        MlArrays.standardisation(x, mean, scale);
        double[][] z = new double[n][d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                z[i][j] = (x[i][j] - mean[j]) / scale[j];
            }
        }
        double[][] w = new double[classes][d];
        double[] b = new double[classes];
        double[][] mw = new double[classes][d];
        double[][] vw = new double[classes][d];
        double[] mb = new double[classes];
        double[] vb = new double[classes];
        double beta1 = 0.9;
        double beta2 = 0.999;
        double eps = 1e-8;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Random rnd = new Random(o.seed());
        long step = 0;
        double[][] gw = new double[classes][d];
        double[] gb = new double[classes];
        double[] p = new double[classes];
        double[][] avgW = new double[classes][d];
        double[] avgB = new double[classes];
        long averaged = 0;
        for (int epoch = 0; epoch < o.epochs(); epoch++) {
            MlArrays.shuffle(order, rnd);
            for (int from = 0; from < n; from += o.batchSize()) {
                int to = Math.min(n, from + o.batchSize());
                for (double[] g : gw) {
                    java.util.Arrays.fill(g, 0);
                }
                java.util.Arrays.fill(gb, 0);
                double totalWeight = 0;
                for (int k = from; k < to; k++) {
                    int i = order[k];
                    double cw = o.classWeights() == null ? 1.0 : o.classWeights()[y[i]];
                    if (rowWeights != null) {
                        cw *= rowWeights[i];
                    }
                    totalWeight += cw;
                    softmax(w, b, z[i], p);
                    for (int c = 0; c < classes; c++) {
                        double err = (p[c] - (y[i] == c ? 1 : 0)) * cw;
                        gb[c] += err;
                        double[] gwc = gw[c];
                        double[] zi = z[i];
                        for (int j = 0; j < d; j++) {
                            gwc[j] += err * zi[j];
                        }
                    }
                }
                step++;
                double lrT = o.learningRate() * Math.sqrt(1 - Math.pow(beta2, step)) / (1 - Math.pow(beta1, step));
                for (int c = 0; c < classes; c++) {
                    for (int j = 0; j < d; j++) {
                        double g = gw[c][j] / totalWeight + o.l2() * w[c][j];
                        mw[c][j] = beta1 * mw[c][j] + (1 - beta1) * g;
                        vw[c][j] = beta2 * vw[c][j] + (1 - beta2) * g * g;
                        w[c][j] -= lrT * mw[c][j] / (Math.sqrt(vw[c][j]) + eps);
                    }
                    double g = gb[c] / totalWeight;
                    mb[c] = beta1 * mb[c] + (1 - beta1) * g;
                    vb[c] = beta2 * vb[c] + (1 - beta2) * g * g;
                    b[c] -= lrT * mb[c] / (Math.sqrt(vb[c]) + eps);
                }
                if (epoch >= o.epochs() - o.averageLastEpochs()) {
                    averaged++;
                    for (int c = 0; c < classes; c++) {
                        for (int j = 0; j < d; j++) {
                            avgW[c][j] += (w[c][j] - avgW[c][j]) / averaged;
                        }
                        avgB[c] += (b[c] - avgB[c]) / averaged;
                    }
                }
            }
        }
        return averaged > 0 ? new SoftmaxRegression(mean, scale, avgW, avgB) : new SoftmaxRegression(mean, scale, w, b);
    }

    private static void softmax(double[][] w, double[] b, double[] z, double[] out) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < w.length; c++) {
            double s = b[c];
            double[] wc = w[c];
            for (int j = 0; j < z.length; j++) {
                s += wc[j] * z[j];
            }
            out[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < w.length; c++) {
            out[c] = Math.exp(out[c] - max);
            sum += out[c];
        }
        for (int c = 0; c < w.length; c++) {
            out[c] /= sum;
        }
    }

    /** Raw class scores (logits) for one feature vector. */
    public double[] logits(double[] x) {
        int d = mean.length;
        if (x.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + x.length);
        }
        double[] out = new double[bias.length];
        for (int c = 0; c < bias.length; c++) {
            double s = bias[c];
            for (int j = 0; j < d; j++) {
                s += weights[c][j] * ((x[j] - mean[j]) / scale[j]);
            }
            out[c] = s;
        }
        return out;
    }

    public double[] probabilities(double[] x) {
        return Calibration.softmax(logits(x), 1.0);
    }

    public int classes() {
        return bias.length;
    }

    public int features() {
        return mean.length;
    }

    public double[] mean() {
        return mean.clone();
    }

    public double[] scale() {
        return scale.clone();
    }

    public double[][] weights() {
        return MlArrays.deepCopy(weights);
    }

    public double[] bias() {
        return bias.clone();
    }
}
