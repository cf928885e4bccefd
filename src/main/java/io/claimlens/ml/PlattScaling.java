package io.claimlens.ml;

/**
 * Platt scaling: the map {@code p = sigmoid(a * margin + b)} from a binary classifier's margin to a probability,
 * fitted by Newton's method on the log-likelihood of held-out labels (with Platt's smoothed targets, so that a
 * separable held-out set does not send {@code a} to infinity). Deterministic.
 */
public final class PlattScaling {

    private PlattScaling() {
    }

    /** The fitted map. */
    public record Fit(double a, double b) {
        public double probability(double margin) {
            return Calibration.sigmoid(a * margin + b);
        }
    }

    /**
     * @param margins classifier margins of held-out items
     * @param labels  their 0/1 labels
     */
    public static Fit fit(double[] margins, int[] labels) {
        if (margins.length != labels.length || margins.length == 0) {
            throw new IllegalArgumentException("need as many labels as margins, and at least one");
        }
        int pos = 0;
        for (int l : labels) {
            pos += l;
        }
        int neg = labels.length - pos;
        double hi = (pos + 1.0) / (pos + 2.0);
        double lo = 1.0 / (neg + 2.0);
        double a = 1;
        double b = Math.log((pos + 1.0) / (neg + 1.0));
        for (int it = 0; it < 100; it++) {
            double ga = 0;
            double gb = 0;
            double haa = 1e-12;
            double hab = 0;
            double hbb = 1e-12;
            for (int i = 0; i < margins.length; i++) {
                double t = labels[i] == 1 ? hi : lo;
                double p = new Fit(a, b).probability(margins[i]);
                double r = p - t;
                double w = p * (1 - p);
                ga += r * margins[i];
                gb += r;
                haa += w * margins[i] * margins[i];
                hab += w * margins[i];
                hbb += w;
            }
            double det = haa * hbb - hab * hab;
            if (Math.abs(det) < 1e-18) {
                break;
            }
            double da = (hbb * ga - hab * gb) / det;
            double db = (haa * gb - hab * ga) / det;
            double before = loss(margins, labels, hi, lo, a, b);
            double step = 1;
            while (step > 1e-6 && loss(margins, labels, hi, lo, a - step * da, b - step * db) > before + 1e-15) {
                step /= 2; // backtrack: a full Newton step can overshoot far from the optimum
            }
            a -= step * da;
            b -= step * db;
            if (Math.abs(step * da) < 1e-10 && Math.abs(step * db) < 1e-10) {
                break;
            }
        }
        return new Fit(a, b);
    }

    private static double loss(double[] margins, int[] labels, double hi, double lo, double a, double b) {
        double s = 0;
        Fit f = new Fit(a, b);
        for (int i = 0; i < margins.length; i++) {
            double t = labels[i] == 1 ? hi : lo;
            double p = Math.min(1 - 1e-15, Math.max(1e-15, f.probability(margins[i])));
            s -= t * Math.log(p) + (1 - t) * Math.log(1 - p);
        }
        return s;
    }
}
