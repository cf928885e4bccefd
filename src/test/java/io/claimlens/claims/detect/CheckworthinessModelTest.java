package io.claimlens.claims.detect;

import io.claimlens.train.CheckworthinessHeads;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CheckworthinessModelTest {

    private static final String SPLIT = CheckworthinessModel.EMBEDDING_FEATURES_SPLIT_CONTEXT;
    private static final String MEAN = CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT;

    @Test
    void splitContextKeepsWhichNeighbourIsWhich() {
        float[] prev = {1, 0};
        float[] next = {0, 1};
        assertArrayEquals(new float[] {1, 0, 0, 1}, CheckworthinessModel.context(SPLIT, prev, next));
        assertArrayEquals(new float[] {0, 0, 0, 1}, CheckworthinessModel.context(SPLIT, null, next),
                "a missing neighbour is zeros on its side");
        assertArrayEquals(new float[] {0.5f, 0.5f}, CheckworthinessModel.context(MEAN, prev, next));
        assertArrayEquals(CheckworthinessModel.context(MEAN, prev, next), CheckworthinessModel.context(prev, next));
        assertNull(CheckworthinessModel.context(SPLIT, null, null));
    }

    @Test
    void aTrainedSplitContextHeadFitsItsEncoder() {
        float[][] emb = new float[40][];
        double[][] x = new double[40][];
        int[] y = new int[40];
        for (int i = 0; i < 40; i++) {
            emb[i] = new float[] {(float) Math.cos(i), (float) Math.sin(i)};
        }
        for (int i = 0; i < 40; i++) {
            y[i] = i % 3 == 0 ? 1 : 0;
            x[i] = CheckworthinessModel.input(SPLIT, emb[i], y[i] == 1 ? "It rose 5 percent." : "Thank you.",
                    CheckworthinessModel.context(SPLIT, i > 0 ? emb[i - 1] : null, i < 39 ? emb[i + 1] : null));
        }
        CheckworthinessModel m = CheckworthinessHeads.fit(new CheckworthinessHeads.Spec(CheckworthinessModel.MLP,
                SPLIT, 1, 2, 4, 2.0, 7), x, y);
        assertEquals(2, m.embeddingDimension());
        m.checkCompatible(2);
        assertThrows(IllegalStateException.class, () -> m.checkCompatible(3));
    }

    @Test
    void inputsHaveTheLayoutTheirNameSays() {
        float[] e = {0.6f, 0.8f};
        int hand = CheckworthinessFeatures.NAMES.size();
        double[] split = CheckworthinessModel.input(SPLIT, e, "Unemployment fell to 3 percent.",
                CheckworthinessModel.context(SPLIT, new float[] {1, 0}, new float[] {0, 1}));
        assertEquals(2 + hand + 4, split.length);
        assertEquals(1.0, split[2 + hand], 0.0);
        assertEquals(1.0, split[2 + hand + 3], 0.0);
        assertEquals(2 + hand + 2, CheckworthinessModel.input(MEAN, e, "x", null).length);
        assertEquals(2, CheckworthinessModel.embeddingDimension(SPLIT, split.length),
                "the embedding size is recovered from the input length");
        assertEquals(2, CheckworthinessModel.embeddingDimension(MEAN, 2 + hand + 2));
        String speaker = CheckworthinessModel.EMBEDDING_FEATURES_CONTEXT_SPEAKER;
        assertEquals(2, CheckworthinessModel.embeddingDimension(speaker,
                CheckworthinessModel.input(speaker, e, "x", null, null).length));
        double[] alone = CheckworthinessModel.input(SPLIT, e, "x", null);
        for (int i = 2 + hand; i < alone.length; i++) {
            assertEquals(0.0, alone[i], 0.0, "a sentence without neighbours reads zeros");
        }
    }
}
