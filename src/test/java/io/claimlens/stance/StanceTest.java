package io.claimlens.stance;

import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.embed.TokenStateEncoder;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.testing.FakeEncoder;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StanceTest {

    @Test
    void textFeaturesCountNegationsNumbersAndContentWords() {
        TextFeatures t = TextFeatures.of("North Korea denied sending 1,500 troops; it didn't say more.");
        assertEquals(2, t.negations());
        assertTrue(t.numbers().contains("1500"));
        assertTrue(t.content().contains("troop"));
        assertTrue(TextFeatures.of("troops sent").coveredBy(TextFeatures.of("the troop was sent")) > 0.99);
    }

    @Test
    void featureVectorLayoutIsFixed() {
        float[] u = {1, 0};
        float[] v = {0, 1};
        double[] x = StanceFeatures.compute(u, v, TextFeatures.of("Storm killed 12."),
                TextFeatures.of("Storm did not kill 120."));
        assertEquals(StanceFeatures.size(2), x.length);
        assertEquals(StanceFeatures.names(2).size(), x.length);
        assertEquals(1.0, x[0]);          // u0
        assertEquals(1.0, x[3]);          // v1
        assertEquals(1.0, x[4]);          // |u0 - v0|
        assertEquals(0.0, x[6]);          // u0 * v0
        assertEquals(0.0, x[8]);          // cosine
        assertEquals(1.0, x[12]);         // negations in evidence
        assertEquals(1.0, x[14]);         // negation only in evidence
        assertEquals(1.0, x[17]);         // numbers conflict
    }

    @Test
    void aModelTrainedOnOtherEncoderWeightsIsRefused() {
        ModelStore.Loaded shipped = ModelStore.load("classpath:models/stance-v2");
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> new EmbeddingStanceClassifier(new FakeEncoder(), shipped));
        assertTrue(e.getMessage().contains("stance-v2"), e.getMessage());
    }

    /** The claim, and a denial, a paraphrase and a recipe as evidence, in that order. */
    private static List<StanceResult> denialParaphraseRecipe(EmbeddingStanceClassifier clf) {
        return clf.classify("North Korea sent troops to Russia.", List.of(
                "North Korea denied sending any troops to Russia.",
                "Pyongyang dispatched soldiers to Russia.",
                "Preheat the oven and add two cups of flour."));
    }

    /** Integration: the shipped head over the real encoder. */
    @Test
    void denialsRefuteParaphrasesSupportRecipesAreUnrelated() {
        EmbeddingStanceClassifier clf = new EmbeddingStanceClassifier(Fixtures.encoder(),
                ModelStore.load("classpath:models/stance-v2"));
        List<StanceResult> r = denialParaphraseRecipe(clf);
        assertEquals(StanceLabel.REFUTES, r.get(0).label(), r.get(0).toString());
        assertEquals(StanceLabel.UNRELATED, r.get(2).label(), r.get(2).toString());
        // The paraphrase is related and not refuting, and supports more than twice as much as the denial does. stance-v2 still
        // labels it NEUTRAL (SUPPORTS 0.24): FNC-1's many "discuss" bodies pull related-but-reworded sentences
        // there (benchmarks/RESULTS.md); the test pins what holds, not the label the issue asks for.
        StanceResult paraphrase = r.get(1);
        assertTrue(paraphrase.label() == StanceLabel.SUPPORTS || paraphrase.label() == StanceLabel.NEUTRAL,
                paraphrase.toString());
        assertTrue(paraphrase.probabilities().get(StanceLabel.SUPPORTS)
                > 2 * r.get(0).probabilities().get(StanceLabel.SUPPORTS), r.toString());
        assertTrue(paraphrase.probabilities().get(StanceLabel.REFUTES) < 0.1, paraphrase.toString());
        assertEquals("stance-v2", clf.modelRef().id());
    }

    /**
     * Integration: stance-v3, the head over BGE-small (int8), on the same three sentences: the label the issue asks
     * for each, the paraphrase included.
     */
    @Test
    void stanceV3LabelsDenialParaphraseAndRecipe() {
        try (DjlSentenceEncoder bge = DjlSentenceEncoder.create(EncoderConfig.builder()
                .setModel(EncoderModel.BGE_SMALL_EN_V15_Q).build())) {
            EmbeddingStanceClassifier clf = new EmbeddingStanceClassifier(bge,
                    ModelStore.load("classpath:models/stance-v3"));
            List<StanceResult> r = denialParaphraseRecipe(clf);
            assertEquals(StanceLabel.REFUTES, r.get(0).label(), r.get(0).toString());
            assertEquals(StanceLabel.SUPPORTS, r.get(1).label(), r.get(1).toString());
            assertEquals(StanceLabel.UNRELATED, r.get(2).label(), r.get(2).toString());
            assertEquals("stance-v3", clf.modelRef().id());
        }
    }

    /**
     * Integration: stance-v4, the cross-attention head over BGE-small's token states: the label the issue asks for
     * each of the three sentences, and a document whose one relevant sentence is the denial.
     */
    @Test
    void stanceV4CrossAttentionLabelsDenialParaphraseRecipeAndADocument() {
        try (DjlSentenceEncoder bge = DjlSentenceEncoder.create(EncoderConfig.builder()
                .setModel(EncoderModel.BGE_SMALL_EN_V15_Q).build());
             StanceClassifier clf = StanceClassifiers.open(bge, ModelStore.load("classpath:models/stance-v4"))) {
            assertTrue(clf instanceof CrossAttentionStanceClassifier, clf.getClass().getName());
            List<StanceResult> r = clf.classify("North Korea sent troops to Russia.", List.of(
                    "North Korea denied sending any troops to Russia.",
                    "Pyongyang dispatched soldiers to Russia.",
                    "Preheat the oven and add two cups of flour."));
            assertEquals(StanceLabel.REFUTES, r.get(0).label(), r.get(0).toString());
            assertEquals(StanceLabel.SUPPORTS, r.get(1).label(), r.get(1).toString());
            assertEquals(StanceLabel.UNRELATED, r.get(2).label(), r.get(2).toString());
            assertEquals("stance-v4", clf.modelRef().id());
            StanceResult doc = ((CrossAttentionStanceClassifier) clf).classifyDocuments(
                    List.of("North Korea sent troops to Russia."),
                    List.of(List.of("Preheat the oven and add two cups of flour.",
                            "North Korea denied sending any troops to Russia.",
                            "The weather in Seoul was mild on Tuesday."))).get(0);
            assertEquals(StanceLabel.REFUTES, doc.label(), doc.toString());
        }
    }

    /**
     * Integration: documents through stance-v4 send every distinct text to the encoder once, claims and sentences
     * alike (the vectors that choose a document's sentences and the token states of the chosen ones come from one
     * run), and a repeated claim or a sentence shared by two documents is not encoded again.
     */
    @Test
    void documentsEncodeEachDistinctTextOnce() {
        String claim = "North Korea sent troops to Russia.";
        List<String> first = List.of("Preheat the oven and add two cups of flour.",
                "North Korea denied sending any troops to Russia.", "The weather in Seoul was mild on Tuesday.");
        List<String> second = List.of("Pyongyang dispatched soldiers to Russia.",
                "The weather in Seoul was mild on Tuesday.");
        try (DjlSentenceEncoder bge = DjlSentenceEncoder.create(EncoderConfig.builder()
                .setModel(EncoderModel.BGE_SMALL_EN_V15_Q).build())) {
            CountingEncoder counting = new CountingEncoder(bge);
            try (CrossAttentionStanceClassifier clf = (CrossAttentionStanceClassifier) StanceClassifiers.open(
                    counting, ModelStore.load("classpath:models/stance-v4"))) {
                List<StanceResult> r = clf.classifyDocuments(List.of(claim, claim, "Stock markets fell in Tokyo."),
                        List.of(first, second, List.of()));
                assertEquals(StanceLabel.REFUTES, r.get(0).label(), r.get(0).toString());
                assertEquals(StanceLabel.UNRELATED, r.get(2).label(), r.get(2).toString());
                Map<String, Long> times = counting.seen.stream()
                        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
                assertEquals(6, times.size(), times.toString());
                assertTrue(times.values().stream().allMatch(n -> n == 1), times.toString());
                assertTrue(clf.classifyDocuments(List.of(), List.of()).isEmpty());
                assertThrows(IllegalArgumentException.class,
                        () -> clf.classifyDocuments(List.of(claim), List.of(first, second)));
            }
        }
    }

    /** Passes everything to a real encoder and records every text it is given, by either method. */
    private static final class CountingEncoder implements TokenStateEncoder {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());
        private final TokenStateEncoder inner;

        CountingEncoder(TokenStateEncoder inner) {
            this.inner = inner;
        }

        @Override
        public float[][] encode(List<String> texts) {
            seen.addAll(texts);
            return inner.encode(texts);
        }

        @Override
        public Encoded encodeWithStates(List<String> texts) {
            seen.addAll(texts);
            return inner.encodeWithStates(texts);
        }

        @Override
        public int dimension() {
            return inner.dimension();
        }

        @Override
        public ModelRef modelRef() {
            return inner.modelRef();
        }

        @Override
        public void close() {
            // the wrapped encoder belongs to the test
        }
    }

    /**
     * Integration: stance-v5 is stance-v4 plus sentence-pair heads. Its sentence pairs are theirs: the three
     * sentences get their labels, and news sentences on other matters are UNRELATED (not the "contradiction" an
     * SNLI-trained head gives them); documents are stance-v4's, to the bit.
     */
    @Test
    void stanceV5JudgesSentencePairsWithItsOwnHeadsAndDocumentsAsV4() {
        String claim = "North Korea sent troops to Russia.";
        List<String> evidence = List.of("North Korea denied sending any troops to Russia.",
                "Pyongyang dispatched soldiers to Russia.", "Preheat the oven and add two cups of flour.",
                "The weather in Seoul was mild on Tuesday.", "Stock markets fell sharply in Tokyo on Monday.");
        List<String> doc = List.of("Preheat the oven and add two cups of flour.",
                "North Korea denied sending any troops to Russia.", "The weather in Seoul was mild on Tuesday.");
        try (DjlSentenceEncoder bge = DjlSentenceEncoder.create(EncoderConfig.builder()
                .setModel(EncoderModel.BGE_SMALL_EN_V15_Q).build());
             StanceClassifier v4 = StanceClassifiers.open(bge, ModelStore.load("classpath:models/stance-v4"));
             StanceClassifier v5 = StanceClassifiers.open(bge, ModelStore.load("classpath:models/stance-v5"))) {
            assertEquals("stance-v5", v5.modelRef().id());
            List<StanceResult> r4 = v4.classify(claim, evidence);
            List<StanceResult> r5 = v5.classify(claim, evidence);
            assertEquals(StanceLabel.REFUTES, r5.get(0).label(), r5.get(0).toString());
            assertEquals(StanceLabel.SUPPORTS, r5.get(1).label(), r5.get(1).toString());
            for (int i = 2; i < evidence.size(); i++) {
                assertEquals(StanceLabel.UNRELATED, r5.get(i).label(), evidence.get(i) + " " + r5.get(i));
            }
            boolean differs = false;
            for (int i = 0; i < evidence.size(); i++) {
                differs |= Math.abs(r4.get(i).probabilities().toArray()[0]
                        - r5.get(i).probabilities().toArray()[0]) > 1e-3;
            }
            assertTrue(differs, "stance-v5 judged the sentence pairs with stance-v4's head");
            StanceResult d4 = ((CrossAttentionStanceClassifier) v4).classifyDocuments(List.of(claim), List.of(doc))
                    .get(0);
            StanceResult d5 = ((CrossAttentionStanceClassifier) v5).classifyDocuments(List.of(claim), List.of(doc))
                    .get(0);
            assertTrue(java.util.Arrays.equals(d4.probabilities().toArray(), d5.probabilities().toArray()),
                    d4 + " vs " + d5);
            assertEquals(StanceLabel.REFUTES, d5.label());
        }
    }

    /** A model without sentence-pair heads reads and writes back to the same bytes (stance-v4's hash holds). */
    @Test
    void aCrossModelWithoutSentencePairHeadsKeepsItsBytes() {
        byte[] shipped = ModelStore.load("classpath:models/stance-v4").file("model.json");
        CrossStanceModel m = ModelStore.fromJson(shipped, CrossStanceModel.class);
        assertEquals(null, m.inference());
        assertTrue(java.util.Arrays.equals(shipped, ModelStore.toJson(m)), "stance-v4 re-serialised differently");
    }

    @Test
    void aCrossAttentionModelNeedsAnEncoderThatGivesTokenStates() {
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> StanceClassifiers.open(new FakeEncoder(), ModelStore.load("classpath:models/stance-v4")));
        assertTrue(e.getMessage().contains("token states") && e.getMessage().contains("stance-v4"), e.getMessage());
    }
}
