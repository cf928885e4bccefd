package io.claimlens.verdict;

import io.claimlens.ml.ModelStore;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Distribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.NoVerdictReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictTest {

    private static final Claim FACTUAL = new Claim("Norland and Estovia are allies, says ambassador.",
            "Norland and Estovia are allies", List.of(), "ambassador", true, List.of(), ClaimType.FACTUAL);

    private static Evidence evidence(double supports, double refutes, double unrelated, double similarity) {
        double neutral = 1 - supports - refutes - unrelated;
        StanceResult s = StanceResult.of(Distribution.of(StanceLabel.class,
                new double[] {supports, refutes, neutral, unrelated}));
        return new Evidence(new Sentence("a", 0, 0, Span.of(0, 10), "Some text."), "src", 3.0, similarity, 0, s,
                null);
    }

    private final VerdictClassifier classifier = new VerdictClassifier(ModelStore.load("classpath:models/verdict-v1"));

    @Test
    void noEvidenceMeansUnverifiableWithThatReason() {
        Verdict v = classifier.decide(FACTUAL, List.of(), List.of());
        assertEquals(VerdictLabel.UNVERIFIABLE, v.label());
        assertEquals(NoVerdictReason.NO_EVIDENCE, v.reason());
    }

    @Test
    void onlyUnrelatedEvidenceIsNotRelevant() {
        Verdict v = classifier.decide(FACTUAL, List.of(evidence(0, 0, 0.9, 0.1), evidence(0.05, 0, 0.8, 0.2)),
                List.of());
        assertEquals(NoVerdictReason.NO_RELEVANT_EVIDENCE, v.reason());
    }

    /** Integration: the shipped model orders support above refutation. */
    @Test
    void supportingEvidenceRaisesTruthRefutingEvidenceRaisesFalsity() {
        Verdict pro = classifier.decide(FACTUAL, List.of(evidence(0.95, 0.01, 0.0, 0.9),
                evidence(0.9, 0.02, 0.0, 0.85)), List.of());
        Verdict con = classifier.decide(FACTUAL, List.of(evidence(0.01, 0.95, 0.0, 0.9),
                evidence(0.02, 0.9, 0.0, 0.85)), List.of());
        assertTrue(pro.probabilities().get(VerdictLabel.TRUE) > con.probabilities().get(VerdictLabel.TRUE));
        assertTrue(con.probabilities().get(VerdictLabel.FALSE) > pro.probabilities().get(VerdictLabel.FALSE));
        assertNull(pro.reason());
        double sum = 0;
        for (VerdictLabel l : VerdictLabel.values()) {
            sum += pro.probabilities().get(l);
        }
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void featuresRecordQuoteAndSpeakerMatches() {
        Attribution a = Attribution.speaker(new Quote("a", Span.of(0, 5), "allies", 0), "the ambassador",
                "Kang Min-seo", null, SpeakerKind.PERSON, 0.9, "quote-intro-verb");
        Map<String, Double> f = VerdictFeatures.compute(FACTUAL, List.of(evidence(0.8, 0.1, 0, 0.7)), List.of(a));
        assertEquals(1.0, f.get("quote_found"));
        assertEquals(1.0, f.get("quote_speaker_match"));
        assertEquals(0.0, f.get("claim_is_attribution"));
        assertEquals(0.8, f.get("max_supports"), 1e-9);
        assertEquals(VerdictFeatures.NAMES, List.copyOf(f.keySet()));
        Claim named = new Claim("x", "x", List.of(), "Choe Son Hui", false, List.of(), ClaimType.ATTRIBUTION);
        Attribution variant = Attribution.speaker(new Quote("a", Span.of(0, 5), "x", 0), "Choe",
                "Choe Son-hye", null, SpeakerKind.PERSON, 0.9, "r");
        assertEquals(1.0, VerdictFeatures.compute(named, List.of(), List.of(variant)).get("quote_speaker_match"));
    }
}
