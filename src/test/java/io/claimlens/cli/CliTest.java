package io.claimlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    @TempDir
    Path dir;

    private static String help(String... args) {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute(args));
        return out.toString();
    }

    @Test
    void helpTeachesTheCommands() {
        String top = help("--help");
        for (String c : List.of("check", "quotes", "entities", "demo", "train", "bench")) {
            assertTrue(top.contains(c), c);
        }
        String check = help("check", "--help");
        assertTrue(check.contains("--claim") && check.contains("--articles") && check.contains("--format")
                && check.contains("Example:"), check);
        assertTrue(help("quotes", "--help").contains("canonicalSpeaker"));
    }

    @Test
    void usageErrorsExitWithTwo() {
        CommandLine cl = Main.commandLine();
        cl.setErr(new PrintWriter(new StringWriter()));
        assertEquals(2, cl.execute("check", "--articles", "x"));
        assertEquals(2, cl.execute("no-such-command"));
    }

    /** The inference-head design adds to a base model: without one it stops before reading any data, and says why. */
    @Test
    void trainingAnInferenceHeadNeedsABaseModel() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("train", "stance", "--design", "CROSS_INFERENCE", "--out",
                dir.resolve("m").toString()));
        assertTrue(err.toString().contains("--base"), err.toString());
        assertTrue(!Files.exists(dir.resolve("m")));
        StringWriter err2 = new StringWriter();
        cl.setErr(new PrintWriter(err2));
        assertEquals(1, cl.execute("train", "stance", "--design", "MLP", "--base", "models/stance-v4", "--out",
                dir.resolve("m").toString()));
        assertTrue(err2.toString().contains("only for --design CROSS_INFERENCE"), err2.toString());
    }

    @Test
    void theEvidenceHeadRecipeIsRefusedWhereTheDataHasNoEvidenceLabels() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(1, cl.execute("bench", "verdict", "--dataset", "liar", "--recipe", "evidence-head"));
        assertTrue(err.toString().contains("evidence-head") && err.toString().contains("only climate-fever"),
                err.toString());
    }

    @Test
    void climateFeverDefaultsToItsBestRecipeAndTheOthersToTheDatasetRecipe() {
        assertEquals("evidence-head", io.claimlens.bench.VerdictBench.defaultRecipe("climate-fever"));
        assertEquals("dataset", io.claimlens.bench.VerdictBench.defaultRecipe("averitec"));
        assertEquals("dataset", io.claimlens.bench.VerdictBench.defaultRecipe("liar"));
        // the default must never be the recipe a dataset without evidence labels refuses
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.execute("bench", "verdict", "--dataset", "liar", "--data", "/nonexistent-claimlens-data");
        assertTrue(!err.toString().contains("only climate-fever"), err.toString());
    }

    @Test
    void anUnknownDecisionRuleIsRefusedNamingTheRules() {
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        assertEquals(2, cl.execute("bench", "verdict", "--dataset", "averitec", "--decision", "majority"));
        assertTrue(err.toString().contains("--decision") && err.toString().contains("argmax, macro-f1"),
                err.toString());
    }

    /** Integration: the quotes command end to end, with the JSONL contract. */
    @Test
    void quotesWritesOneRecordPerQuotation() throws Exception {
        Path out = dir.resolve("quotes.jsonl");
        CommandLine cl = Main.commandLine();
        StringWriter err = new StringWriter();
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("quotes", "--articles", "examples", "--out", out.toString());
        assertEquals(0, code, err.toString());
        List<String> lines = Files.readAllLines(out);
        assertEquals(17, lines.size());
        ObjectMapper json = new ObjectMapper();
        for (String l : lines) {
            JsonNode n = json.readTree(l);
            for (String f : List.of("article", "file", "text", "start", "end", "speaker", "canonicalSpeaker",
                    "confidence", "rule", "reason")) {
                assertTrue(n.has(f), f + " in " + l);
            }
            assertTrue(n.get("speaker").isNull() != n.get("reason").isNull(), l);
        }
    }
}
