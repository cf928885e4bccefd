package io.claimlens.verdict;

import io.claimlens.bench.CalibrationReport;
import io.claimlens.ml.Metrics;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratorTest {

    /** Three-class logits whose true probabilities are softmax(z / 2) plus a bias toward class 2. */
    private static double[][] logits(int n, long seed, int[] y) {
        Random r = new Random(seed);
        double[][] z = new double[n][];
        for (int i = 0; i < n; i++) {
            z[i] = new double[] {3 * r.nextGaussian(), 3 * r.nextGaussian(), 3 * r.nextGaussian()};
            double[] p = Calibrator.softmax(new double[] {z[i][0] / 2, z[i][1] / 2, z[i][2] / 2 + 1});
            double u = r.nextDouble();
            y[i] = u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2;
        }
        return z;
    }

    @Test
    void bothCalibratorsLowerHeldOutNllAndVectorScalingLearnsTheBias() {
        int[] y = new int[6000];
        double[][] z = logits(6000, 1, y);
        int[] yt = new int[3000];
        double[][] zt = logits(3000, 2, yt);
        Calibrator none = Calibrator.identity(3);
        Calibrator t = Calibrator.fitTemperature(z, y, null);
        Calibrator v = Calibrator.fitVector(z, y, null);
        assertEquals(2.0, 1 / t.scale()[0], 0.3, "temperature");
        assertTrue(t.nll(zt, yt, null) < none.nll(zt, yt, null));
        assertTrue(v.nll(zt, yt, null) < t.nll(zt, yt, null), "the per-grade bias is only learnable by vector scaling");
        assertTrue(v.bias()[2] - v.bias()[0] > 0.5, "bias toward class 2: " + java.util.Arrays.toString(v.bias()));
    }

    @Test
    void maskedGradesGetNoProbability() {
        double[] p = Calibrator.identity(3).apply(new double[] {1, 5, 2}, new boolean[] {true, false, true});
        assertEquals(0.0, p[1]);
        assertEquals(1.0, p[0] + p[2], 1e-12);
    }

    @Test
    void aCalibratedModelSitsUnderItsNoiseFloorAndInsideItsInterval() {
        Random r = new Random(5);
        int n = 1500;
        double[][] probs = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            double a = r.nextDouble();
            probs[i] = new double[] {a, 1 - a};
            y[i] = r.nextDouble() < a ? 0 : 1; // labels drawn from the probabilities: calibrated by construction
        }
        double ece = Metrics.ece(probs, y, 15);
        double floor = CalibrationReport.noiseFloor95(probs, 300, 9);
        double[] ci = CalibrationReport.bootstrap95(probs, y, 300, 9);
        assertTrue(ece <= floor, ece + " vs floor " + floor);
        assertTrue(floor > 0.01 && floor < 0.06, "floor " + floor);
        double median = CalibrationReport.noiseFloor(probs, 300, 9, 0.5);
        assertTrue(median > 0 && median < floor, "median " + median + " vs p95 " + floor);
        assertTrue(ci[0] <= ece && ece <= ci[1], ece + " outside " + java.util.Arrays.toString(ci));
        assertArrayEquals(ci, CalibrationReport.bootstrap95(probs, y, 300, 9), "seeded");
    }
}
