package io.claimlens.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.report.JsonReports;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The batch runner end to end on the real engine (CoreNLP LIGHT, MiniLM, shipped heads). */
class BatchRunnerTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> CLAIMS = List.of(
            "{\"claim\": \"Norland and Estovia are 'brothers in every storm,' says ambassador.\"}",
            "{\"id\": \"bridge\", \"claim\": \"The bridge will open in May.\", \"score\": 0.93, \"source\": \"x\"}",
            "this line is not JSON",
            "{\"id\": 7, \"claim\": \"The ministry denied that the talks had failed.\"}",
            "",
            "{\"id\": \"bridge\", \"claim\": \"A second claim reusing an id.\"}",
            "{\"id\": \"no-claim\"}",
            "{\"claim\": \"Estovia won the football match against Norland.\"}");

    private Path claimsFile() throws IOException {
        Path f = dir.resolve("claims.jsonl");
        Files.write(f, CLAIMS, StandardCharsets.UTF_8);
        return f;
    }

    private Path articles() throws IOException {
        Path bad = dir.resolve("more");
        Files.createDirectories(bad);
        Files.writeString(bad.resolve("broken.jsonl"), "{\"id\": \"ok1\", \"text\": \"The Norvik bridge will open"
                + " in June, the city council said on Tuesday.\"}\n{\"id\": \"bad\", \"title\": 3}\n");
        Files.write(bad.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 5});
        return bad;
    }

    @Test
    void writesResultsErrorsSummaryAndReports() throws IOException {
        ClaimEngine engine = Fixtures.engine();
        Path out = dir.resolve("out");
        BatchOptions o = BatchOptions.builder().setClaims(claimsFile().toString())
                .setArticles(List.of(Fixtures.examples(), articles())).setOut(out).optThreads(2)
                .optReports(Set.of(BatchOptions.ReportFormat.MARKDOWN, BatchOptions.ReportFormat.HTML)).build();
        List<String> phases = new ArrayList<>();
        BatchSummary s = BatchRunner.run(engine, o, new BatchListener() {
            @Override
            public synchronized void phase(String name, long total) {
                phases.add(name + ":" + total);
            }
        });
        assertEquals(List.of("index:-1", "check:7"), phases);

        List<String> results = Files.readAllLines(out.resolve("results.jsonl"));
        assertEquals(4, results.size());
        Set<String> ids = new TreeSet<>();
        for (String line : results) {
            JsonNode n = JSON.readTree(line);
            ids.add(n.get("claimId").asText());
            assertTrue(n.has("verdict") && n.has("evidence") && n.has("provenance"), line);
        }
        String defaultId = ClaimSource.defaultId("Norland and Estovia are 'brothers in every storm,' says ambassador.");
        assertEquals(engine.parseClaim("Norland and Estovia are 'brothers in every storm,' says ambassador.").id(),
                defaultId);
        assertTrue(ids.containsAll(List.of(defaultId, "bridge", "7")), ids.toString());

        // a result is exactly the check report, plus the claim id
        try (Corpus c = CorpusWriter.open(out.resolve("index"))) {
            String expected = JsonReports.toJson(ResultRecords.result("bridge",
                    engine.check("The bridge will open in May.", c), true), false);
            assertTrue(results.contains(expected), "the bridge record equals check's report");
        }

        List<JsonNode> errors = new ArrayList<>();
        for (String line : Files.readAllLines(out.resolve("errors.jsonl"))) {
            errors.add(JSON.readTree(line));
        }
        Set<String> where = new HashSet<>();
        for (JsonNode e : errors) {
            where.add(e.get("kind").asText() + "@" + Path.of(e.get("file").asText()).getFileName() + ":"
                    + e.get("line").asInt());
        }
        assertEquals(Set.of("claim@claims.jsonl:3", "claim@claims.jsonl:6", "claim@claims.jsonl:7",
                "article@broken.jsonl:2", "article@binary.txt:0"), where);

        JsonNode summary = JSON.readTree(out.resolve("summary.json").toFile());
        assertEquals(4, summary.at("/claims/checked").asInt());
        assertEquals(1, summary.at("/claims/duplicates").asInt());
        assertEquals(2, summary.at("/claims/badLines").asInt());
        assertEquals(8, summary.at("/articles/indexed").asInt());
        assertEquals(2, summary.at("/articles/problems").asInt());
        assertEquals(4, summary.get("results").asInt());
        long verdicts = 0;
        for (JsonNode v : summary.get("verdicts")) {
            verdicts += v.asLong();
        }
        assertEquals(4, verdicts);
        assertEquals(s.corpusChecksum(), summary.at("/articles/corpusChecksum").asText());

        String md = Files.readString(out.resolve("reports/bridge.md"));
        assertTrue(md.startsWith("# Fact check: \u201CThe bridge will open in May.\u201D"), md);
        String html = Files.readString(out.resolve("reports/bridge.html"));
        assertTrue(html.contains("<h1>Fact check: \u201CThe bridge will open in May.\u201D</h1>")
                && html.contains("<table>"), html);
        assertTrue(Files.exists(out.resolve("reports/" + defaultId + ".md")));

        // the same command again without --resume is refused; with it, nothing is redone
        assertThrows(IllegalStateException.class, () -> BatchRunner.run(engine, o, BatchListener.NONE));
        BatchOptions resume = BatchOptions.builder().setClaims(o.claims()).setArticles(o.articles()).setOut(out)
                .optThreads(1).optResume(true).build();
        BatchSummary again = BatchRunner.run(engine, resume, BatchListener.NONE);
        assertEquals(0, again.claimsChecked());
        assertEquals(4, again.claimsResumed());
        assertEquals(0, again.articlesIndexed());
        assertEquals(results, Files.readAllLines(out.resolve("results.jsonl")));
        assertEquals(5, Files.readAllLines(out.resolve("errors.jsonl")).size(), "errors are rewritten, not doubled");
    }

    @Test
    void resumeDropsATornRecordAndRedoesOnlyWhatIsMissing() throws IOException {
        ClaimEngine engine = Fixtures.engine();
        Path out = dir.resolve("out");
        BatchOptions o = BatchOptions.builder().setClaims(claimsFile().toString())
                .setArticles(List.of(Fixtures.examples())).setOut(out).optThreads(2).build();
        BatchRunner.run(engine, o, BatchListener.NONE);
        Path results = out.resolve("results.jsonl");
        List<String> complete = Files.readAllLines(results);
        assertEquals(4, complete.size());

        // as if killed while writing the third record: two complete lines and half of the third
        String third = complete.get(2);
        Files.writeString(results, complete.get(0) + "\n" + complete.get(1) + "\n"
                + third.substring(0, third.length() / 2), StandardCharsets.UTF_8);
        List<String> notes = new ArrayList<>();
        BatchSummary s = BatchRunner.run(engine, BatchOptions.builder().setClaims(o.claims())
                .setArticles(o.articles()).setOut(out).optThreads(2).optResume(true).build(), new BatchListener() {
                    @Override
                    public synchronized void note(String message) {
                        notes.add(message);
                    }
                });
        assertEquals(2, s.claimsResumed());
        assertEquals(2, s.claimsChecked());
        assertTrue(notes.get(0).contains("2 results kept") && notes.get(0).contains("torn"), notes.toString());
        List<String> now = Files.readAllLines(results);
        assertEquals(new TreeSet<>(complete), new TreeSet<>(now));
        assertEquals(complete.size(), now.size(), "no claim twice");
    }

    @Test
    void claimsFromAStreamAndTheirProblems() throws IOException {
        List<ClaimSource.Input> got = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        ClaimSource.read(new ByteArrayInputStream(String.join("\n", CLAIMS).getBytes(StandardCharsets.UTF_8)),
                "<stdin>", new ClaimSource.Sink() {
                    @Override
                    public void claim(ClaimSource.Input claim) {
                        got.add(claim);
                    }

                    @Override
                    public void problem(io.claimlens.model.InputProblem p) {
                        problems.add(p.describe());
                    }
                });
        assertEquals(List.of(1, 2, 4, 6, 8), got.stream().map(ClaimSource.Input::line).toList());
        assertEquals("7", got.get(2).id());
        assertEquals(List.of("<stdin>:3: malformed JSON: Unrecognized token 'this': was expecting (JSON String,"
                        + " Number, Array, Object or token 'null', 'true' or 'false')",
                "<stdin>:7: field 'claim': missing"), problems);
        assertFalse(got.stream().anyMatch(c -> c.text().isBlank()));
    }
}
