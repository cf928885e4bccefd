package io.claimlens.train;

import io.claimlens.ml.Metrics;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EmbeddingViewHeadTest {

    /** One view of one claim: the claim, the evidence mean, product, difference; the cosine; the no-evidence flag. */
    @Test
    void aClaimsInputHoldsEachViewThenEachCosineThenTheFlag() {
        float[] claim = {1f, 0f};
        double[] x = EmbeddingViewHead.input(List.of(claim), List.of(List.of(new float[] {1f, 0f},
                new float[] {0f, 1f})));
        assertArrayEquals(new double[] {1, 0, 0.5, 0.5, 0.5, 0, 0.5, 0.5, Math.sqrt(0.5), 0}, x, 1e-6);

        double[] none = EmbeddingViewHead.input(List.of(claim, claim), List.of(List.of(), List.of()));
        assertEquals(2 * 4 * 2 + 2 + 1, none.length);
        assertEquals(0, none[16], "no evidence: cosine 0");
        assertEquals(1, none[18], "no evidence: flagged");
        assertThrows(IllegalArgumentException.class,
                () -> EmbeddingViewHead.input(List.of(claim, claim), List.of(List.of())));
    }

    /** Rows whose first coordinate says their class (three classes), the rest noise. */
    private static double[][] rows(int[] y, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[y.length][5];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextInt(3);
            x[i][0] = y[i] - 1 + 0.15 * r.nextGaussian();
            for (int k = 1; k < 5; k++) {
                x[i][k] = r.nextGaussian();
            }
        }
        return x;
    }

    @Test
    void rowsAreReadOutOfFoldAndHeldOutRowsByTheMeanOfTheHeads() {
        int n = 500;
        int[] y = new int[n];
        double[][] x = rows(y, 1);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = i < 400 ? i % 4 : -1;
        }
        double[][] lp = EmbeddingViewHead.logProbabilities(x, y, fold, 4, 3, 5);
        int right = 0;
        for (int i = 400; i < n; i++) {
            right += Metrics.argmax(lp[i]) == y[i] ? 1 : 0;
            double sum = 0;
            for (double v : lp[i]) {
                sum += Math.exp(v);
            }
            assertEquals(1, sum, 1e-6, "log-probabilities");
        }
        // chance is a third; ten epochs over 300 rows leave the middle class's edges soft
        assertTrue(right >= 80, right + " of 100 held-out rows read right");
        assertArrayEquals(lp[7], EmbeddingViewHead.logProbabilities(x, y, fold, 4, 3, 5)[7], 0.0, "deterministic");

        int[] flipped = y.clone();
        flipped[7] = (y[7] + 1) % 3;
        flipped[430] = (y[430] + 1) % 3;
        double[][] after = EmbeddingViewHead.logProbabilities(x, flipped, fold, 4, 3, 5);
        assertArrayEquals(lp[7], after[7], 0.0, "a trainable row is read by heads that never saw its label");
        for (int i = 400; i < n; i++) {
            assertFalse(java.util.Arrays.equals(lp[i], after[i]), "row 7's label trains the heads the others read");
        }
        double[][] onlyHeldOut = EmbeddingViewHead.logProbabilities(x, withLabel(y, 430, flipped[430]), fold, 4, 3,
                5);
        for (int i = 0; i < n; i++) {
            assertArrayEquals(lp[i], onlyHeldOut[i], 0.0, "a held-out row's label is never read");
        }
    }

    private static int[] withLabel(int[] y, int i, int label) {
        int[] out = y.clone();
        out[i] = label;
        return out;
    }
}
