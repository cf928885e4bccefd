package io.claimlens.train;

import io.claimlens.ml.Metrics;
import io.claimlens.ml.SoftmaxRegression;
import io.claimlens.model.VerdictLabel;
import io.claimlens.verdict.Calibrator;
import io.claimlens.verdict.VerdictFeatures;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Fits a verdict model: a softmax regression on the chosen feature blocks, then a calibrator chosen on held-out
 * rows. Used by the trainer (the shipped model) and by the benchmark (one fit per fold or split).
 *
 * <p>Calibrator choice: temperature scaling and vector scaling are each fitted on one half of the calibration rows
 * and scored (NLL) on the other half, both ways round; the one with the lower mean held-out NLL is refitted on all
 * calibration rows. Deterministic.
 */
public final class VerdictFit {

    /** Which feature blocks form the input. */
    public record Blocks(boolean evidence, boolean claimEmbedding, boolean metadata) {

        public List<String> names() {
            List<String> b = new ArrayList<>();
            if (evidence) {
                b.add("evidence");
            }
            if (claimEmbedding) {
                b.add("claim_embedding");
            }
            if (metadata) {
                b.add("metadata");
            }
            return b;
        }

        public static Blocks parse(List<String> names) {
            return new Blocks(names.contains("evidence"), names.contains("claim_embedding"),
                    names.contains("metadata"));
        }
    }

    /** Training options. */
    public record Options(double l2, int epochs, boolean balanceClasses, long seed) {
    }

    /** A fitted model and how its calibrator was chosen. */
    public record Fitted(SoftmaxRegression head, Calibrator calibrator, boolean[] allowed, Blocks blocks,
                         double temperatureNll, double vectorNll, PriorCorrection macroF1Decision) {

        public double[] logits(VerdictData.Row r) {
            return head.logits(input(r, blocks));
        }

        public double[] calibrated(VerdictData.Row r) {
            return calibrator.apply(logits(r), allowed);
        }

        public double[] raw(VerdictData.Row r) {
            return Calibrator.identity(allowed.length).apply(logits(r), allowed);
        }
    }

    private VerdictFit() {
    }

    public static double[] input(VerdictData.Row r, Blocks b) {
        int n = (b.evidence() ? r.evidence().length : 0) + (b.claimEmbedding() ? r.claimEmbedding().length : 0)
                + (b.metadata() ? r.metadata().length : 0);
        double[] x = new double[n];
        int k = 0;
        if (b.evidence()) {
            System.arraycopy(r.evidence(), 0, x, k, r.evidence().length);
            k += r.evidence().length;
        }
        if (b.claimEmbedding()) {
            for (float f : r.claimEmbedding()) {
                x[k++] = f;
            }
        }
        if (b.metadata()) {
            System.arraycopy(r.metadata(), 0, x, k, r.metadata().length);
        }
        return x;
    }

    /** The grades present in these rows. */
    public static boolean[] allowed(List<VerdictData.Row> rows) {
        boolean[] a = new boolean[VerdictLabel.values().length];
        for (VerdictData.Row r : rows) {
            a[r.label().ordinal()] = true;
        }
        return a;
    }

    /**
     * @param fit      rows to fit the head on
     * @param extra    rows used for fitting only (scenarios, anchors); may be empty
     * @param cal      held-out rows for the calibrator
     * @param allowed  grades the model may predict
     */
    public static Fitted fit(List<VerdictData.Row> fit, List<VerdictData.Row> extra, List<VerdictData.Row> cal,
                             Blocks blocks, boolean[] allowed, Options o) {
        List<VerdictData.Row> all = new ArrayList<>(fit);
        all.addAll(extra);
        double[][] x = new double[all.size()][];
        int[] y = new int[all.size()];
        for (int i = 0; i < all.size(); i++) {
            x[i] = input(all.get(i), blocks);
            y[i] = all.get(i).label().ordinal();
        }
        SoftmaxRegression.Options so = SoftmaxRegression.Options.defaults(o.seed()).withEpochs(o.epochs())
                .withL2(o.l2());
        if (o.balanceClasses()) {
            so = so.withClassWeights(classWeights(y, allowed.length));
        }
        SoftmaxRegression head = SoftmaxRegression.train(x, y, allowed.length, so);
        double[][] cl = new double[cal.size()][];
        int[] cy = new int[cal.size()];
        for (int i = 0; i < cal.size(); i++) {
            cl[i] = head.logits(input(cal.get(i), blocks));
            cy[i] = cal.get(i).label().ordinal();
        }
        // choose the calibrator by two-fold held-out NLL within the calibration rows
        int[] half = new int[cal.size()];
        Integer[] idx = new Integer[cal.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(idx), new Random(o.seed() + 1));
        for (int i = 0; i < idx.length; i++) {
            half[idx[i]] = i % 2;
        }
        double tNll = 0;
        double vNll = 0;
        for (int h = 0; h < 2; h++) {
            double[][] aL = select(cl, half, h, true);
            int[] aY = select(cy, half, h, true);
            double[][] bL = select(cl, half, h, false);
            int[] bY = select(cy, half, h, false);
            tNll += Calibrator.fitTemperature(aL, aY, allowed).nll(bL, bY, allowed) / 2;
            vNll += Calibrator.fitVector(aL, aY, allowed).nll(bL, bY, allowed) / 2;
        }
        Calibrator chosen = vNll < tNll ? Calibrator.fitVector(cl, cy, allowed)
                : Calibrator.fitTemperature(cl, cy, allowed);
        double[][] calProbs = new double[cl.length][];
        for (int i = 0; i < cl.length; i++) {
            calProbs[i] = chosen.apply(cl[i], allowed);
        }
        PriorCorrection decision = PriorCorrection.fitMacroF1(calProbs, cy, priors(y, allowed));
        return new Fitted(head, chosen, allowed, blocks, tNll, vNll, decision);
    }

    /** Training grade frequencies over the allowed grades (add-one smoothed). */
    static double[] priors(int[] y, boolean[] allowed) {
        double[] n = new double[allowed.length];
        double sum = 0;
        for (int c = 0; c < n.length; c++) {
            n[c] = allowed[c] ? 1 : 0;
        }
        for (int v : y) {
            if (allowed[v]) {
                n[v]++;
            }
        }
        for (double v : n) {
            sum += v;
        }
        for (int c = 0; c < n.length; c++) {
            n[c] /= sum;
        }
        return n;
    }

    /**
     * A decision rule for macro-F1: the grade maximising {@code p(c) / prior(c)^alpha}. {@code alpha = 0} is the
     * argmax of the calibrated probabilities (what maximises expected accuracy); {@code alpha = 1} divides the prior
     * out entirely (each grade judged as if equally common). The probabilities are not changed: only which grade is
     * named. One parameter, chosen on held-out rows, so that it cannot fit the held-out rows' noise class by class.
     */
    public record PriorCorrection(double[] priors, double alpha, double heldOutMacroF1, double heldOutMacroF1Argmax) {

        /** Grid of alphas tried, in order; ties keep the smaller alpha (the plainer rule). */
        static final double[] GRID = java.util.stream.IntStream.rangeClosed(0, 20).mapToDouble(i -> i / 20.0)
                .toArray();

        public int decide(double[] probs) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < probs.length; c++) {
                if (priors[c] <= 0) {
                    continue;
                }
                double score = Math.log(Math.max(probs[c], 1e-300)) - alpha * Math.log(priors[c]);
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }

        /**
         * The alpha of {@link #GRID} with the best macro-F1 ({@link Metrics#macroF1}, as the benchmark reports it) on
         * these held-out rows. Grades with prior 0 (absent from training) are never named.
         */
        public static PriorCorrection fitMacroF1(double[][] probs, int[] gold, double[] priors) {
            double bestF1 = -1;
            double bestAlpha = 0;
            double argmaxF1 = 0;
            for (double a : GRID) {
                PriorCorrection r = new PriorCorrection(priors, a, 0, 0);
                int[] pred = new int[gold.length];
                for (int i = 0; i < pred.length; i++) {
                    pred[i] = r.decide(probs[i]);
                }
                double f1 = Metrics.macroF1(Metrics.confusion(gold, pred, priors.length));
                if (a == 0) {
                    argmaxF1 = f1;
                }
                if (f1 > bestF1 + 1e-12) {
                    bestF1 = f1;
                    bestAlpha = a;
                }
            }
            return new PriorCorrection(priors, bestAlpha, bestF1, argmaxF1);
        }

        public String describe() {
            return String.format(java.util.Locale.ROOT, "p/prior^%.2f (held-out macro-F1 %.4f vs argmax %.4f)",
                    alpha, heldOutMacroF1, heldOutMacroF1Argmax);
        }
    }

    /** Inverse square-root class frequencies, normalised to mean 1 over present classes. */
    static double[] classWeights(int[] y, int k) {
        int[] n = new int[k];
        for (int v : y) {
            n[v]++;
        }
        double[] w = new double[k];
        double sum = 0;
        int present = 0;
        for (int c = 0; c < k; c++) {
            if (n[c] > 0) {
                w[c] = 1 / Math.sqrt(n[c]);
                sum += w[c];
                present++;
            }
        }
        for (int c = 0; c < k; c++) {
            w[c] = n[c] > 0 ? w[c] * present / sum : 0;
        }
        return w;
    }

    /** Splits rows into parts by seeded, label-stratified shuffling; {@code fractions} sum to 1. */
    public static List<List<VerdictData.Row>> split(List<VerdictData.Row> rows, double[] fractions, long seed) {
        List<List<VerdictData.Row>> parts = new ArrayList<>();
        for (int i = 0; i < fractions.length; i++) {
            parts.add(new ArrayList<>());
        }
        for (VerdictLabel l : VerdictLabel.values()) {
            List<VerdictData.Row> of = new ArrayList<>(rows.stream().filter(r -> r.label() == l).toList());
            java.util.Collections.shuffle(of, new Random(seed * 7 + l.ordinal()));
            int start = 0;
            for (int p = 0; p < fractions.length; p++) {
                int end = p == fractions.length - 1 ? of.size() : start + (int) Math.round(fractions[p] * of.size());
                parts.get(p).addAll(of.subList(start, Math.min(end, of.size())));
                start = Math.min(end, of.size());
            }
        }
        return parts;
    }

    /** Fold index per row: seeded, label-stratified, {@code k} folds. */
    public static int[] folds(List<VerdictData.Row> rows, int k, long seed) {
        int[] fold = new int[rows.size()];
        for (VerdictLabel l : VerdictLabel.values()) {
            List<Integer> of = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (rows.get(i).label() == l) {
                    of.add(i);
                }
            }
            java.util.Collections.shuffle(of, new Random(seed * 13 + l.ordinal()));
            for (int j = 0; j < of.size(); j++) {
                fold[of.get(j)] = j % k;
            }
        }
        return fold;
    }

    private static double[][] select(double[][] x, int[] half, int h, boolean in) {
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < x.length; i++) {
            if ((half[i] == h) == in) {
                out.add(x[i]);
            }
        }
        return out.toArray(new double[0][]);
    }

    private static int[] select(int[] y, int[] half, int h, boolean in) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < y.length; i++) {
            if ((half[i] == h) == in) {
                out.add(y[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Names of the input features, in order, for a model file. */
    public static String[] featureNames(Blocks b, int embeddingDim, int metadataSize) {
        List<String> n = new ArrayList<>();
        if (b.evidence()) {
            n.addAll(VerdictFeatures.NAMES);
        }
        if (b.claimEmbedding()) {
            for (int i = 0; i < embeddingDim; i++) {
                n.add("claim_" + i);
            }
        }
        if (b.metadata()) {
            for (int i = 0; i < metadataSize; i++) {
                n.add("meta_" + i);
            }
        }
        return n.toArray(new String[0]);
    }
}
