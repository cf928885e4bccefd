package io.claimlens.ml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MlTest {

    @TempDir
    Path dir;

    private static double[][] blobs(int n, long seed, int[] y) {
        Random r = new Random(seed);
        double[][] x = new double[n][];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[i] = new double[] {y[i] * 3 + r.nextGaussian(), -y[i] * 2 + r.nextGaussian(), r.nextGaussian()};
        }
        return x;
    }

    @Test
    void softmaxRegressionLearnsSeparableClassesDeterministically() {
        int[] y = new int[600];
        double[][] x = blobs(600, 1, y);
        SoftmaxRegression a = SoftmaxRegression.train(x, y, 3, SoftmaxRegression.Options.defaults(7));
        SoftmaxRegression b = SoftmaxRegression.train(x, y, 3, SoftmaxRegression.Options.defaults(7));
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            if (Metrics.argmax(a.probabilities(x[i])) == y[i]) {
                ok++;
            }
        }
        assertTrue(ok / 600.0 > 0.9, "accuracy " + ok / 600.0);
        assertArrayEquals(a.weights()[0], b.weights()[0], "same seed, same weights");
        assertThrows(IllegalArgumentException.class, () -> a.logits(new double[2]));
    }

    /**
     * Many weak, noisy features and a large constant step: the last step's weights wander around the optimum, and
     * their mean over the last epochs (Polyak averaging) scores better on fresh data. Without averaging the model is
     * the last step's, as before the option existed.
     */
    @Test
    void averagingTheLastEpochsStepsBeatsTheLastStepOnFreshData() {
        Random r = new Random(21);
        int d = 100;
        double[] truth = new double[d];
        for (int j = 0; j < d; j++) {
            truth[j] = r.nextGaussian() * 0.15;
        }
        int n = 1000;
        int fresh = 5000;
        double[][] x = new double[n + fresh][d];
        int[] y = new int[n + fresh];
        for (int i = 0; i < n + fresh; i++) {
            double z = 0;
            for (int j = 0; j < d; j++) {
                x[i][j] = r.nextGaussian();
                z += truth[j] * x[i][j];
            }
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        double[][] trainX = java.util.Arrays.copyOf(x, n);
        int[] trainY = java.util.Arrays.copyOf(y, n);
        SoftmaxRegression.Options o = new SoftmaxRegression.Options(40, 16, 0.05, 1e-3, 3, null);
        assertEquals(0, o.averageLastEpochs());
        SoftmaxRegression last = SoftmaxRegression.train(trainX, trainY, 2, o);
        SoftmaxRegression mean = SoftmaxRegression.train(trainX, trainY, 2, o.withAverageLastEpochs(20));
        double nllLast = 0;
        double nllMean = 0;
        for (int i = n; i < n + fresh; i++) {
            nllLast -= Math.log(last.probabilities(x[i])[y[i]]) / fresh;
            nllMean -= Math.log(mean.probabilities(x[i])[y[i]]) / fresh;
        }
        assertTrue(nllMean < nllLast - 0.01, "averaged " + nllMean + " vs last step " + nllLast);
        assertArrayEquals(mean.weights()[1], SoftmaxRegression.train(trainX, trainY, 2, o.withAverageLastEpochs(20))
                .weights()[1], "deterministic");
        assertThrows(IllegalArgumentException.class, () -> o.withAverageLastEpochs(41));
    }

    @Test
    void temperatureScalingFixesOverconfidence() {
        Random r = new Random(3);
        int n = 20000;
        double[][] logits = new double[n][];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            // true probability of class 0 is sigmoid(z); the logits are 3x too sharp
            double z = r.nextGaussian();
            y[i] = r.nextDouble() < 1 / (1 + Math.exp(-z)) ? 0 : 1;
            logits[i] = new double[] {3 * z, 0};
        }
        double t = Calibration.fitTemperature(logits, y);
        assertEquals(3.0, t, 0.3);
        assertTrue(Calibration.nll(logits, y, t) < Calibration.nll(logits, y, 1.0));
    }

    @Test
    void metricsOnAKnownExample() {
        int[] gold = {0, 0, 1, 1};
        int[] pred = {0, 1, 1, 1};
        int[][] cm = Metrics.confusion(gold, pred, 2);
        assertEquals(0.75, Metrics.accuracy(gold, pred));
        assertEquals((2.0 / 3 + 0.8) / 2, Metrics.macroF1(cm), 1e-9);
        double[][] probs = {{0.9, 0.1}, {0.4, 0.6}, {0.2, 0.8}, {0.3, 0.7}};
        // bins: 0.9 (correct), 0.6 (wrong), 0.8 (correct), 0.7 (correct) -> |1-.9|+|0-.6|+|1-.8|+|1-.7| over 4
        assertEquals((0.1 + 0.6 + 0.2 + 0.3) / 4, Metrics.ece(probs, gold, 15), 1e-9);
        assertEquals((0.02 + 0.72 + 0.08 + 0.18) / 4, Metrics.brier(probs, gold), 1e-9);
        // the same decisions given as confidences and outcomes; two share a bin here (0.6 and 0.65 in 10 bins)
        assertEquals((0.1 + 0.6 + 0.2 + 0.3) / 4,
                Metrics.ece(new double[] {0.9, 0.6, 0.8, 0.7}, new boolean[] {true, false, true, true}, 15), 1e-9);
        assertEquals((0.1 + Math.abs(0.5 - (0.6 + 0.65) / 2) * 2) / 3,
                Metrics.ece(new double[] {0.9, 0.6, 0.65}, new boolean[] {true, false, true}, 10), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> Metrics.ece(new double[2], new boolean[3], 10));
    }

    /**
     * The bootstrap interval of an accuracy: seeded, it brackets the full-sample value, and with four times the
     * items it is about half as wide (the standard error goes as one over the square root of n).
     */
    @Test
    void bootstrapIntervalBracketsTheStatisticAndNarrowsWithMoreItems() {
        Random r = new Random(11);
        int[] right = new int[1600];
        for (int i = 0; i < right.length; i++) {
            right[i] = r.nextDouble() < 0.3 ? 1 : 0;
        }
        double mean = java.util.Arrays.stream(right).average().orElseThrow();
        java.util.function.Function<int[], java.util.function.ToDoubleFunction<int[]>> share = v -> idx -> {
            double s = 0;
            for (int i : idx) {
                s += v[i];
            }
            return s / idx.length;
        };
        double[] wide = Metrics.bootstrap95(400, 500, 5, share.apply(java.util.Arrays.copyOf(right, 400)));
        double[] narrow = Metrics.bootstrap95(1600, 500, 5, share.apply(right));
        assertTrue(narrow[0] < mean && mean < narrow[1], java.util.Arrays.toString(narrow) + " vs " + mean);
        double ratio = (wide[1] - wide[0]) / (narrow[1] - narrow[0]);
        assertTrue(ratio > 1.6 && ratio < 2.5, "width ratio " + ratio);
        assertArrayEquals(narrow, Metrics.bootstrap95(1600, 500, 5, share.apply(right)), "seeded");
    }

    @Test
    void modelStoreVerifiesHashesAndNamesTheModel() throws IOException {
        ModelCard card = new ModelCard("toy-v1", "toy", "2026-01-01", "claimlens train toy", 1, null, null,
                Map.of("a", 1), List.of(), Map.of("accuracy", 0.5), Map.of(), "A toy.");
        Path m = dir.resolve("toy");
        ModelCard written = ModelStore.write(m, card, Map.of("model.json", "{\"w\": [1, 2]}".getBytes()));
        assertEquals(64, written.files().get("model.json").length());
        assertTrue(Files.readString(m.resolve("MODEL_CARD.md")).contains("| accuracy | 0.5000 |"));
        ModelStore.Loaded ok = ModelStore.load(m.toString());
        assertEquals("toy-v1", ok.card().id());
        Files.writeString(m.resolve("model.json"), "{\"w\": [1, 3]}");
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> ModelStore.load(m.toString()));
        assertTrue(e.getMessage().contains("toy-v1") && e.getMessage().contains("model.json"), e.getMessage());
        assertThrows(ModelStore.ModelIntegrityException.class, () -> ModelStore.load(dir.resolve("none").toString()));
    }

    @Test
    void theShippedModelsLoadAndMatchTheirCards() {
        for (String id : List.of("stance-v2", "stance-v3", "verdict-v2", "attribution-confidence-v2",
                "checkworthiness-v2", "checkworthiness-v3")) {
            ModelStore.Loaded l = ModelStore.load("classpath:models/" + id);
            assertEquals(id, l.card().id());
            assertTrue(l.card().command().startsWith("claimlens train"));
            assertTrue(!l.card().metrics().isEmpty());
        }
    }
}
