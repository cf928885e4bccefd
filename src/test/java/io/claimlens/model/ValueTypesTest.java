package io.claimlens.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ValueTypesTest {

    @Test
    void spanRejectsInvertedRangesAndBadProbabilities() {
        assertThrows(IllegalArgumentException.class, () -> Span.of(5, 4));
        assertThrows(IllegalArgumentException.class, () -> Span.of(-1, 4));
        assertThrows(IllegalArgumentException.class, () -> new Span(0, 1, 1.5));
        assertThrows(IllegalArgumentException.class, () -> new Span(0, 1, Double.NaN));
    }

    @Test
    void spanGeometry() {
        Span a = Span.of(2, 8);
        assertEquals(6, a.length());
        assertTrue(a.contains(2));
        assertFalse(a.contains(8));
        assertTrue(a.overlaps(Span.of(7, 10)));
        assertFalse(a.overlaps(Span.of(8, 10)));
        assertEquals(3, a.overlapLength(Span.of(5, 20)));
        assertEquals("llo w", Span.of(2, 7).coveredText("hello world"));
    }

    @Test
    void distributionKeepsEnumOrderAndChecksSum() {
        Distribution<StanceLabel> d = Distribution.of(StanceLabel.class, new double[] {0.1, 0.6, 0.2, 0.1});
        assertEquals(StanceLabel.REFUTES, d.argmax());
        assertEquals(0.6, d.get(StanceLabel.REFUTES));
        assertEquals("[SUPPORTS, REFUTES, NEUTRAL, UNRELATED]", d.rounded(2).keySet().toString());
        assertThrows(IllegalArgumentException.class,
                () -> Distribution.of(StanceLabel.class, new double[] {0.5, 0.6, 0.0, 0.0}));
        assertThrows(IllegalArgumentException.class,
                () -> Distribution.of(StanceLabel.class, new double[] {0.5, 0.5}));
        assertThrows(IllegalArgumentException.class,
                () -> Distribution.of(StanceLabel.class, new double[] {1.5, -0.5, 0, 0}));
    }

    @Test
    void distributionArgmaxTiesGoToTheFirstDeclaredLabel() {
        Distribution<VerdictLabel> d = Distribution.normalise(VerdictLabel.class, new double[] {1, 1, 0, 0, 0, 0});
        assertEquals(VerdictLabel.TRUE, d.argmax());
    }

    @Test
    void attributionHasASpeakerOrAReasonNeverBoth() {
        Quote q = new Quote("a", Span.of(0, 3), "abc", 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Attribution(q, "X", "X", null, SpeakerKind.PERSON, 0.9, "r", NoSpeakerReason.SCARE_QUOTE));
        assertThrows(IllegalArgumentException.class,
                () -> new Attribution(q, null, null, null, null, 0.9, "r", null));
        assertTrue(Attribution.speaker(q, "X", null, null, SpeakerKind.PERSON, 0.9, "r").hasSpeaker());
        assertEquals("X", Attribution.speaker(q, "X", null, null, SpeakerKind.PERSON, 0.9, "r").canonicalSpeaker());
    }

    @Test
    void verdictScaleFollowsSchemaOrgRatings() {
        assertEquals(5, VerdictLabel.TRUE.ratingValue());
        assertEquals(1, VerdictLabel.FALSE.ratingValue());
        assertFalse(VerdictLabel.UNVERIFIABLE.isRated());
        assertThrows(IllegalArgumentException.class, () -> new Verdict(VerdictLabel.TRUE,
                Distribution.certain(VerdictLabel.TRUE), NoVerdictReason.NO_EVIDENCE, null));
    }

    @Test
    void articleIdsAreContentHashes() {
        assertEquals(ContentHash.articleId("same text"), ContentHash.articleId("same text"));
        assertFalse(ContentHash.articleId("a").equals(ContentHash.articleId("b")));
        assertEquals(17, ContentHash.articleId("x").length());
    }

    @Test
    void problemsDescribeFileLineAndField() {
        assertEquals("in.jsonl:7: field 'text': missing",
                new InputProblem("in.jsonl", 7, "text", "ingest", "missing").describe());
        assertEquals("a.txt: empty file", new InputProblem("a.txt", 0, null, "ingest", "empty file").describe());
    }
}
