package io.claimlens.embed;

import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration: the real MiniLM ONNX model through DJL. */
class DjlSentenceEncoderTest {

    private final SentenceEncoder encoder = Fixtures.encoder();

    @Test
    void aParaphraseScoresAboveAnUnrelatedSentence() {
        float[][] v = encoder.encode(List.of("North Korea sent troops to Russia.",
                "Pyongyang dispatched soldiers to Russia.", "Preheat the oven and add two cups of flour."));
        double para = SentenceEncoder.cosine(v[0], v[1]);
        double unrelated = SentenceEncoder.cosine(v[0], v[2]);
        assertTrue(para > unrelated + 0.3, "paraphrase " + para + " vs unrelated " + unrelated);
    }

    @Test
    void tokenStatesComeWithTheVectorsEncodeGives() {
        List<String> texts = List.of("North Korea sent troops to Russia.", "Short.",
                "Preheat the oven and add two cups of flour, then stir.");
        TokenStateEncoder.Encoded e = ((TokenStateEncoder) encoder).encodeWithStates(texts);
        float[][] plain = encoder.encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertArrayEquals(plain[i], e.vectors()[i], 1e-6f, texts.get(i));
            assertEquals(384, e.states()[i][0].length);
        }
        // padding removed: the one-word text has fewer states than the long one ([CLS] short . [SEP] = 4)
        assertEquals(4, e.states()[1].length);
        assertTrue(e.states()[2].length > 10, "states of the long text: " + e.states()[2].length);
    }

    @Test
    void e5ReadsEveryTextWithItsQueryPrefix() {
        try (DjlSentenceEncoder e5 = DjlSentenceEncoder.create(EncoderConfig.builder()
                .setModel(EncoderModel.E5_SMALL_V2_Q).build())) {
            // [CLS] query : short . [SEP]: the prefix's two word pieces are read before the text's two
            assertEquals(6, e5.tokenStates(List.of("Short."))[0].length);
            float[][] v = e5.encode(List.of("North Korea sent troops to Russia.",
                    "Pyongyang dispatched soldiers to Russia.", "Preheat the oven and add two cups of flour."));
            assertEquals(384, v[0].length);
            assertTrue(SentenceEncoder.cosine(v[0], v[1]) > SentenceEncoder.cosine(v[0], v[2]) + 0.1,
                    "paraphrase vs unrelated");
            assertEquals("e5-small-v2-q", e5.modelRef().id());
        }
    }

    @Test
    void vectorsAreUnitLengthOfTheModelDimension() {
        float[] v = encoder.encode("A short sentence.");
        assertEquals(384, v.length);
        double n = 0;
        for (float f : v) {
            n += f * f;
        }
        assertEquals(1.0, n, 1e-4);
        assertEquals("all-minilm-l6-v2", encoder.modelRef().id());
        assertEquals(64, encoder.modelRef().sha256().length());
    }

    @Test
    void aSentencesVectorDoesNotDependOnItsBatch() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            texts.add("Sentence number " + i + " has " + "many ".repeat(i % 7) + "words.");
        }
        float[][] all = encoder.encode(texts);
        for (int i : new int[] {0, 13, 39}) {
            assertArrayEquals(all[i], encoder.encode(texts.get(i)), "text " + i);
        }
        assertEquals(0, encoder.encode(List.of()).length);
    }

    @Test
    void overLongInputsAreTruncatedNotRejected() {
        float[] v = encoder.encode("word ".repeat(5000));
        assertEquals(384, v.length);
    }

    @Test
    void meanPoolingHonoursTheMask() {
        // two tokens of [1,1] and [3,3], the second masked out: the mean is [1,1], normalised
        float[][] p = DjlSentenceEncoder.pool(new float[] {1, 1, 3, 3}, new long[] {1, 0}, 1, 2, 2, Pooling.MEAN);
        assertEquals(p[0][0], p[0][1], 1e-6);
        assertEquals(Math.sqrt(0.5), p[0][0], 1e-6);
        float[][] cls = DjlSentenceEncoder.pool(new float[] {0, 2, 3, 3}, new long[] {1, 1}, 1, 2, 2, Pooling.CLS);
        assertEquals(0, cls[0][0], 1e-6);
        assertEquals(1, cls[0][1], 1e-6);
    }

    @Test
    void anUnknownModelIdIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> EncoderModel.byId("gpt-17"));
        assertTrue(e.getMessage().contains("gpt-17"));
    }

    @Test
    void quantisedModelsAreEncodedOneSentencePerCallByDefault() {
        assertEquals(1, EncoderConfig.builder().setModel(EncoderModel.ALL_MINILM_L6_V2_Q).build()
                .effectiveBatchSize());
        assertEquals(32, EncoderConfig.builder().setModel(EncoderModel.ALL_MINILM_L6_V2_Q)
                .optAllowBatchVariance(true).build().effectiveBatchSize());
        assertEquals(32, EncoderConfig.defaults().effectiveBatchSize());
    }
}
