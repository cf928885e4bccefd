package io.claimlens.train;

import io.claimlens.ml.Metrics;
import io.claimlens.ml.SoftmaxRegression;
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
        VerdictData.Row r = rows(1, 4, 2).get(0);
        double[] mean = new double[VerdictLabel.values().length];
        for (SoftmaxRegression m : fit.members()) {
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
}
