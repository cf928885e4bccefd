package io.claimlens.ml;

/**
 * A trained feed-forward classifier, evaluated in plain Java: standardise, then {@code hidden} ReLU units (none for
 * a linear model), then one logit per class. The weights are the ones DJL trained ({@code io.claimlens.train}), so
 * serving needs no native engine. Immutable and thread-safe.
 *
 * @param mean    per-feature mean used to standardise
 * @param scale   per-feature standard deviation (1 where constant)
 * @param w1      [hidden][features], empty for a linear model
 * @param b1      [hidden]
 * @param w2      [classes][hidden] (or [classes][features] for a linear model)
 * @param b2      [classes]
 */
public record Mlp(float[] mean, float[] scale, float[][] w1, float[] b1, float[][] w2, float[] b2) {

    public int features() {
        return mean.length;
    }

    public int classes() {
        return b2.length;
    }

    public boolean linear() {
        return w1.length == 0;
    }

    /** Class scores for one feature vector. */
    public double[] logits(double[] x) {
        int d = mean.length;
        if (x.length != d) {
            throw new IllegalArgumentException("expected " + d + " features, got " + x.length);
        }
        float[] z = new float[d];
        for (int j = 0; j < d; j++) {
            z[j] = (float) ((x[j] - mean[j]) / scale[j]);
        }
        float[] h = z;
        if (!linear()) {
            h = new float[w1.length];
            for (int i = 0; i < w1.length; i++) {
                float s = b1[i];
                float[] row = w1[i];
                for (int j = 0; j < d; j++) {
                    s += row[j] * z[j];
                }
                h[i] = Math.max(0f, s);
            }
        }
        double[] out = new double[b2.length];
        for (int c = 0; c < b2.length; c++) {
            float s = b2[c];
            float[] row = w2[c];
            for (int i = 0; i < h.length; i++) {
                s += row[i] * h[i];
            }
            out[c] = s;
        }
        return out;
    }

    public double[] probabilities(double[] x, double temperature) {
        return Calibration.softmax(logits(x), temperature);
    }
}
