package io.claimlens.train;

import io.claimlens.model.Distribution;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvidenceLabelHeadTest {

    /**
     * Claims with five evidence inputs each; an input's first coordinate says its label (high: supports, low:
     * refutes, middle: neither), the rest is noise.
     */
    private static List<EvidenceLabelHead.Claim> claims(int n, long seed) {
        Random r = new Random(seed);
        List<EvidenceLabelHead.Claim> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double[][] x = new double[5][6];
            int[] y = new int[5];
            for (int j = 0; j < 5; j++) {
                y[j] = r.nextInt(3);
                x[j][0] = (y[j] == 0 ? 1 : y[j] == 1 ? -1 : 0) + 0.2 * r.nextGaussian();
                for (int k = 1; k < 6; k++) {
                    x[j][k] = r.nextGaussian();
                }
            }
            out.add(new EvidenceLabelHead.Claim(x, y));
        }
        return out;
    }

    private static boolean[] firstTrainable(int n, int trainable) {
        boolean[] t = new boolean[n];
        for (int i = 0; i < trainable; i++) {
            t[i] = true;
        }
        return t;
    }

    /** The claims with claim {@code i}'s evidence labels changed. */
    private static List<EvidenceLabelHead.Claim> flip(List<EvidenceLabelHead.Claim> cs, int i) {
        List<EvidenceLabelHead.Claim> out = new ArrayList<>(cs);
        int[] y = cs.get(i).labels().clone();
        for (int j = 0; j < y.length; j++) {
            y[j] = (y[j] + 1) % 3;
        }
        out.set(i, new EvidenceLabelHead.Claim(cs.get(i).x(), y));
        return out;
    }

    @Test
    void heldOutClaimsGetTheEvidenceTheirInputsShow() {
        List<EvidenceLabelHead.Claim> cs = claims(120, 1);
        double[][] f = EvidenceLabelHead.features(cs, firstTrainable(120, 90), 7);
        assertEquals(EvidenceLabelHead.FEATURE_NAMES.size(), f[100].length);
        int right = 0;
        int asked = 0;
        for (int i = 90; i < 120; i++) {
            boolean supports = false;
            for (int y : cs.get(i).labels()) {
                supports |= y == 0;
            }
            asked++;
            right += (f[i][0] > 0.5) == supports ? 1 : 0;
        }
        assertTrue(right >= asked - 2, right + " of " + asked + " held-out claims read right");
    }

    @Test
    void aClaimsOwnLabelsNeverReachItsFeatures() {
        List<EvidenceLabelHead.Claim> cs = claims(60, 2);
        boolean[] trainable = firstTrainable(60, 45);
        double[][] before = EvidenceLabelHead.features(cs, trainable, 3);
        assertArrayEquals(before[10], EvidenceLabelHead.features(cs, trainable, 3)[10], 0.0, "deterministic");

        double[][] trainingFlipped = EvidenceLabelHead.features(flip(cs, 10), trainable, 3);
        assertArrayEquals(before[10], trainingFlipped[10], 0.0, "a training claim's features come from a head that "
                + "did not see it (out of fold)");
        boolean someoneElseMoved = false;
        for (int i = 0; i < 60; i++) {
            someoneElseMoved |= i != 10 && !java.util.Arrays.equals(before[i], trainingFlipped[i]);
        }
        assertTrue(someoneElseMoved, "claim 10's labels do train the heads that score the others");
        double[][] heldOutFlipped = EvidenceLabelHead.features(flip(cs, 50), trainable, 3);
        for (int i = 0; i < 60; i++) {
            assertArrayEquals(before[i], heldOutFlipped[i], 0.0, "a held-out claim's labels are never read");
        }
        assertFalse(java.util.Arrays.equals(before[0], EvidenceLabelHead.features(cs, trainable, 4)[0]),
                "the seed matters");
    }

    /** Two views of one pair: each view's product and difference blocks, the stance probabilities, each cosine. */
    @Test
    void aPairsInputHoldsEveryViewThenTheStanceThenEachCosine() {
        float[] c1 = {0.6f, 0.8f};
        float[] e1 = {0.8f, 0.6f};
        float[] c2 = {1f, 0f, 0f};
        float[] e2 = {0f, 1f, 0f};
        StanceResult stance = StanceResult.of(Distribution.of(StanceLabel.class, new double[] {0.6, 0.2, 0.1, 0.1}));
        double[] x = EvidenceLabelHead.pairInput(List.of(c1, c2), List.of(e1, e2), stance);
        assertEquals(2 * 2 + 2 * 3 + 4 + 2, x.length);
        assertEquals(0.6 * 0.8, x[0], 1e-6);
        assertEquals(0.2, x[2], 1e-6);
        assertEquals(1, x[7], 1e-6);
        assertArrayEquals(new double[] {0.6, 0.2, 0.1, 0.1}, java.util.Arrays.copyOfRange(x, 10, 14), 1e-12);
        assertEquals(0.96, x[14], 1e-6, "first view's cosine");
        assertEquals(0, x[15], 1e-6, "second view's cosine");
        assertThrows(IllegalArgumentException.class,
                () -> EvidenceLabelHead.pairInput(List.of(c1, c2), List.of(e1), stance));
    }
}
