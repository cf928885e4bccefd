package io.claimlens.ml;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Ranking metrics against hand-computed values, and the small learners the check-worthiness stage uses. */
class RankingAndLearnersTest {

    @Test
    void averagePrecisionMatchesAHandComputedRanking() {
        // ranked by score: items 0 (pos), 1 (neg), 2 (pos), 3 (neg), 4 (pos), 5 (neg)
        double[] s = {0.9, 0.8, 0.7, 0.6, 0.5, 0.4};
        int[] y = {1, 0, 1, 0, 1, 0};
        // precision at each positive: 1/1, 2/3, 3/5 -> AP = (1 + 2/3 + 3/5) / 3
        assertEquals((1 + 2.0 / 3 + 3.0 / 5) / 3, Ranking.averagePrecision(s, y), 1e-12);
        // R = 3: the top 3 hold 2 positives
        assertEquals(2.0 / 3, Ranking.rPrecision(s, y), 1e-12);
        // P@10 on a group of 6 counts the 4 missing places as misses: 3/10
        assertEquals(0.3, Ranking.precisionAt(s, y, 10), 1e-12);
        assertEquals(1.0, Ranking.precisionAt(s, y, 1), 1e-12);
    }

    @Test
    void meanAveragePrecisionAveragesOverGroupsAndOrderDoesNotMatter() {
        // group A: positive ranked 2nd of 3 -> AP 1/2; group B: positives at ranks 1 and 3 -> (1 + 2/3) / 2
        Ranking.Group a = new Ranking.Group("a", new double[] {0.3, 0.9, 0.1}, new int[] {1, 0, 0});
        Ranking.Group b = new Ranking.Group("b", new double[] {0.2, 0.5, 0.8}, new int[] {1, 0, 1});
        double expected = (0.5 + (1 + 2.0 / 3) / 2) / 2;
        assertEquals(expected, Ranking.meanAveragePrecision(List.of(a, b)), 1e-12);
        assertEquals(expected, Ranking.meanAveragePrecision(List.of(b, a)), 1e-12);
        // R-precision: A has R=1, top-1 is negative -> 0; B has R=2, top-2 = {0.8 pos, 0.5 neg} -> 1/2
        assertEquals(0.25, Ranking.meanRPrecision(List.of(a, b)), 1e-12);
        // a group without positives scores 0, as in the official scorer
        assertEquals(0, Ranking.averagePrecision(new double[] {1, 2}, new int[] {0, 0}));
    }

    @Test
    void tiesAreBrokenByPositionNotByChance() {
        double[] s = {0.5, 0.5, 0.5};
        // earlier first: ranks 1, 2, 3 -> the positive at index 2 has precision 1/3
        assertEquals(1.0 / 3, Ranking.averagePrecision(s, new int[] {0, 0, 1}), 1e-12);
        assertEquals(1.0, Ranking.averagePrecision(s, new int[] {1, 0, 0}), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> Ranking.averagePrecision(s, new int[] {0, 2, 0}));
    }

    @Test
    void f1OfThePositiveClass() {
        int[] gold = {1, 1, 0, 0, 1};
        int[] pred = {1, 0, 1, 0, 1};
        // tp 2, fp 1, fn 1 -> 2*2 / (4 + 1 + 1)
        assertEquals(4.0 / 6, Ranking.f1(gold, pred), 1e-12);
        assertEquals(0, Ranking.f1(new int[] {1}, new int[] {0}));
    }

    /** XOR of two signs: no linear model can fit it, one hidden layer can. */
    private static double[][] xor(int n, int[] y, long seed) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            double a = r.nextGaussian();
            double b = r.nextGaussian();
            x[i] = new double[] {a, b};
            y[i] = (a > 0) == (b > 0) ? 1 : 0;
        }
        return x;
    }

    @Test
    void mlpLearnsWhatALinearModelCannotAndIsReproducible() {
        int[] y = new int[2000];
        double[][] x = xor(2000, y, 5);
        JavaMlp.Options o = JavaMlp.Options.defaults(11).withHidden(16).withEpochs(30).withLearningRate(0.01);
        JavaMlp a = JavaMlp.train(x, y, 2, o);
        JavaMlp b = JavaMlp.train(x, y, 2, o);
        SoftmaxRegression lin = SoftmaxRegression.train(x, y, 2, SoftmaxRegression.Options.defaults(11));
        int okMlp = 0;
        int okLin = 0;
        for (int i = 0; i < x.length; i++) {
            okMlp += Metrics.argmax(a.probabilities(x[i])) == y[i] ? 1 : 0;
            okLin += Metrics.argmax(lin.probabilities(x[i])) == y[i] ? 1 : 0;
        }
        assertTrue(okMlp / 2000.0 > 0.9, "MLP accuracy " + okMlp / 2000.0);
        assertTrue(okLin / 2000.0 < 0.7, "linear accuracy " + okLin / 2000.0);
        for (int u = 0; u < 16; u++) {
            assertArrayEquals(a.w1()[u], b.w1()[u], 0.0, "same seed, bit-identical weights");
        }
        JavaMlp c = JavaMlp.train(x, y, 2, JavaMlp.Options.defaults(12).withHidden(16).withEpochs(30).withLearningRate(0.01));
        assertTrue(c.w1()[0][0] != a.w1()[0][0], "another seed, other weights");
        double[] p = a.probabilities(x[0]);
        assertEquals(1.0, p[0] + p[1], 1e-12);
        double[] l = a.logits(x[0]);
        assertEquals(p[1] / p[0], Math.exp(l[1] - l[0]), 1e-9);
    }

    /**
     * Rows of one distribution, half labelled 1 and half 0: unweighted, the learners predict about 1/2; with the
     * 1-rows weighing 4, about 4/5 (the weighted share). All-ones weights give the unweighted model bit for bit.
     */
    @Test
    void rowWeightsShiftTheFitAndAllOnesChangeNothing() {
        Random r = new Random(3);
        int n = 2000;
        double[][] x = new double[n][];
        int[] y = new int[n];
        double[] ones = new double[n];
        double[] heavyPositives = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextGaussian()};
            y[i] = i % 2;
            ones[i] = 1;
            heavyPositives[i] = y[i] == 1 ? 4 : 1;
        }
        JavaMlp.Options o = JavaMlp.Options.defaults(2).withHidden(8).withEpochs(30).withLearningRate(0.01);
        JavaMlp plain = JavaMlp.train(x, y, 2, o);
        JavaMlp unit = JavaMlp.train(x, y, ones, 2, o, null);
        JavaMlp heavy = JavaMlp.train(x, y, heavyPositives, 2, o, null);
        for (int u = 0; u < 8; u++) {
            assertArrayEquals(plain.w1()[u], unit.w1()[u], 0.0, "all-ones weights = no weights");
        }
        SoftmaxRegression.Options lo = SoftmaxRegression.Options.defaults(2);
        SoftmaxRegression linPlain = SoftmaxRegression.train(x, y, 2, lo);
        SoftmaxRegression linUnit = SoftmaxRegression.train(x, y, ones, 2, lo);
        SoftmaxRegression linHeavy = SoftmaxRegression.train(x, y, heavyPositives, 2, lo);
        assertArrayEquals(linPlain.bias(), linUnit.bias(), 0.0);
        double[] origin = {0, 0};
        assertEquals(0.5, plain.probabilities(origin)[1], 0.1);
        assertEquals(0.8, heavy.probabilities(origin)[1], 0.1);
        assertEquals(0.5, linPlain.probabilities(origin)[1], 0.1);
        assertEquals(0.8, linHeavy.probabilities(origin)[1], 0.1);
        assertThrows(IllegalArgumentException.class, () -> JavaMlp.train(x, y, new double[3], 2, o, null));
        assertThrows(IllegalArgumentException.class, () -> SoftmaxRegression.train(x, y, new double[3], 2, lo));
    }

    @Test
    void mlpReportsEveryEpochToItsListener() {
        int[] y = new int[200];
        double[][] x = xor(200, y, 1);
        int[] epochs = {0};
        JavaMlp.train(x, y, 2, JavaMlp.Options.defaults(1).withHidden(4).withEpochs(3), (e, m) -> {
            assertEquals(epochs[0] + 1, e);
            epochs[0] = e;
            assertEquals(4, m.hidden());
        });
        assertEquals(3, epochs[0]);
    }

    @Test
    void plattScalingRecoversAKnownSigmoid() {
        Random r = new Random(9);
        int n = 20000;
        double[] margin = new double[n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            margin[i] = r.nextGaussian() * 3;
            double p = 1 / (1 + Math.exp(-(0.5 * margin[i] - 1)));
            y[i] = r.nextDouble() < p ? 1 : 0;
        }
        PlattScaling.Fit f = PlattScaling.fit(margin, y);
        assertEquals(0.5, f.a(), 0.05);
        assertEquals(-1.0, f.b(), 0.1);
        assertTrue(f.probability(10) > f.probability(0));
    }

    @Test
    void sparseLogisticRegressionSeparatesWordsAndIsReproducible() {
        // feature 0 marks positives, feature 1 negatives, feature 2 is noise in both
        SparseLogisticRegression.Row pos = new SparseLogisticRegression.Row(new int[] {0, 2}, new double[] {1, 1});
        SparseLogisticRegression.Row neg = new SparseLogisticRegression.Row(new int[] {1, 2}, new double[] {1, 1});
        SparseLogisticRegression.Row[] x = new SparseLogisticRegression.Row[2000];
        int[] y = new int[2000];
        for (int i = 0; i < 2000; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            x[i] = y[i] == 1 ? pos : neg;
        }
        SparseLogisticRegression a = SparseLogisticRegression.train(x, y, 3,
                SparseLogisticRegression.Options.defaults(3));
        SparseLogisticRegression b = SparseLogisticRegression.train(x, y, 3,
                SparseLogisticRegression.Options.defaults(3));
        assertTrue(a.probability(pos) > 0.9 && a.probability(neg) < 0.1);
        assertArrayEquals(a.weights(), b.weights(), 0.0);
    }
}
