package io.claimlens.claims.detect;

import io.claimlens.ml.ModelStore;
import io.claimlens.train.CheckworthinessHeads;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
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

    /** A one-member softmax regression over a 2-dimensional embedding alone whose margin is the first coordinate. */
    private static CheckworthinessModel linear() {
        return new CheckworthinessModel(CheckworthinessModel.SOFTMAX, CheckworthinessModel.EMBEDDING,
                CheckworthinessFeatures.LAYOUT_VERSION, 2, List.of(), new double[] {0, 0}, new double[] {1, 1},
                List.of(new CheckworthinessModel.Member(new double[][] {{0, 0}, {1, 0}}, new double[] {0, 0}, null,
                        null)), 1, 0);
    }

    @Test
    void knownClaimsAddTheirWeightTimesTheHighestSimilarity() {
        CheckworthinessModel.KnownClaims known = CheckworthinessModel.KnownClaims.of(4,
                List.of(new float[] {0, 2}, new float[] {3, 4}));
        assertArrayEquals(new float[] {0.6f, 0.8f}, known.vectors()[1], "stored at unit length");
        CheckworthinessModel plain = linear();
        CheckworthinessModel m = plain.withKnownClaims(known);
        double[] onAKnownClaim = {0, 5};
        double[] between = {0.6, 0.8};
        double[] opposite = {0, -1};
        assertEquals(4.0, m.margin(onAKnownClaim) - plain.margin(onAKnownClaim), 1e-6,
                "a sentence in a known claim's direction gains the whole weight, whatever its length");
        assertEquals(4.0, m.margin(between) - plain.margin(between), 1e-6, "the closest known claim counts");
        assertEquals(4 * 0.6, m.margin(new double[] {1, 0}) - plain.margin(new double[] {1, 0}), 1e-6);
        assertTrue(m.margin(opposite) < plain.margin(opposite), "unlike every known claim: it loses");
        assertEquals(plain.margin(between), m.membersMargin(between), 0.0);
        assertTrue(m.probability(onAKnownClaim) > plain.probability(onAKnownClaim));
        assertThrows(IllegalArgumentException.class, () -> CheckworthinessModel.KnownClaims.of(0,
                List.of(new float[] {1, 0})), "a weight of 0 is no known claims: null, not an empty term");
        assertThrows(IllegalArgumentException.class, () -> plain.withKnownClaims(
                CheckworthinessModel.KnownClaims.of(1, List.of(new float[] {1, 0, 0}))), "dimensions must agree");
    }

    @Test
    void knownClaimsSurviveJsonAndAModelWithoutThemKeepsItsBytes() throws Exception {
        CheckworthinessModel m = linear().withKnownClaims(CheckworthinessModel.KnownClaims.of(2,
                List.of(new float[] {0, 1}, new float[] {1, 1})));
        CheckworthinessModel back = ModelStore.fromJson(ModelStore.toJson(m), CheckworthinessModel.class);
        assertEquals(2.0, back.knownClaims().weight(), 0.0);
        assertArrayEquals(m.knownClaims().vectors()[1], back.knownClaims().vectors()[1], 0f);
        assertEquals(m.margin(new double[] {0.3, 0.4}), back.margin(new double[] {0.3, 0.4}), 0.0);
        assertFalse(new String(ModelStore.toJson(linear())).contains("knownClaims"),
                "no field at all without known claims");
        Path shipped = Path.of("models/checkworthiness-v2/model.json");
        byte[] bytes = Files.readAllBytes(shipped);
        CheckworthinessModel v2 = ModelStore.fromJson(bytes, CheckworthinessModel.class);
        assertNull(v2.knownClaims());
        assertArrayEquals(bytes, ModelStore.toJson(v2), "checkworthiness-v2 re-serialises to the same bytes");
    }
}
