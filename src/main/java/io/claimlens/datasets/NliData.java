package io.claimlens.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.model.StanceLabel;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * SNLI and SICK read as stance pairs: entailment → SUPPORTS, contradiction → REFUTES, neutral → NEUTRAL.
 *
 * <p>The premise is the evidence and the hypothesis the claim: "does this evidence support the claim?".
 */
public final class NliData {

    private NliData() {
    }

    /** SNLI JSONL (gzipped); items without annotator consensus ({@code gold_label = "-"}) are dropped. */
    public static List<LabeledPair> snli(Path file) throws IOException {
        List<LabeledPair> out = new ArrayList<>();
        for (JsonNode n : DataFiles.jsonLines(file)) {
            StanceLabel label = map(n.get("gold_label").asText());
            if (label != null) {
                out.add(new LabeledPair(n.get("sentence2").asText(), n.get("sentence1").asText(), label,
                        n.get("captionID").asText()));
            }
        }
        return out;
    }

    /** SICK TSV with header: pair_ID, sentence_A, sentence_B, relatedness_score, entailment_judgment. */
    public static List<LabeledPair> sick(Path file) throws IOException {
        List<LabeledPair> out = new ArrayList<>();
        try (BufferedReader r = DataFiles.open(file)) {
            String header = r.readLine();
            if (header == null || !header.startsWith("pair_ID")) {
                throw new IOException(file + ": expected a SICK header starting with pair_ID");
            }
            String line;
            while ((line = r.readLine()) != null) {
                String[] c = line.split("\t");
                if (c.length < 5) {
                    continue;
                }
                StanceLabel label = map(c[4]);
                if (label != null) {
                    out.add(new LabeledPair(c[2], c[1], label, "sick-" + c[0]));
                }
            }
        }
        return out;
    }

    static StanceLabel map(String nli) {
        return switch (nli.toLowerCase(Locale.ROOT)) {
            case "entailment" -> StanceLabel.SUPPORTS;
            case "contradiction" -> StanceLabel.REFUTES;
            case "neutral" -> StanceLabel.NEUTRAL;
            default -> null;
        };
    }
}
