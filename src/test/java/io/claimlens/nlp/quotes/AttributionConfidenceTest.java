package io.claimlens.nlp.quotes;

import io.claimlens.model.Attribution;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AttributionConfidenceTest {

    private static Attribution said(String speaker, int speakerStart, String quote) {
        Quote q = new Quote("a", Span.of(100, 100 + quote.length()), quote, 0);
        return Attribution.speaker(q, speaker, speaker, Span.of(speakerStart, speakerStart + speaker.length()),
                SpeakerKind.PERSON, 0.5, "trailing-said");
    }

    @Test
    void theShippedModelIsCalibratedPerAttributionNotPerRule() {
        AttributionConfidence c = AttributionConfidence.load(AttributionConfidence.DEFAULT_MODEL);
        Attribution near = said("Choe Son Hui", 150, "We will stand with our friends, whatever comes next.");
        Attribution far = said("she", 900, "Yes.");
        double pNear = c.of(near);
        double pFar = c.of(far);
        assertTrue(pNear > 0 && pNear < 1 && pFar > 0 && pFar < 1);
        if (c.isLogistic()) {
            assertNotEquals(pNear, pFar, 1e-6, "same rule, different attributions, different confidence");
        } else {
            assertEquals(pNear, pFar, 1e-12, "a table gives each rule one rate");
        }
    }

    @Test
    void featuresFollowTheirNames() {
        Attribution a = said("Choe Son Hui", 150, "We will stand with our friends.");
        double[] f = AttributionFeatures.of(a);
        assertEquals(AttributionFeatures.NAMES.size(), f.length);
        assertEquals(1.0, f[AttributionFeatures.NAMES.indexOf("rule=trailing-said")]);
        assertEquals(1.0, f[AttributionFeatures.NAMES.indexOf("kind=person")]);
        assertEquals(1.0, f[AttributionFeatures.NAMES.indexOf("speaker_after_quote")]);
        assertEquals(1.0, f[AttributionFeatures.NAMES.indexOf("speaker_is_name")]);
        Attribution none = Attribution.none(new Quote("a", Span.of(0, 5), "brave", 0), NoSpeakerReason.SCARE_QUOTE,
                0.5, "scare-quote");
        double[] g = AttributionFeatures.of(none);
        assertEquals(1.0, g[AttributionFeatures.NAMES.indexOf("rule=scare-quote")]);
        assertEquals(0.0, g[AttributionFeatures.NAMES.indexOf("speaker_is_name")]);
        assertEquals(0.0, AttributionFeatures.of(said("He", 150, "No."))[
                AttributionFeatures.NAMES.indexOf("speaker_is_name")], "a pronoun is no name");
    }

    @Test
    void aModelForAnotherFeatureLayoutIsRefused() {
        int n = AttributionConfidence.Logistic.inputNames().size();
        AttributionConfidence.Logistic stale = new AttributionConfidence.Logistic(AttributionFeatures.VERSION + 1,
                AttributionConfidence.Logistic.inputNames(), new double[n], filled(n), new double[n], 0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new AttributionConfidence(new AttributionConfidence.Table(Map.of(), 0.5, stale)));
        assertTrue(e.getMessage().contains("train attribution-confidence"), e.getMessage());
        AttributionConfidence.Logistic renamed = new AttributionConfidence.Logistic(AttributionFeatures.VERSION,
                List.of("x"), new double[1], filled(1), new double[1], 0);
        assertThrows(IllegalStateException.class,
                () -> new AttributionConfidence(new AttributionConfidence.Table(Map.of(), 0.5, renamed)));
    }

    private static double[] filled(int n) {
        double[] d = new double[n];
        java.util.Arrays.fill(d, 1);
        return d;
    }
}
