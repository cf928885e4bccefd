package io.claimlens.train;

import io.claimlens.ml.JavaMlp;
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
 * rows. {@link #fit} (one head, calibrated on a separate split) is what the trainer ships; {@link #crossFit} (five
 * heads, calibrated and given a macro-F1 rule on their out-of-fold predictions) is what the benchmark fits, once
 * per dataset or CLIMATE-FEVER fold.
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

    /**
     * Training options.
     *
     * @param l2                the softmax regression's L2 (unused with {@code mlp})
     * @param epochs            the softmax regression's epochs (unused with {@code mlp})
     * @param balanceClasses    inverse square-root class weights in the loss (either head)
     * @param averageLastEpochs see {@link SoftmaxRegression.Options#averageLastEpochs()} (0: the last step's weights)
     * @param mlp               a small MLP as the head instead of the softmax regression; null for the regression
     */
    public record Options(double l2, int epochs, boolean balanceClasses, long seed, int averageLastEpochs,
                          MlpHead mlp) {

        public Options(double l2, int epochs, boolean balanceClasses, long seed) {
            this(l2, epochs, balanceClasses, seed, 0, null);
        }

        public Options(double l2, int epochs, boolean balanceClasses, long seed, int averageLastEpochs) {
            this(l2, epochs, balanceClasses, seed, averageLastEpochs, null);
        }

        public Options withMlp(MlpHead m) {
            return new Options(l2, epochs, balanceClasses, seed, averageLastEpochs, m);
        }
    }

    /**
     * A one-hidden-layer MLP ({@link JavaMlp}: Adam, batches of 64, step 1e-3) as the verdict head, for stacked
     * features whose interactions a linear head cannot weigh (an evidence head that reads both "supports" and
     * "refutes" high is a different claim from one that reads either alone).
     *
     * @param hidden  hidden units
     * @param epochs  passes over the rows
     * @param l2      weight decay on the weight matrices
     * @param members MLPs differently seeded, their logits averaged
     */
    public record MlpHead(int hidden, int epochs, double l2, int members) {

        public MlpHead {
            if (hidden < 1 || epochs < 1 || l2 < 0 || members < 1) {
                throw new IllegalArgumentException("bad MLP head: " + hidden + " units, " + epochs + " epochs, L2 "
                        + l2 + ", " + members + " members");
            }
        }
    }

    /** A trained head: logits over all grades for one input vector ({@link #input}). Immutable, thread-safe. */
    @FunctionalInterface
    public interface Head {
        double[] logits(double[] x);
    }

    /**
     * A fitted verdict model as a benchmark reads it: probabilities for a row (calibrated, and raw: the softmax of
     * the logits over the allowed grades), the calibrator and the two-fold held-out NLLs it was chosen by, and the
     * rule that names a grade for macro-F1. Implementations are immutable and thread-safe.
     */
    public interface Scorer {

        double[] logits(VerdictData.Row r);

        Calibrator calibrator();

        boolean[] allowed();

        double temperatureNll();

        double vectorNll();

        MacroF1Rule macroF1Decision();

        /**
         * The rule chosen for macro-F1 on the same rows' gold grades ({@link MacroF1Rule.Estimate#OBSERVED}), kept
         * to be reported beside {@link #macroF1Decision}; the same rule where only one was fitted.
         */
        default MacroF1Rule observedMacroF1Decision() {
            return macroF1Decision();
        }

        default double[] calibrated(VerdictData.Row r) {
            return calibrator().apply(logits(r), allowed());
        }

        default double[] raw(VerdictData.Row r) {
            return Calibrator.identity(allowed().length).apply(logits(r), allowed());
        }
    }

    /**
     * A fitted model (one head, a calibrator fitted on separate held-out rows, as the trainer ships it), how its
     * calibrator was chosen, and the argmax as its macro-F1 rule.
     */
    public record Fitted(SoftmaxRegression head, Calibrator calibrator, boolean[] allowed, Blocks blocks,
                         double temperatureNll, double vectorNll, MacroF1Rule macroF1Decision) implements Scorer {

        @Override
        public double[] logits(VerdictData.Row r) {
            return head.logits(input(r, blocks));
        }
    }

    /**
     * A cross-fitted model ({@link #crossFit}): {@code members.size()} heads, each trained on all folds of the
     * training rows but one. A row's logits are the mean of the members' logits; the calibrator and the macro-F1
     * rules were chosen and fitted on the out-of-fold logits, every training row scored by the member that did not
     * see it.
     *
     * @param macroF1Decision         the rule chosen by expected macro-F1 under the calibrated out-of-fold
     *                                probabilities ({@link MacroF1Rule.Estimate#EXPECTED})
     * @param observedMacroF1Decision the rule chosen by the macro-F1 of the same rows' gold grades
     * @param outOfFoldRows           how many out-of-fold rows the calibrator and the rules were fitted on
     */
    public record CrossFitted(List<Head> members, Calibrator calibrator, boolean[] allowed, Blocks blocks,
                              double temperatureNll, double vectorNll, MacroF1Rule macroF1Decision,
                              MacroF1Rule observedMacroF1Decision, int outOfFoldRows) implements Scorer {

        public CrossFitted {
            members = List.copyOf(members);
        }

        @Override
        public double[] logits(VerdictData.Row r) {
            return meanLogits(members, input(r, blocks), allowed.length);
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
        SoftmaxRegression head = trainHead(all, blocks, allowed, o);
        double[][] cl = new double[cal.size()][];
        int[] cy = new int[cal.size()];
        for (int i = 0; i < cal.size(); i++) {
            cl[i] = head.logits(input(cal.get(i), blocks));
            cy[i] = cal.get(i).label().ordinal();
        }
        CalibratorChoice c = chooseCalibrator(cl, cy, allowed, o.seed());
        int[] y = labels(all);
        // the argmax: the trainer's model names the most probable grade (or abstains); the benchmark cross-fits
        return new Fitted(head, c.calibrator(), allowed, blocks, c.temperatureNll(), c.vectorNll(),
                MacroF1Rule.priorCorrection(priors(y, allowed), 0));
    }

    /**
     * Cross-fitting: the rows are split into {@code folds} (seeded, by grade); member f is a head trained on every
     * fold but f, and scores fold f. Those out-of-fold logits, one per row, choose and fit the calibrator (as
     * {@link #fit} does on its calibration rows) and then the {@link MacroF1Rule} (on the calibrated out-of-fold
     * probabilities). Against one {@link #fit} on an 80/20 split, every row is used both to train a head and to
     * calibrate, the calibrator is fitted on five times the rows (AVeriTeC: 3,068 instead of 613), the rule is chosen
     * on the predictions of the very heads that score, and the mean of the members' logits is steadier than one head.
     */
    public static CrossFitted crossFit(List<VerdictData.Row> rows, int folds, Blocks blocks, boolean[] allowed,
                                       Options o) {
        int[] fold = folds(rows, folds, o.seed() + 101);
        double[][] logits = new double[rows.size()][];
        int[] gold = labels(rows);
        List<Head> members = new ArrayList<>();
        for (int f = 0; f < folds; f++) {
            List<VerdictData.Row> rest = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] != f) {
                    rest.add(rows.get(i));
                }
            }
            Head head = trainMember(rest, blocks, allowed, o);
            members.add(head);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == f) {
                    logits[i] = head.logits(input(rows.get(i), blocks));
                }
            }
        }
        CalibratorChoice c = chooseCalibrator(logits, gold, allowed, o.seed());
        double[][] probs = new double[rows.size()][];
        for (int i = 0; i < probs.length; i++) {
            probs[i] = c.calibrator().apply(logits[i], allowed);
        }
        double[] priors = priors(gold, allowed);
        return new CrossFitted(members, c.calibrator(), allowed, blocks, c.temperatureNll(), c.vectorNll(),
                MacroF1Rule.fitExpectedMacroF1(probs, priors, true), MacroF1Rule.fitMacroF1(probs, gold, priors, true),
                rows.size());
    }

    /** A cross-fitting member: the MLP of {@code o.mlp()} where set, else the softmax regression. */
    private static Head trainMember(List<VerdictData.Row> rows, Blocks blocks, boolean[] allowed, Options o) {
        return o.mlp() == null ? trainHead(rows, blocks, allowed, o)::logits
                : trainMlp(inputs(rows, blocks), labels(rows), allowed.length, o);
    }

    private static double[][] inputs(List<VerdictData.Row> rows, Blocks blocks) {
        return rows.stream().map(r -> input(r, blocks)).toArray(double[][]::new);
    }

    private static int[] labels(List<VerdictData.Row> rows) {
        return rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
    }

    private static SoftmaxRegression trainHead(List<VerdictData.Row> rows, Blocks blocks, boolean[] allowed,
                                               Options o) {
        double[][] x = inputs(rows, blocks);
        int[] y = labels(rows);
        SoftmaxRegression.Options so = SoftmaxRegression.Options.defaults(o.seed()).withEpochs(o.epochs())
                .withL2(o.l2()).withAverageLastEpochs(o.averageLastEpochs());
        if (o.balanceClasses()) {
            so = so.withClassWeights(classWeights(y, allowed.length));
        }
        return SoftmaxRegression.train(x, y, allowed.length, so);
    }

    private static Head trainMlp(double[][] x, int[] y, int classes, Options o) {
        MlpHead h = o.mlp();
        double[] weights = o.balanceClasses() ? classWeights(y, classes) : null;
        List<Head> nets = new ArrayList<>();
        for (int m = 0; m < h.members(); m++) {
            nets.add(JavaMlp.train(x, y, classes, JavaMlp.Options.defaults(o.seed() + 7919L * m)
                    .withHidden(h.hidden()).withEpochs(h.epochs()).withL2(h.l2()).withClassWeights(weights))::logits);
        }
        return v -> meanLogits(nets, v, classes);
    }

    /** The mean of the heads' logits for one input. */
    private static double[] meanLogits(List<Head> heads, double[] x, int classes) {
        double[] mean = new double[classes];
        for (Head m : heads) {
            double[] l = m.logits(x);
            for (int c = 0; c < classes; c++) {
                mean[c] += l[c] / heads.size();
            }
        }
        return mean;
    }

    /** A calibrator and the two-fold held-out NLLs it was chosen by. */
    private record CalibratorChoice(Calibrator calibrator, double temperatureNll, double vectorNll) {
    }

    /**
     * Temperature or vector scaling, by two-fold held-out NLL within these held-out logits (seeded halves), then
     * refitted on all of them.
     */
    private static CalibratorChoice chooseCalibrator(double[][] cl, int[] cy, boolean[] allowed, long seed) {
        int[] half = new int[cl.length];
        Integer[] idx = new Integer[cl.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Collections.shuffle(Arrays.asList(idx), new Random(seed + 1));
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
        return new CalibratorChoice(chosen, tNll, vNll);
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
     * A decision rule for macro-F1: the grade maximising {@code log p(c) + bias(c)}, where
     * {@code bias(c) = -alpha log prior(c) + offset(c)}. {@code alpha = 0} with no offsets is the argmax of the
     * calibrated probabilities (what maximises expected accuracy); {@code alpha = 1} divides the prior out (each grade
     * judged as if equally common); the offsets then move each grade's threshold on its own, for a grade whose
     * probabilities are less (or more) separable than its prior suggests. The probabilities are not changed: only
     * which grade is named. Grades with prior 0 (absent from training) are never named.
     *
     * @param priors               training grade frequencies (0 for a grade the dataset lacks)
     * @param alpha                the prior correction's power
     * @param offsets              per-grade offsets after the prior correction (0 for the most common grade)
     * @param rows                 how many held-out rows the rule was chosen on
     * @param estimate             how the rule's macro-F1 was estimated on those rows while choosing it
     * @param heldOutMacroF1       macro-F1 of the rule on those rows, as {@code estimate} measures it
     * @param heldOutMacroF1Argmax macro-F1 of the argmax on those rows, measured the same way
     */
    public record MacroF1Rule(double[] priors, double alpha, double[] offsets, int rows, Estimate estimate,
                              double heldOutMacroF1, double heldOutMacroF1Argmax) {

        /** How a candidate rule's macro-F1 is estimated on the rows it is chosen on. */
        public enum Estimate {
            /** From the rows' gold grades: the macro-F1 the benchmark would report on them. */
            OBSERVED,
            /**
             * From the rows' calibrated probabilities alone, each taken as the chance that the row is of that grade:
             * per grade, F1 = 2 E[TP] / (2 E[TP] + E[FP] + E[FN]), averaged over the grades with a prior. Why: a
             * rule with three offsets and a power, chosen on ~1,200 rows' observed grades, follows the noise of
             * which rows happen to be right; the expectation counts every row by how likely it is to be each
             * grade, a steadier estimate of the same target where the probabilities are calibrated. (The ratio of
             * expectations approximates the expected F1 of the decision-theoretic approach in Nan et al. 2012,
             * "Optimizing F-measure: a tale of two approaches", for many rows; choosing on observed grades is their
             * empirical approach.)
             */
            EXPECTED,
            /** Not chosen on rows at all: a fixed rule ({@link #priorCorrection}), such as the plain argmax. */
            NONE
        }

        /** Grid of alphas tried, in order; ties keep the smaller alpha (the plainer rule). */
        static final double[] GRID = java.util.stream.IntStream.rangeClosed(0, 20).mapToDouble(i -> i / 20.0)
                .toArray();
        /** Offsets tried per grade: -1.5 … 1.5 in steps of 0.05; ties keep the offset nearest the current one. */
        static final double[] OFFSETS = java.util.stream.IntStream.rangeClosed(-30, 30).mapToDouble(i -> i / 20.0)
                .toArray();
        /** Rounds of coordinate ascent over the grades' offsets. */
        static final int ROUNDS = 3;

        public MacroF1Rule {
            priors = priors.clone();
            offsets = offsets.clone();
        }

        @Override
        public double[] priors() {
            return priors.clone();
        }

        @Override
        public double[] offsets() {
            return offsets.clone();
        }

        /** The prior correction alone (no offsets), fixed rather than chosen on rows ({@link Estimate#NONE}). */
        public static MacroF1Rule priorCorrection(double[] priors, double alpha) {
            return new MacroF1Rule(priors, alpha, new double[priors.length], 0, Estimate.NONE, 0, 0);
        }

        public int decide(double[] probs) {
            int best = -1;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < probs.length; c++) {
                if (priors[c] <= 0) {
                    continue;
                }
                double score = Math.log(Math.max(probs[c], 1e-300)) - alpha * Math.log(priors[c]) + offsets[c];
                if (score > bestScore) {
                    bestScore = score;
                    best = c;
                }
            }
            return best;
        }

        /**
         * The rule with the best macro-F1 ({@link Metrics#macroF1}, as the benchmark reports it) on these held-out
         * rows' gold grades ({@link Estimate#OBSERVED}); the search is {@link #fitExpectedMacroF1}'s.
         */
        public static MacroF1Rule fitMacroF1(double[][] probs, int[] gold, double[] priors, boolean perGradeOffsets) {
            return fit(probs, priors, perGradeOffsets, Estimate.OBSERVED,
                    pred -> Metrics.macroF1(Metrics.confusion(gold, pred, priors.length)));
        }

        /**
         * The rule with the best expected macro-F1 ({@link Estimate#EXPECTED}) under these rows' calibrated
         * probabilities; reads no gold grade. The search: first the alpha of {@link #GRID}, then with
         * {@code perGradeOffsets} each grade's offset (but the most common grade's, which stays 0: only differences
         * between grades matter) by {@link #ROUNDS} rounds of coordinate ascent over {@link #OFFSETS}.
         * Deterministic.
         */
        public static MacroF1Rule fitExpectedMacroF1(double[][] probs, double[] priors, boolean perGradeOffsets) {
            return fit(probs, priors, perGradeOffsets, Estimate.EXPECTED, pred -> expectedMacroF1(probs, pred, priors));
        }

        /**
         * The macro-F1 that naming {@code pred[i]} for row {@code i} is expected to score if each row is of grade
         * {@code c} with probability {@code probs[i][c]}: per grade with a prior, 2 E[TP] / (2 E[TP] + E[FP] + E[FN])
         * (0 where E[TP] is 0), averaged.
         */
        static double expectedMacroF1(double[][] probs, int[] pred, double[] priors) {
            double sum = 0;
            int graded = 0;
            for (int c = 0; c < priors.length; c++) {
                if (priors[c] <= 0) {
                    continue;
                }
                double tp = 0;
                double fp = 0;
                double fn = 0;
                for (int i = 0; i < pred.length; i++) {
                    if (pred[i] == c) {
                        tp += probs[i][c];
                        fp += 1 - probs[i][c];
                    } else {
                        fn += probs[i][c];
                    }
                }
                sum += tp > 0 ? 2 * tp / (2 * tp + fp + fn) : 0;
                graded++;
            }
            return graded == 0 ? 0 : sum / graded;
        }

        private static MacroF1Rule fit(double[][] probs, double[] priors, boolean perGradeOffsets, Estimate estimate,
                                       java.util.function.ToDoubleFunction<int[]> macroF1) {
            double bestF1 = -1;
            double bestAlpha = 0;
            double argmaxF1 = 0;
            for (double a : GRID) {
                double f1 = macroF1.applyAsDouble(decideAll(priorCorrection(priors, a), probs));
                if (a == 0) {
                    argmaxF1 = f1;
                }
                if (f1 > bestF1 + 1e-12) {
                    bestF1 = f1;
                    bestAlpha = a;
                }
            }
            double[] offsets = new double[priors.length];
            if (perGradeOffsets) {
                int common = 0;
                for (int c = 1; c < priors.length; c++) {
                    common = priors[c] > priors[common] ? c : common;
                }
                for (int round = 0; round < ROUNDS; round++) {
                    for (int c = 0; c < priors.length; c++) {
                        if (priors[c] <= 0 || c == common) {
                            continue;
                        }
                        double current = offsets[c];
                        double keep = current;
                        for (double d : OFFSETS) {
                            offsets[c] = d;
                            double f1 = macroF1.applyAsDouble(decideAll(
                                    new MacroF1Rule(priors, bestAlpha, offsets, 0, estimate, 0, 0), probs));
                            boolean tieNearer = Math.abs(f1 - bestF1) <= 1e-12
                                    && Math.abs(d - current) < Math.abs(keep - current);
                            if (f1 > bestF1 + 1e-12 || tieNearer) {
                                bestF1 = Math.max(f1, bestF1);
                                keep = d;
                            }
                        }
                        offsets[c] = keep;
                    }
                }
            }
            return new MacroF1Rule(priors, bestAlpha, offsets, probs.length, estimate, bestF1, argmaxF1);
        }

        private static int[] decideAll(MacroF1Rule r, double[][] probs) {
            int[] pred = new int[probs.length];
            for (int i = 0; i < pred.length; i++) {
                pred[i] = r.decide(probs[i]);
            }
            return pred;
        }

        public String describe() {
            StringBuilder o = new StringBuilder();
            for (int c = 0; c < offsets.length; c++) {
                if (offsets[c] != 0) {
                    o.append(o.length() == 0 ? " + offsets " : ", ").append(VerdictLabel.values()[c].name())
                            .append(String.format(java.util.Locale.ROOT, " %+.2f", offsets[c]));
                }
            }
            String rule = String.format(java.util.Locale.ROOT, "log p - %.2f log prior%s", alpha, o);
            if (estimate == Estimate.NONE) {
                return rule + " (fixed, not chosen on rows)";
            }
            return rule + String.format(java.util.Locale.ROOT, " (chosen on %,d held-out rows: %s macro-F1 %.4f vs "
                    + "argmax %.4f)", rows, estimate == Estimate.EXPECTED ? "expected" : "observed", heldOutMacroF1,
                    heldOutMacroF1Argmax);
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
