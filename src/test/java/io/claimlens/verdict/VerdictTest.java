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

    private static final Claim FACTUAL = new Claim("Norland and Estovia are 'allies,' says ambassador.",
            "Norland and Estovia are allies", List.of("allies"), "ambassador", true, List.of(), ClaimType.FACTUAL);
    private static final Claim ATTRIBUTION = new Claim("Norland and Estovia are described as 'allies'.",
            "Norland and Estovia are allies", List.of("allies"), null, false, List.of(), ClaimType.ATTRIBUTION);

    private static Evidence evidence(double supports, double refutes, double unrelated, double similarity,
                                     Attribution quote) {
        double neutral = 1 - supports - refutes - unrelated;
        StanceResult s = StanceResult.of(Distribution.of(StanceLabel.class,
                new double[] {supports, refutes, neutral, unrelated}));
        return new Evidence(new Sentence("a", 0, 0, Span.of(0, 60), "The ambassador said they are allies."), "src",
                3.0, similarity, 0, s, quote);
    }

    private static Attribution said(String speaker) {
        return Attribution.speaker(new Quote("a", Span.of(30, 36), "allies", 0), speaker, speaker, null,
                SpeakerKind.PERSON, 0.9, "quote-intro-verb");
    }

    private final VerdictClassifier classifier = new VerdictClassifier(ModelStore.load("classpath:models/verdict-v2"));

    @Test
    void noEvidenceMeansUnverifiableWithThatReason() {
        Verdict v = classifier.decide(FACTUAL, List.of(), List.of());
        assertEquals(VerdictLabel.UNVERIFIABLE, v.label());
        assertEquals(NoVerdictReason.NO_EVIDENCE, v.reason());
    }

    @Test
    void onlyUnrelatedEvidenceIsNotRelevant() {
        Verdict v = classifier.decide(FACTUAL, List.of(evidence(0, 0, 0.9, 0.1, null),
                evidence(0.05, 0, 0.8, 0.2, null)), List.of());
        assertEquals(NoVerdictReason.NO_RELEVANT_EVIDENCE, v.reason());
    }

    /** Integration: the shipped model orders support above refutation, with calibrated and raw probabilities. */
    @Test
    void supportingEvidenceRaisesTruthRefutingEvidenceRaisesFalsity() {
        Claim plain = new Claim("X", "X", List.of(), null, false, List.of(), ClaimType.FACTUAL);
        Verdict pro = classifier.decide(plain, List.of(evidence(0.95, 0.01, 0.0, 0.9, null),
                evidence(0.9, 0.02, 0.0, 0.85, null)), List.of());
        Verdict con = classifier.decide(plain, List.of(evidence(0.01, 0.95, 0.0, 0.9, null),
                evidence(0.02, 0.9, 0.0, 0.85, null)), List.of());
        assertTrue(pro.probabilities().get(VerdictLabel.TRUE) > con.probabilities().get(VerdictLabel.TRUE));
        assertTrue(con.probabilities().get(VerdictLabel.FALSE) > pro.probabilities().get(VerdictLabel.FALSE));
        assertNull(pro.reason());
        assertTrue(pro.calibration().contains("scaling"), pro.calibration());
        assertTrue(pro.rawProbabilities() != null);
    }

    @Test
    void quotationFeaturesSeparateAttributionFromFactualClaims() {
        Attribution a = said("Kang Min-seo");
        List<Evidence> ev = List.of(evidence(0.85, 0.02, 0.0, 0.8, a));
        List<QuoteEvidence> q = List.of(new QuoteEvidence(a, "Norland's ambassador Kang Min-seo said they are allies.",
                true));
        Map<String, Double> f = VerdictFeatures.compute(FACTUAL, ev, q);
        assertEquals(1.0, f.get("quote_exact"));
        assertEquals(1.0, f.get("quote_speaker_match"), "the role word stands in the quotation's sentence");
        assertEquals(0.0, f.get("attribution_confirmed"));
        assertEquals(1.0, f.get("factual_support_only_quoted"), "the only support is someone's words");
        Map<String, Double> g = VerdictFeatures.compute(ATTRIBUTION, ev, q);
        assertEquals(1.0, g.get("attribution_confirmed"));
        assertEquals(0.0, g.get("factual_support_only_quoted"));
        Map<String, Double> missing = VerdictFeatures.compute(ATTRIBUTION, List.of(), List.of());
        assertEquals(1.0, missing.get("quote_absent"));
        assertEquals(1.0, missing.get("attribution_unconfirmed"));
        assertEquals(VerdictFeatures.NAMES, List.copyOf(f.keySet()));
        Claim named = new Claim("x", "x", List.of("x"), "Choe Son Hui", false, List.of(), ClaimType.ATTRIBUTION);
        QuoteEvidence variant = new QuoteEvidence(Attribution.speaker(new Quote("a", Span.of(0, 5), "x", 0), "Choe",
                "Choe Son-hye", null, SpeakerKind.PERSON, 0.9, "r"), "", true);
        assertEquals(1.0, VerdictFeatures.compute(named, List.of(), List.of(variant)).get("quote_speaker_match"));
    }
}
