package io.claimlens.report;

import io.claimlens.engine.EngineConfig;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReliabilityTest {

    static ModelCard card(String id, Map<String, Object> config, Map<String, Double> metrics) {
        return new ModelCard(id, "verdict", "2026-11-23", "claimlens train verdict", 42, null, null, config,
                List.of(), metrics, Map.of(), null);
    }

    static Reliability sampleReliability() {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("cv5_ece_uncalibrated", 0.0422);
        m.put("cv5_ece", 0.0328);
        m.put("cv5_accuracy", 0.484);
        m.put("temperature", 1.13);
        return Reliability.of(card("verdict-test", Map.of("calibration", "temperature scaling"), m));
    }

    @Test
    void theShippedVerdictModelsCardGivesCalibratorAndHeldOutEce() {
        ModelCard card = ModelStore.load(EngineConfig.DEFAULT_VERDICT_MODEL).card();
        Reliability r = Reliability.ofModel(EngineConfig.DEFAULT_VERDICT_MODEL);
        assertEquals(card.id(), r.modelId());
        assertEquals(card.config().get("calibration"), r.calibrator());
        Reliability.Metric ece = r.heldOutEce().orElseThrow();
        assertTrue(ece.name().contains("ece") && !ece.name().contains("uncalibrated"), ece.name());
        assertEquals(card.metrics().get(ece.name()), ece.value());
        assertTrue(r.describe().contains(String.format(java.util.Locale.ROOT, "%.3f", ece.value())), r.describe());
    }

    @Test
    void theCalibratedEceComesFirstAndTheUncalibratedOneIsNamedSo() {
        Reliability r = sampleReliability();
        assertEquals("cv5_ece", r.heldOutEce().orElseThrow().name());
        String note = r.describe();
        assertTrue(note.contains("calibrated by temperature scaling"), note);
        assertTrue(note.contains("is 0.033 (5-fold cross-validation; before calibration: 0.042)"), note);
        assertTrue(note.contains("accuracy 0.484 (5-fold cross-validation)"), note);
        assertFalse(note.contains("temperature 1.13"), "only quality metrics");
    }

    @Test
    void otherNamesForTheSameThingsAreRead() {
        Reliability r = Reliability.of(card("verdict-v2", Map.of("calibrator", "isotonic regression"),
                Map.of("test_ece_calibrated", 0.021, "test_ece_raw", 0.05, "test_macro_f1", 0.4)));
        assertEquals("isotonic regression", r.calibrator());
        assertEquals("test_ece_calibrated", r.heldOutEce().orElseThrow().name());
        assertTrue(r.describe().contains("0.021 (held-out test set, after calibration; before calibration: 0.050)"),
                r.describe());
        assertTrue(r.describe().contains("macro-F1 0.400 (held-out test set)"), r.describe());
    }

    @Test
    void aCardWithoutCalibrationSaysSo() {
        Reliability r = Reliability.of(card("bare", null, null));
        assertNull(r.calibrator());
        assertTrue(r.heldOutEce().isEmpty());
        assertTrue(r.describe().contains("names no calibrator"), r.describe());
        assertTrue(r.describe().contains("reports no calibration error"), r.describe());
    }
}
