package io.claimlens.datasets;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CLIMATE-FEVER: 1,535 claims, each with 5 Wikipedia evidence sentences and labels. */
public final class ClimateFever {

    /** One evidence sentence and its label (SUPPORTS, REFUTES, NOT_ENOUGH_INFO). */
    public record Evidence(String id, String article, String text, String label) {
    }

    /** A claim with its label (SUPPORTS, REFUTES, NOT_ENOUGH_INFO, DISPUTED) and evidence. */
    public record Item(String id, String claim, String label, List<Evidence> evidence) {
    }

    private ClimateFever() {
    }

    public static List<Item> read(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode n : DataFiles.jsonLines(file)) {
            List<Evidence> ev = new ArrayList<>();
            for (JsonNode e : n.get("evidences")) {
                ev.add(new Evidence(e.get("evidence_id").asText(), e.get("article").asText(),
                        e.get("evidence").asText(), e.get("evidence_label").asText()));
            }
            out.add(new Item(n.get("claim_id").asText(), n.get("claim").asText(), n.get("claim_label").asText(),
                    List.copyOf(ev)));
        }
        return out;
    }
}
