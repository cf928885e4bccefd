package io.claimlens.datasets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * AVeriTeC: real-world claims with question-answer evidence and 4-way verdicts.
 *
 * <p>Evidence sentences are the gold question/answer pairs written as "question answer". The {@code justification}
 * field is never read: it states the verdict.
 */
public final class Averitec {

    /** A claim, its label (Supported, Refuted, Not Enough Evidence, Conflicting Evidence/Cherrypicking), evidence. */
    public record Item(int index, String claim, String label, String speaker, List<String> evidence) {
    }

    private Averitec() {
    }

    public static List<Item> read(Path file) throws IOException {
        JsonNode root;
        try (BufferedReader r = DataFiles.open(file)) {
            root = new ObjectMapper().readTree(r);
        }
        List<Item> out = new ArrayList<>();
        int i = 0;
        for (JsonNode n : root) {
            List<String> ev = new ArrayList<>();
            for (JsonNode q : n.path("questions")) {
                String question = q.path("question").asText("").strip();
                for (JsonNode a : q.path("answers")) {
                    String answer = a.path("answer").asText("").strip();
                    String type = a.path("answer_type").asText("");
                    if (answer.isEmpty() || type.equals("Unanswerable")) {
                        continue;
                    }
                    String bool = a.path("boolean_explanation").asText("").strip();
                    String text = question.isEmpty() ? answer : question + " " + answer;
                    if (!bool.isEmpty()) {
                        text = text + ". " + bool;
                    }
                    ev.add(text);
                }
            }
            String speaker = n.path("speaker").isNull() ? null : n.path("speaker").asText(null);
            out.add(new Item(i++, n.path("claim").asText(), n.path("label").asText(), speaker, List.copyOf(ev)));
        }
        return out;
    }
}
