package io.claimlens.train;

import io.claimlens.ml.Metrics;
import io.claimlens.ml.Mlp;
import io.claimlens.stance.StanceAggregation;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration: DJL's PyTorch engine trains, and the Java forward pass reproduces what it learned. */
class DjlMlpTrainerTest {

    private static List<DjlMlpTrainer.Bag> data(int n, long seed) {
        Random r = new Random(seed);
        List<DjlMlpTrainer.Bag> bags = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int y = i % 3;
            // a bag of two instances: the first carries the class signal (weight .8), the second is noise
            float[] signal = new float[6];
            float[] noise = new float[6];
            for (int j = 0; j < 6; j++) {
                signal[j] = (float) (r.nextGaussian() * 0.5 + (j == y ? 2 : 0));
                noise[j] = (float) r.nextGaussian();
            }
            bags.add(new DjlMlpTrainer.Bag(new float[][] {signal, noise}, new float[] {0.8f, 0.2f}, y, 1f));
        }
        return bags;
    }

    private static double accuracy(Mlp m, List<DjlMlpTrainer.Bag> bags) {
        int ok = 0;
        for (DjlMlpTrainer.Bag b : bags) {
            if (Metrics.argmax(StanceTrainer.bagLogits(m, b)) == b.label()) {
                ok++;
            }
        }
        return ok / (double) bags.size();
    }

    @Test
    void trainsDeterministicallyAndTheJavaForwardPassAgrees() {
        List<DjlMlpTrainer.Bag> train = data(600, 1);
        DjlMlpTrainer.Options o = new DjlMlpTrainer.Options(16, 5, 32, 1e-2f, 1e-4f, 0.1f, 7);
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        Mlp a = new DjlMlpTrainer().train(train, 3, o, quiet);
        Mlp b = new DjlMlpTrainer().train(train, 3, o, quiet);
        assertArrayEquals(a.b2(), b.b2(), "same seed, same weights");
        assertArrayEquals(a.w1()[3], b.w1()[3]);
        assertTrue(accuracy(a, data(300, 2)) > 0.9, "held-out accuracy " + accuracy(a, data(300, 2)));
        Mlp linear = new DjlMlpTrainer().train(train, 3, new DjlMlpTrainer.Options(0, 5, 32, 1e-2f, 0, 0, 7), quiet);
        assertTrue(linear.linear());
        assertTrue(accuracy(linear, data(300, 2)) > 0.9);
    }

    @Test
    void documentPoolingWeighsTheMostSimilarSentences() {
        StanceAggregation.Selection s = StanceAggregation.select(new double[] {0.1, 0.9, 0.5, 0.85}, 0.1);
        assertArrayEquals(new int[] {1, 3, 2}, s.indices());
        assertTrue(s.weights()[0] > s.weights()[1] && s.weights()[1] > s.weights()[2]);
        assertEquals(1.0, s.weights()[0] + s.weights()[1] + s.weights()[2], 1e-6);
        double[] pooled = StanceAggregation.pool(List.of(new double[] {1, 0}, new double[] {0, 1}),
                new float[] {0.75f, 0.25f});
        assertArrayEquals(new double[] {0.75, 0.25}, pooled, 1e-6);
    }
}
