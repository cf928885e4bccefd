package io.claimlens.ml;

/**
 * Softmax with temperature, the logistic sigmoid, and fitting the temperature that minimises negative
 * log-likelihood.
 */
public final class Calibration {

    private Calibration() {
    }

    /** The logistic function 1 / (1 + e^-v), computed without overflow for large |v|. */
    public static double sigmoid(double v) {
        return v >= 0 ? 1 / (1 + Math.exp(-v)) : Math.exp(v) / (1 + Math.exp(v));
    }

    public static double[] softmax(double[] logits, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double l : logits) {
            max = Math.max(max, l / temperature);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(logits[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Mean negative log-likelihood of labels {@code y} under softmax(logits / T). */
    public static double nll(double[][] logits, int[] y, double temperature) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            double[] p = softmax(logits[i], temperature);
            s -= Math.log(Math.max(p[y[i]], 1e-15));
        }
        return s / y.length;
    }

    /** The temperature in [0.05, 20] minimising NLL, by golden-section search on log T. */
    public static double fitTemperature(double[][] logits, int[] y) {
        double lo = Math.log(0.05);
        double hi = Math.log(20);
        double g = (Math.sqrt(5) - 1) / 2;
        double a = hi - g * (hi - lo);
        double b = lo + g * (hi - lo);
        double fa = nll(logits, y, Math.exp(a));
        double fb = nll(logits, y, Math.exp(b));
        for (int it = 0; it < 80; it++) {
            if (fa < fb) {
                hi = b;
                b = a;
                fb = fa;
                a = hi - g * (hi - lo);
                fa = nll(logits, y, Math.exp(a));
            } else {
                lo = a;
                a = b;
                fa = fb;
                b = lo + g * (hi - lo);
                fb = nll(logits, y, Math.exp(b));
            }
        }
        return Math.exp((lo + hi) / 2);
    }
}
