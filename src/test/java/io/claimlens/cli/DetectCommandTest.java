package io.claimlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.SentenceEncoders;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration: the detect command end to end with the shipped model, and its JSONL, group and CSV contracts. */
class DetectCommandTest {

    @TempDir
    Path dir;

    private String run(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, err.toString());
        return err.toString();
    }

    @Test
    void detectWritesClaimsGroupsAndCsv() throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        Path groups = dir.resolve("groups.jsonl");
        Path csv = dir.resolve("claims.csv");
        run("detect", "--articles", "examples", "--min-score", "0", "--out", claims.toString());
        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(claims);
        assertTrue(lines.size() > 10, "every candidate is printed with --min-score 0: " + lines.size());
        double previous = 1;
        boolean attributed = true;
        for (String l : lines) {
            JsonNode n = json.readTree(l);
            for (String f : List.of("id", "article", "file", "text", "start", "end", "score", "type", "speaker",
                    "source", "entities", "claim")) {
                assertTrue(n.has(f), f + " in " + l);
            }
            assertTrue(n.get("claim").asText().length() > 10);
            assertTrue(List.of("quote", "statistic", "event", "other").contains(n.get("type").asText()));
            assertTrue(n.get("type").asText().equals("quote") || n.get("speaker").isNull(), l);
            double score = n.get("score").asDouble();
            boolean hasSource = !n.get("source").isNull();
            assertTrue(attributed || !hasSource, "statements with a source come first");
            if (attributed && !hasSource) {
                attributed = false;
                previous = 1;
            }
            assertTrue(score <= previous, "then by score");
            previous = score;
        }
        // the canonical spelling is the attribution stage's choice among the variants (Kang Min-seo / Kang Min Seo)
        assertTrue(lines.stream().anyMatch(l -> l.replace('-', ' ').toLowerCase(Locale.ROOT)
                .contains("\"speaker\":\"kang min seo\"") && l.contains("brothers in every storm")),
                "the ambassador's quote with its speaker");

        // fast mode (no CoreNLP) keeps the other two runs quick; grouping and CSV do not depend on it
        run("detect", "--articles", "examples", "--mode", "fast", "--min-score", "0", "--group", "--out",
                groups.toString());
        List<String> g = Files.readAllLines(groups);
        assertTrue(g.size() <= lines.size() && !g.isEmpty());
        int appearances = 0;
        for (String l : g) {
            JsonNode n = json.readTree(l);
            assertTrue(n.has("claim") && n.has("id") && n.has("count") && n.has("articles"));
            assertEquals(n.get("count").asInt(), n.get("appearances").size());
            appearances += n.get("count").asInt();
        }
        assertTrue(appearances >= g.size(), "every group has an appearance");

        run("detect", "--articles", "examples", "--mode", "fast", "--top", "3", "--format", "csv", "--out",
                csv.toString());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("id,article,file,start,end,score,type,speaker,source,entities,claim,text", rows.get(0));
        assertTrue(rows.size() <= 4);
    }

    /** {@code detect ... | batch --claims - ...}: detect's own JSONL, unchanged, is the batch checker's input. */
    @Test
    void detectOutputFeedsTheBatchChecker() throws Exception {
        Path claims = dir.resolve("detected.jsonl");
        run("detect", "--articles", "examples", "--mode", "fast", "--top", "3", "--out", claims.toString());
        List<String> detected = Files.readAllLines(claims);
        assertEquals(3, detected.size(), String.join("\n", detected));
        ObjectMapper json = new ObjectMapper();
        Set<String> claimTexts = new HashSet<>();
        Set<String> ids = new HashSet<>();
        for (String l : detected) {
            claimTexts.add(json.readTree(l).get("claim").asText());
            ids.add(json.readTree(l).get("id").asText());
        }

        Path out = dir.resolve("run");
        InputStream stdin = System.in;
        try {
            System.setIn(new ByteArrayInputStream(Files.readAllBytes(claims)));
            run("batch", "--claims", "-", "--articles", "examples", "--out", out.toString(), "--mode", "fast",
                    "--threads", "2");
        } finally {
            System.setIn(stdin);
        }
        List<String> results = Files.readAllLines(out.resolve("results.jsonl"));
        Set<String> checked = new HashSet<>();
        Set<String> checkedIds = new HashSet<>();
        for (String r : results) {
            JsonNode n = json.readTree(r);
            checked.add(n.at("/claim/text").asText());
            checkedIds.add(n.get("claimId").asText());
            assertTrue(n.has("verdict"), r);
        }
        assertEquals(claimTexts, checked, "every detected claim is checked, under its standalone wording");
        assertEquals(ids, checkedIds, "under detect's ids");
        assertTrue(Files.readString(out.resolve("errors.jsonl")).isEmpty());
    }

    /**
     * detect opens the encoder the model's card names, so a model trained on another encoder than the engine's
     * default runs without --encoder; an --encoder given that the card does not name is refused, not replaced.
     * The model here is checkworthiness-v2's head under a card that names BGE-small (same vector size): its
     * scores mean nothing, the encoder chosen is what is tested.
     */
    @Test
    void detectOpensTheEncoderItsModelWasTrainedOn() throws Exception {
        ModelStore.Loaded v2 = ModelStore.load("models/checkworthiness-v2");
        String bge = "bge-small-en-v1.5-q";
        String bgeSha;
        try (SentenceEncoder e = SentenceEncoders.open(bge)) {
            bgeSha = e.modelRef().sha256();
        }
        ModelCard c = v2.card();
        Path modelDir = dir.resolve("cw-bge");
        ModelStore.write(modelDir, new ModelCard("cw-bge-test", c.kind(), c.created(), c.command(), c.seed(), bge,
                bgeSha, c.config(), c.data(), c.metrics(), Map.of(), c.notes()),
                Map.of("model.json", v2.file("model.json")));
        Path claims = dir.resolve("bge.jsonl");
        // Exit 0 is the check: with any other encoder than BGE-small the classifier refuses the model.
        run("detect", "--articles", "examples", "--mode", "fast", "--top", "2", "--min-score", "0", "--model",
                modelDir.toString(), "--out", claims.toString());
        assertEquals(2, Files.readAllLines(claims).size());

        CommandLine cl = Main.commandLine();
        StringWriter refused = new StringWriter();
        cl.setErr(new PrintWriter(refused));
        int code = cl.execute("detect", "--articles", "examples", "--mode", "fast", "--model", modelDir.toString(),
                "--encoder", "all-minilm-l6-v2", "--out", dir.resolve("refused.jsonl").toString());
        assertTrue(code != 0, "a named encoder the card does not name is refused");
        assertTrue(refused.toString().contains("trained on " + bge), refused.toString());
        assertFalse(Files.exists(dir.resolve("refused.jsonl")));
    }
}
