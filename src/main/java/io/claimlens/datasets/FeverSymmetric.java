package io.claimlens.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.model.StanceLabel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** FEVER-Symmetric: a claim and one evidence sentence, SUPPORTS or REFUTES (v0.1 and v0.2 field layouts). */
public final class FeverSymmetric {

    private FeverSymmetric() {
    }

    public static List<LabeledPair> read(Path file) throws IOException {
        List<LabeledPair> out = new ArrayList<>();
        for (JsonNode n : DataFiles.jsonLines(file)) {
            String evidence = n.has("evidence_sentence") ? n.get("evidence_sentence").asText()
                    : n.get("evidence").asText();
            String label = n.has("gold_label") ? n.get("gold_label").asText() : n.get("label").asText();
            StanceLabel l = label.equalsIgnoreCase("SUPPORTS") ? StanceLabel.SUPPORTS : StanceLabel.REFUTES;
            out.add(new LabeledPair(clean(n.get("claim").asText()), clean(evidence), l, n.get("id").asText()));
        }
        return out;
    }

    /** Undoes the FEVER tokenisation marks (-LRB- ...) so the text reads like prose. */
    static String clean(String s) {
        return s.replace("-LRB-", "(").replace("-RRB-", ")").replace("-LSB-", "[").replace("-RSB-", "]")
                .replace(" ,", ",").replace(" .", ".").replace(" 's", "'s").replaceAll("\\s+", " ").strip();
    }
}
