package io.claimlens.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PredictionsFileTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Grade order: TRUE, MOSTLY_TRUE, PARTIALLY_TRUE, MOSTLY_FALSE, FALSE, UNVERIFIABLE; CLIMATE-FEVER has four. */
    private static final boolean[] FOUR_GRADES = {true, false, true, false, true, true};

    private static VerdictBench.Predictions predictions(int[] rule) {
        double[][] cal = {{0.1, 0, 0.2, 0, 0.6, 0.1}, {0.5, 0, 0.1, 0, 0.1, 0.3}};
        double[][] raw = {{0.25, 0, 0.25, 0, 0.25, 0.25}, {0.7, 0, 0.1, 0, 0.1, 0.1}};
        return new VerdictBench.Predictions(new String[] {"cf-7", "cf-9"}, cal, raw, new int[] {4, 2},
                new String[] {"REFUTES", "DISPUTED"}, FOUR_GRADES, "evidence", List.of("temperature"), rule,
                null, List.of(), Map.of());
    }

    @Test
    void oneLinePerItemInOrderWithTheDatasetsGradesOnly() throws Exception {
        Path file = dir.resolve("predictions.jsonl");
        VerdictBench.writePredictions(predictions(new int[] {4, 2}), file);
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        JsonNode first = JSON.readTree(lines.get(0));
        JsonNode second = JSON.readTree(lines.get(1));
        assertEquals("cf-7", first.get("id").asText());
        assertEquals("REFUTES", first.get("label").asText());
        assertEquals("FALSE", first.get("gold").asText());
        assertEquals("FALSE", first.get("predicted").asText());
        assertEquals("cf-9", second.get("id").asText());
        assertEquals("PARTIALLY_TRUE", second.get("gold").asText());
        // the most probable grade by the calibrated probabilities, not the raw ones; the rule's grade beside it
        assertEquals("TRUE", second.get("predicted").asText());
        assertEquals("PARTIALLY_TRUE", second.get("predicted_macro_f1_rule").asText());
        assertEquals(0.7, second.get("probabilities_uncalibrated").get("TRUE").asDouble());
        List<String> grades = new ArrayList<>();
        Iterator<String> names = first.get("probabilities").fieldNames();
        names.forEachRemaining(grades::add);
        assertEquals(List.of("TRUE", "PARTIALLY_TRUE", "FALSE", "UNVERIFIABLE"), grades);
        double sum = 0;
        for (String g : grades) {
            sum += first.get("probabilities").get(g).asDouble();
        }
        assertEquals(1.0, sum, 1e-12);
    }

    @Test
    void withoutAFittedRuleThereIsNoRuleGrade() throws Exception {
        Path file = dir.resolve("predictions.jsonl");
        VerdictBench.writePredictions(predictions(null), file);
        for (String line : Files.readAllLines(file)) {
            JsonNode node = JSON.readTree(line);
            assertFalse(node.has("predicted_macro_f1_rule"), line);
            assertTrue(node.has("predicted"), line);
        }
    }
}
