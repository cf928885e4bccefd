package io.claimlens.train;

import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceAttentionHeadTest {

    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    /** Claim i in fold i % folds, with two evidence pairs each. */
    private static int[] folds(int n, int folds) {
        int[] f = new int[n];
        for (int i = 0; i < n; i++) {
            f[i] = i % folds;
        }
        return f;
    }

    @Test
    void aReadingNeverComesFromAHeadThatSawTheClaimOrTheHeldOutFold() {
        int n = 23;
        int[] fold = folds(n, 5);
        // a fake head: remembers what it trained on and reads every pair as (its seed, 0, 0)
        Map<Long, boolean[]> trainedOn = new HashMap<>();
        EvidenceAttentionHead.Trainer fake = (trainOn, seed) -> {
            trainedOn.put(seed, trainOn.clone());
            double[][][] out = new double[n][2][];
            for (int i = 0; i < n; i++) {
                out[i][0] = new double[] {seed, 0, 0};
                out[i][1] = new double[] {seed, 0, 0};
            }
            return out;
        };
        EvidenceAttentionHead head = EvidenceAttentionHead.fit(fold, 5, 100, fake, QUIET);
        assertEquals(10, trainedOn.size(), "one head per pair of folds");
        for (int f = 0; f < 5; f++) {
            double[][][] r = head.readings(f);
            for (int i = 0; i < n; i++) {
                if (fold[i] != f) {
                    boolean[] saw = trainedOn.get((long) r[i][0][0]);
                    assertFalse(saw[i], "training claim " + i + " read by a head trained on it");
                    for (int k = 0; k < n; k++) {
                        assertFalse(fold[k] == f && saw[k], "held-out fold " + f + " trained the head reading " + i);
                    }
                } else {
                    // the mean of the heads that saw neither the claim nor its fold: exactly those without fold f
                    double expected = 0;
                    int heads = 0;
                    for (Map.Entry<Long, boolean[]> e : trainedOn.entrySet()) {
                        boolean sawFold = false;
                        for (int k = 0; k < n; k++) {
                            sawFold |= fold[k] == f && e.getValue()[k];
                        }
                        if (!sawFold) {
                            expected += e.getKey();
                            heads++;
                        }
                    }
                    assertEquals(4, heads);
                    assertEquals(expected / heads, r[i][1][0], 1e-12, "held-out claim " + i);
                }
            }
        }
    }

    @Test
    void headIndicesCoverEveryPairOfFoldsOnce() {
        Set<Integer> seen = new HashSet<>();
        for (int a = 0; a < 5; a++) {
            for (int b = a + 1; b < 5; b++) {
                assertEquals(EvidenceAttentionHead.index(a, b, 5), EvidenceAttentionHead.index(b, a, 5));
                assertTrue(seen.add(EvidenceAttentionHead.index(a, b, 5)));
            }
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), seen);
        assertThrows(IllegalArgumentException.class, () -> EvidenceAttentionHead.index(2, 2, 5));
        assertThrows(IllegalArgumentException.class,
                () -> EvidenceAttentionHead.fit(new int[] {0, 5}, 5, 1, (t, s) -> null, QUIET));
    }

    @Test
    void theEvidenceFeaturesAverageTheTwoReaders() {
        List<EvidenceLabelHead.Claim> cs = new java.util.ArrayList<>();
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 40; i++) {
            double[][] x = new double[3][4];
            int[] y = new int[3];
            for (int j = 0; j < 3; j++) {
                y[j] = r.nextInt(3);
                x[j][0] = y[j] - 1 + 0.3 * r.nextGaussian();
                x[j][1] = r.nextGaussian();
            }
            cs.add(new EvidenceLabelHead.Claim(x, y));
        }
        boolean[] trainable = new boolean[40];
        for (int i = 0; i < 30; i++) {
            trainable[i] = true;
        }
        // a second reader sure that every pair supports: mean P(supports) moves halfway to 1, P(refutes) halves
        double[][][] sure = new double[40][3][];
        for (double[][] c : sure) {
            for (int j = 0; j < 3; j++) {
                c[j] = new double[] {1, 0, 0};
            }
        }
        double[][] alone = EvidenceLabelHead.features(cs, trainable, 9);
        double[][] both = EvidenceLabelHead.features(cs, trainable, 9, sure);
        for (int i = 0; i < 40; i++) {
            assertEquals((alone[i][0] + 1) / 2, both[i][0], 1e-12, "max P(supports)");
            assertEquals(alone[i][1] / 2, both[i][1], 1e-12, "max P(refutes)");
            assertEquals((alone[i][2] + 1) / 2, both[i][2], 1e-12, "mean P(supports)");
            assertEquals(alone[i][3] / 2, both[i][3], 1e-12, "mean P(refutes)");
        }
        assertArrayEquals(alone[3], EvidenceLabelHead.features(cs, trainable, 9, null)[3], 0.0);
        double[][][] short1 = new double[40][2][3];
        assertThrows(IllegalArgumentException.class, () -> EvidenceLabelHead.features(cs, trainable, 9, short1));
    }
}
