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

    /**
     * A claim, its label (Supported, Refuted, Not Enough Evidence, Conflicting Evidence/Cherrypicking), its evidence
     * texts (answered questions only) and the shape of its question/answer evidence.
     */
    public record Item(int index, String claim, String label, String speaker, List<String> evidence,
                       AnswerShape answers) {
    }

    /**
     * How the annotators' questions were answered: counts of questions and answers, and of answers by type
     * ({@code answer_type}: Unanswerable, Boolean, Abstractive, Extractive), with Boolean answers split by whether
     * they begin "yes" or "no". Part of the gold evidence as given (an unanswerable question is what an evidence
     * search that found nothing looks like), not of the verdict.
     */
    public record AnswerShape(int questions, int answers, int unanswerable, int booleanYes, int booleanNo,
                              int booleanOther, int abstractive, int extractive) {
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
            int questions = 0;
            int answers = 0;
            int unanswerable = 0;
            int yes = 0;
            int no = 0;
            int otherBoolean = 0;
            int abstractive = 0;
            int extractive = 0;
            for (JsonNode q : n.path("questions")) {
                questions++;
                String question = q.path("question").asText("").strip();
                for (JsonNode a : q.path("answers")) {
                    String answer = a.path("answer").asText("").strip();
                    String type = a.path("answer_type").asText("");
                    answers++;
                    switch (type) {
                        case "Unanswerable" -> unanswerable++;
                        case "Boolean" -> {
                            String head = answer.toLowerCase(java.util.Locale.ROOT);
                            if (head.startsWith("yes")) {
                                yes++;
                            } else if (head.startsWith("no")) {
                                no++;
                            } else {
                                otherBoolean++;
                            }
                        }
                        case "Abstractive" -> abstractive++;
                        default -> extractive++;
                    }
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
            out.add(new Item(i++, n.path("claim").asText(), n.path("label").asText(), speaker, List.copyOf(ev),
                    new AnswerShape(questions, answers, unanswerable, yes, no, otherBoolean, abstractive, extractive)));
        }
        return out;
    }
}
