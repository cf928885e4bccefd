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
