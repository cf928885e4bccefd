package io.claimlens.train;

import io.claimlens.ml.Metrics;
import io.claimlens.model.VerdictLabel;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictCrossFitTest {

    private static final VerdictLabel[] GRADES = {VerdictLabel.TRUE, VerdictLabel.FALSE, VerdictLabel.UNVERIFIABLE};
    private static final VerdictFit.Blocks EVIDENCE = new VerdictFit.Blocks(true, false, false);
    /** Almost no L2 and many epochs over few rows with many noise inputs: a head that overfits, so over-confident. */
    private static final VerdictFit.Options OVERFITTING = new VerdictFit.Options(1e-5, 60, false, 42);

    /** Two informative inputs and {@code noise} pure-noise inputs per row. */
    private static List<VerdictData.Row> rows(int n, int noise, long seed) {
        Random rnd = new Random(seed);
        List<VerdictData.Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int g = rnd.nextInt(GRADES.length);
            double[] x = new double[2 + noise];
            x[0] = (g == 0 ? 1 : g == 1 ? -1 : 0) + rnd.nextGaussian();
            x[1] = (g == 2 ? 1 : 0) + rnd.nextGaussian();
            for (int j = 2; j < x.length; j++) {
                x[j] = rnd.nextGaussian();
            }
            out.add(new VerdictData.Row(x, new float[0], new double[0], GRADES[g], GRADES[g].name(), "g" + i));
        }
        return out;
    }

    @Test
    void aRowsLogitsAreTheMeanOfTheMembersAndEveryRowIsScoredOutOfFold() {
        List<VerdictData.Row> train = rows(400, 4, 1);
        VerdictFit.CrossFitted fit = VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train), OVERFITTING);
        assertEquals(5, fit.members().size());
        assertEquals(400, fit.outOfFoldRows());
        assertEquals(400, fit.macroF1Decision().rows());
        assertEquals(VerdictFit.MacroF1Rule.Estimate.EXPECTED, fit.macroF1Decision().estimate());
        assertEquals(VerdictFit.MacroF1Rule.Estimate.OBSERVED, fit.observedMacroF1Decision().estimate());
        assertEquals(400, fit.observedMacroF1Decision().rows());
        VerdictData.Row r = rows(1, 4, 2).get(0);
        double[] mean = new double[VerdictLabel.values().length];
        for (VerdictFit.Head m : fit.members()) {
            double[] l = m.logits(r.evidence());
            for (int c = 0; c < mean.length; c++) {
                mean[c] += l[c] / 5;
            }
        }
        assertArrayEquals(mean, fit.logits(r), 1e-12);
        // deterministic: the same rows and seed give the same members, calibrator and rule
        VerdictFit.CrossFitted again = VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train), OVERFITTING);
        assertArrayEquals(fit.calibrated(r), again.calibrated(r), 0);
        assertEquals(fit.macroF1Decision().describe(), again.macroF1Decision().describe());
    }

    /**
     * An over-fitted head is over-confident on fresh rows. Its out-of-fold logits show that (they are fresh to the
     * member that made them), so the calibrator fitted on them softens the probabilities and fresh rows' NLL falls.
     * A calibrator fitted on the rows the head was trained on would sharpen them instead.
     */
    @Test
    void theCalibratorFittedOutOfFoldCorrectsAnOverConfidentHead() {
        List<VerdictData.Row> train = rows(300, 40, 3);
        List<VerdictData.Row> fresh = rows(3000, 40, 4);
        VerdictFit.CrossFitted fit = VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train), OVERFITTING);
        int[] gold = fresh.stream().mapToInt(r -> r.label().ordinal()).toArray();
        double[][] raw = fresh.stream().map(fit::raw).toArray(double[][]::new);
        double[][] calibrated = fresh.stream().map(fit::calibrated).toArray(double[][]::new);
        double rawNll = Metrics.nll(raw, gold);
        double calibratedNll = Metrics.nll(calibrated, gold);
        assertTrue(calibratedNll < rawNll - 0.05, "calibrated " + calibratedNll + " vs raw " + rawNll);
        assertTrue(Metrics.ece(calibrated, gold, 15) < Metrics.ece(raw, gold, 15));
    }

    /** TRUE where two inputs agree in sign, FALSE where they differ: no linear head can tell the two apart. */
    private static List<VerdictData.Row> agreement(int n, long seed) {
        Random rnd = new Random(seed);
        List<VerdictData.Row> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double a = rnd.nextGaussian();
            double b = rnd.nextGaussian();
            VerdictLabel g = (a > 0) == (b > 0) ? VerdictLabel.TRUE : VerdictLabel.FALSE;
            out.add(new VerdictData.Row(new double[] {a, b, rnd.nextGaussian()}, new float[0], new double[0], g,
                    g.name(), "a" + i));
        }
        return out;
    }

    private static double accuracy(VerdictFit.CrossFitted fit, List<VerdictData.Row> rows) {
        int[] gold = rows.stream().mapToInt(r -> r.label().ordinal()).toArray();
        int[] pred = rows.stream().mapToInt(r -> Metrics.argmax(fit.calibrated(r))).toArray();
        return Metrics.accuracy(gold, pred);
    }

    /**
     * The MLP head weighs an interaction of two inputs that the softmax regression cannot, with the same
     * cross-fitting: members' mean logits, out-of-fold calibrator.
     */
    @Test
    void theMlpHeadLearnsAnInteractionTheRegressionCannot() {
        List<VerdictData.Row> train = agreement(600, 5);
        List<VerdictData.Row> fresh = agreement(2000, 6);
        VerdictFit.Options linear = new VerdictFit.Options(1e-3, 60, true, 42);
        VerdictFit.Options mlp = linear.withMlp(new VerdictFit.MlpHead(16, 100, 1e-3, 2));
        VerdictFit.CrossFitted withRegression = VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train),
                linear);
        VerdictFit.CrossFitted withMlp = VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train), mlp);
        double regression = accuracy(withRegression, fresh);
        double net = accuracy(withMlp, fresh);
        assertTrue(regression < 0.65, "regression " + regression);
        assertTrue(net > 0.9, "MLP " + net);
        VerdictData.Row r = fresh.get(0);
        double[] mean = new double[VerdictLabel.values().length];
        for (VerdictFit.Head m : withMlp.members()) {
            double[] l = m.logits(r.evidence());
            for (int c = 0; c < mean.length; c++) {
                mean[c] += l[c] / withMlp.members().size();
            }
        }
        assertArrayEquals(mean, withMlp.logits(r), 1e-12);
        assertArrayEquals(withMlp.calibrated(r), VerdictFit.crossFit(train, 5, EVIDENCE, VerdictFit.allowed(train),
                mlp).calibrated(r), 0.0, "same seed, same probabilities");
    }
}
