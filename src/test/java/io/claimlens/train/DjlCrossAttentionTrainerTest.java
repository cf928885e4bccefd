package io.claimlens.train;

import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.CrossAttentionNetwork;
import io.claimlens.ml.Metrics;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Integration: DJL trains the cross-attention head on a task only token alignment solves — does the evidence hold
 * (a noisy copy of) the claim's token? — deterministically, and the stored head reproduces it.
 */
class DjlCrossAttentionTrainerTest {

    private static final int D = 8;

    /** Texts 2i (claim, 2 tokens) and 2i+1 (evidence, 5 tokens); label 0 when the evidence repeats claim token 0. */
    private static float[][][] texts(int n, long seed, int[] labels) {
        Random r = new Random(seed);
        float[][][] t = new float[2 * n][][];
        for (int i = 0; i < n; i++) {
            float[][] claim = {gaussian(r), gaussian(r)};
            float[][] evidence = new float[5][];
            for (int k = 0; k < 5; k++) {
                evidence[k] = gaussian(r);
            }
            labels[i] = i % 2;
            if (labels[i] == 0) {
                float[] copy = evidence[r.nextInt(5)];
                for (int k = 0; k < D; k++) {
                    copy[k] = claim[0][k] + (float) (0.1 * r.nextGaussian());
                }
            }
            t[2 * i] = claim;
            t[2 * i + 1] = evidence;
        }
        return t;
    }

    private static float[] gaussian(Random r) {
        float[] v = new float[D];
        for (int k = 0; k < D; k++) {
            v[k] = (float) r.nextGaussian();
        }
        return v;
    }

    private static List<DjlCrossAttentionTrainer.Bag> bags(int n, int[] labels, Random noise) {
        List<DjlCrossAttentionTrainer.Bag> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] features = {(float) noise.nextGaussian(), (float) noise.nextGaussian()};
            out.add(new DjlCrossAttentionTrainer.Bag(new DjlCrossAttentionTrainer.Instance[] {
                new DjlCrossAttentionTrainer.Instance(2 * i, 2 * i + 1, features)}, new float[] {1f}, labels[i], 1f));
        }
        return out;
    }

    @Test
    void learnsAnAlignmentTaskDeterministically() {
        int n = 1200;
        int[] labels = new int[n];
        float[][][] tokens = texts(n, 1, labels);
        List<DjlCrossAttentionTrainer.Bag> train = bags(n, labels, new Random(2));
        DjlCrossAttentionTrainer.Options o = new DjlCrossAttentionTrainer.Options(32, 30, 32, 5e-3f, 1e-4f, 0f, 8,
                7);
        PrintStream quiet = new PrintStream(java.io.OutputStream.nullOutputStream());
        CrossAttentionHead a = new DjlCrossAttentionTrainer().train(tokens, n, train::get, 2, o, quiet, null);
        CrossAttentionHead b = new DjlCrossAttentionTrainer().train(tokens, n, train::get, 2, o, quiet, null);
        assertArrayEquals(a.outputB(), b.outputB(), "same seed, same weights");
        assertArrayEquals(a.compareW()[3], b.compareW()[3]);

        int m = 300;
        int[] heldLabels = new int[m];
        float[][][] held = texts(m, 3, heldLabels);
        List<float[][]> claims = new ArrayList<>();
        List<float[][]> evidence = new ArrayList<>();
        List<float[]> features = new ArrayList<>();
        Random noise = new Random(4);
        for (int i = 0; i < m; i++) {
            claims.add(held[2 * i]);
            evidence.add(held[2 * i + 1]);
            features.add(new float[] {(float) noise.nextGaussian(), (float) noise.nextGaussian()});
        }
        try (CrossAttentionNetwork net = CrossAttentionNetwork.of(a)) {
            double[][] logits = net.logits(claims, evidence, features);
            int ok = 0;
            for (int i = 0; i < m; i++) {
                ok += Metrics.argmax(logits[i]) == heldLabels[i] ? 1 : 0;
            }
            assertTrue(ok / (double) m > 0.7, "held-out accuracy (chance 0.5) " + ok / (double) m);
        }
    }
}
