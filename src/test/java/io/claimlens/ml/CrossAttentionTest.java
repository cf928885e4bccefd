package io.claimlens.ml;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stored cross-attention head: the DJL network and the plain-Java reference agree, and padding is inert. */
class CrossAttentionTest {

    private static final int D = 6;
    private static final int U = 5;
    private static final int F = 3;
    private static final int C = 4;

    static CrossAttentionHead randomHead(long seed, int maxTokens) {
        Random r = new Random(seed);
        return new CrossAttentionHead(maxTokens, vector(r, D, 0.3f), positive(r, D), vector(r, F, 0.5f),
                positive(r, F), matrix(r, U, D), vector(r, U, 0.1f), matrix(r, U, 4 * D), vector(r, U, 0.1f),
                matrix(r, U, 4 * U + F), vector(r, U, 0.1f), matrix(r, C, U), vector(r, C, 0.1f));
    }

    private static float[] vector(Random r, int n, float scale) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) (r.nextGaussian() * scale);
        }
        return v;
    }

    private static float[] positive(Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = 0.5f + r.nextFloat();
        }
        return v;
    }

    private static float[][] matrix(Random r, int rows, int cols) {
        float[][] m = new float[rows][];
        for (int i = 0; i < rows; i++) {
            m[i] = vector(r, cols, (float) (1 / Math.sqrt(cols)));
        }
        return m;
    }

    private static float[][] states(Random r, int tokens) {
        float[][] s = new float[tokens][];
        for (int t = 0; t < tokens; t++) {
            s[t] = vector(r, D, 1f);
        }
        return s;
    }

    @Test
    void networkAgreesWithTheJavaReferenceWhateverThePaddingAroundAPair() {
        CrossAttentionHead head = randomHead(7, 16);
        Random r = new Random(11);
        List<float[][]> a = new ArrayList<>();
        List<float[][]> b = new ArrayList<>();
        List<float[]> f = new ArrayList<>();
        for (int i = 0; i < 9; i++) {              // lengths 1..9 and 9..1: every pair padded differently
            a.add(states(r, 1 + i));
            b.add(states(r, 9 - i));
            f.add(vector(r, F, 1f));
        }
        try (CrossAttentionNetwork net = CrossAttentionNetwork.of(head)) {
            double[][] batch = net.logits(a, b, f);
            for (int i = 0; i < a.size(); i++) {
                double[] reference = head.logits(head.prepare(a.get(i)), head.prepare(b.get(i)), f.get(i));
                double[] alone = net.logits(List.<float[][]>of(a.get(i)), List.<float[][]>of(b.get(i)), List.of(f.get(i)))[0];
                assertArrayEquals(reference, batch[i], 1e-4, "pair " + i + " in a batch");
                assertArrayEquals(alone, batch[i], 1e-5, "pair " + i + " alone vs in a batch");
            }
            // the logits depend on the tokens: another evidence text gives other logits
            double[] other = net.logits(List.<float[][]>of(a.get(0)), List.<float[][]>of(b.get(1)), List.of(f.get(0)))[0];
            assertTrue(Math.abs(other[0] - batch[0][0]) + Math.abs(other[1] - batch[0][1]) > 1e-4);
        }
    }

    @Test
    void meanLogitsAverageTheNetworksPairByPair() {
        Random r = new Random(17);
        List<float[][]> a = List.of(states(r, 3), states(r, 5));
        List<float[][]> b = List.of(states(r, 4), states(r, 2));
        List<float[]> f = List.of(vector(r, F, 1f), vector(r, F, 1f));
        try (CrossAttentionNetwork one = CrossAttentionNetwork.of(randomHead(1, 8));
             CrossAttentionNetwork two = CrossAttentionNetwork.of(randomHead(2, 8))) {
            double[][] l1 = one.logits(a, b, f);
            double[][] l2 = two.logits(a, b, f);
            double[][] mean = CrossAttentionNetwork.meanLogits(List.of(one, two), a, b, f);
            for (int i = 0; i < a.size(); i++) {
                for (int k = 0; k < l1[i].length; k++) {
                    assertEquals((l1[i][k] + l2[i][k]) / 2, mean[i][k], 1e-9, "pair " + i + " class " + k);
                }
                assertTrue(Math.abs(l1[i][0] - l2[i][0]) > 1e-4, "two random heads should disagree");
            }
            assertArrayEquals(l1[1], CrossAttentionNetwork.meanLogits(List.of(one), a, b, f)[1], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> CrossAttentionNetwork.meanLogits(List.of(), a, b, f));
    }

    @Test
    void headsEncodeToBinaryAndBackBitForBit() {
        List<CrossAttentionHead> heads = List.of(randomHead(4, 8), randomHead(5, 16));
        byte[] bytes = CrossAttentionHead.encode(heads);
        List<CrossAttentionHead> back = CrossAttentionHead.decode(bytes);
        assertEquals(2, back.size());
        for (int i = 0; i < heads.size(); i++) {
            CrossAttentionHead a = heads.get(i);
            CrossAttentionHead b = back.get(i);
            assertEquals(a.maxTokens(), b.maxTokens());
            assertArrayEquals(a.tokenMean(), b.tokenMean());
            assertArrayEquals(a.featureScale(), b.featureScale());
            assertArrayEquals(a.compareW(), b.compareW());
            assertArrayEquals(a.hiddenW(), b.hiddenW());
            assertArrayEquals(a.outputB(), b.outputB());
            assertTrue(java.util.Arrays.equals(io.claimlens.ml.ModelStore.toJson(a),
                    io.claimlens.ml.ModelStore.toJson(b)), "head " + i + " differs after the round trip");
        }
        assertThrows(IllegalArgumentException.class, () -> CrossAttentionHead.decode(new byte[] {1, 2, 3, 4}));
        assertThrows(IllegalArgumentException.class,
                () -> CrossAttentionHead.decode(java.util.Arrays.copyOf(bytes, bytes.length - 4)));
        assertThrows(IllegalArgumentException.class,
                () -> CrossAttentionHead.decode(java.util.Arrays.copyOf(bytes, bytes.length + 1)));
    }

    @Test
    void tokensPastTheLimitAreNotRead() {
        CrossAttentionHead head = randomHead(3, 4);
        Random r = new Random(5);
        float[][] a = states(r, 4);
        float[][] b = states(r, 4);
        float[][] bLonger = new float[7][];
        System.arraycopy(b, 0, bLonger, 0, 4);
        for (int t = 4; t < 7; t++) {
            bLonger[t] = vector(r, D, 3f);
        }
        float[] f = vector(r, F, 1f);
        try (CrossAttentionNetwork net = CrossAttentionNetwork.of(head)) {
            assertArrayEquals(net.logits(List.<float[][]>of(a), List.<float[][]>of(b), List.of(f))[0],
                    net.logits(List.<float[][]>of(a), List.<float[][]>of(bLonger), List.of(f))[0], 1e-6);
        }
        assertEquals(4, head.prepare(bLonger).length);
    }

    @Test
    void wrongSizesAreRefusedWithTheReason() {
        CrossAttentionHead head = randomHead(1, 8);
        try (CrossAttentionNetwork net = CrossAttentionNetwork.of(head)) {
            Random r = new Random(2);
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> net.logits(List.<float[][]>of(states(r, 3)), List.<float[][]>of(states(r, 3)), List.of(new float[F + 1])));
            assertTrue(e.getMessage().contains("features"), e.getMessage());
            assertThrows(IllegalArgumentException.class,
                    () -> net.logits(List.<float[][]>of(new float[0][]), List.<float[][]>of(states(r, 3)), List.of(new float[F])));
        }
    }
}
