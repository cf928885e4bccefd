package io.claimlens.claims.detect;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
    void inputsHaveTheLayoutTheirNameSays() {
        float[] e = {0.6f, 0.8f};
        int hand = CheckworthinessFeatures.NAMES.size();
        double[] split = CheckworthinessModel.input(SPLIT, e, "Unemployment fell to 3 percent.",
                CheckworthinessModel.context(SPLIT, new float[] {1, 0}, new float[] {0, 1}));
        assertEquals(2 + hand + 4, split.length);
        assertEquals(1.0, split[2 + hand], 0.0);
        assertEquals(1.0, split[2 + hand + 3], 0.0);
        assertEquals(2 + hand + 2, CheckworthinessModel.input(MEAN, e, "x", null).length);
        double[] alone = CheckworthinessModel.input(SPLIT, e, "x", null);
        for (int i = 2 + hand; i < alone.length; i++) {
            assertEquals(0.0, alone[i], 0.0, "a sentence without neighbours reads zeros");
        }
    }
}
