package io.claimlens.train;

import io.claimlens.model.Distribution;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.stance.StanceClassifier;
import io.claimlens.testing.FakeEncoder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** Verdict features read any stance head: one that is not a sentence-vector head answers through its own classify. */
class VerdictDataStanceTest {

    /** Refutes evidence that says "not", supports the rest; records what it was asked. */
    private static final class KeywordStance implements StanceClassifier {
        final List<String> asked = new ArrayList<>();

        @Override
        public List<StanceResult> classify(String claim, List<String> evidence) {
            asked.add(claim);
            return evidence.stream().map(e -> StanceResult.of(Distribution.certain(
                    e.contains(" not ") ? StanceLabel.REFUTES : StanceLabel.SUPPORTS))).toList();
        }

        @Override
        public ModelRef modelRef() {
            return new ModelRef("stance", "keyword", "0");
        }
    }

    @Test
    void aHeadThatReadsMoreThanVectorsIsAskedPerClaimAndItsAnswersShapeTheFeatures() throws IOException {
        String claim = "The river flooded the town.";
        List<String> support = List.of("The town was flooded by the river.", "Water covered the town.");
        List<String> refute = List.of("The river did not flood the town.", "The town was not flooded at all.");
        List<String> texts = new ArrayList<>(List.of(claim));
        texts.addAll(support);
        texts.addAll(refute);
        EmbeddingTable emb = EmbeddingTable.build(new FakeEncoder(), texts, null,
                new PrintStream(java.io.OutputStream.nullOutputStream()));
        KeywordStance stance = new KeywordStance();
        VerdictData.PairStance pairs = VerdictData.pairStance(stance, emb);
        double[] supported = VerdictData.evidenceFeatures(claim, support, pairs, emb);
        double[] refuted = VerdictData.evidenceFeatures(claim, refute, pairs, emb);
        assertEquals(List.of(claim, claim), stance.asked);
        assertEquals(supported.length, refuted.length);
        assertFalse(java.util.Arrays.equals(supported, refuted), "stance answers must reach the features");
    }
}
