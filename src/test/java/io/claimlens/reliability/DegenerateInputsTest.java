package io.claimlens.reliability;

import io.claimlens.bench.DegenerateInputs;
import io.claimlens.bench.FuzzBench;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.HtmlText;
import io.claimlens.model.InputProblem;
import io.claimlens.testing.FakeEncoder;
import io.claimlens.testing.LightEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of degenerate input is read without an exception, and every input with nothing usable in it is
 * reported with its file name; then a small fuzz run takes them through quotes, detect, indexing and check.
 */
class DegenerateInputsTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = new ArticleReader();

    @Test
    void everyKindIsReadAndEveryUnusableInputIsReported() throws IOException {
        for (DegenerateInputs.Kind kind : DegenerateInputs.Kind.values()) {
            int n = kind == DegenerateInputs.Kind.HUGE_PARAGRAPH || kind == DegenerateInputs.Kind.TINY_ARTICLES
                    || kind == DegenerateInputs.Kind.LONG_RUN_ON ? 1 : 8;
            for (int i = 0; i < n; i++) {
                Path f = dir.resolve(kind.name().toLowerCase() + "-" + i + kind.extension());
                Files.write(f, DegenerateInputs.bytes(kind, new SplittableRandom(1000L * kind.ordinal() + i)));
                ArticleReader.Collected got = reader.readAll(List.of(f));
                if (kind.mustBeReported()) {
                    assertFalse(got.problems().isEmpty(), kind + " #" + i + " was passed over in silence");
                }
                for (InputProblem p : got.problems()) {
                    assertEquals(f.toString(), p.origin(), "a problem names its file: " + p);
                    assertFalse(p.message().isBlank());
                }
                if (kind == DegenerateInputs.Kind.TINY_ARTICLES) {
                    assertEquals(100_000, got.articles().size() + got.problems().size());
                }
                if (kind == DegenerateInputs.Kind.HUGE_PARAGRAPH) {
                    assertTrue(got.problems().get(0).message().contains("too large"), got.problems().toString());
                }
            }
        }
    }

    @Test
    void inputsThatUsedToPassSilentlyAreNowReported() throws IOException {
        Map<String, String> cases = Map.of(
                "trailing.jsonl", "{\"text\": \"The minister spoke.\"} trailing words\n",
                "nbsp.txt", "\u00A0\u00A0\u200B\uFEFF\u3000",
                "punct.txt", "!!! ... ?? \u201C\u201D \u00AB\u00BB -- ***",
                "blank-lines.jsonl", "\n   \n\t\n",
                "empty.warc", "",
                "not-a-warc.warc", "hello, this is plain text and no WARC record at all");
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = dir.resolve(c.getKey());
            Files.writeString(f, c.getValue(), StandardCharsets.UTF_8);
            ArticleReader.Collected got = reader.readAll(List.of(f));
            assertEquals(0, got.articles().size(), c.getKey());
            assertEquals(1, got.problems().size(), c.getKey() + ": " + got.problems());
        }
        Path trailing = dir.resolve("trailing.jsonl");
        InputProblem p = reader.readAll(List.of(trailing)).problems().get(0);
        assertEquals(1, p.line());
        assertTrue(p.message().contains("malformed JSON"), p.message());
    }

    @Test
    void aByteOrderMarkBeforeTheFirstJsonlRecordIsAccepted() throws IOException {
        Path f = dir.resolve("bom.jsonl");
        Files.writeString(f, "\uFEFF{\"id\": \"a\", \"text\": \"The minister spoke.\"}\n\uFEFF{\"text\": \"x\"}\n",
                StandardCharsets.UTF_8);
        ArticleReader.Collected got = reader.readAll(List.of(f));
        assertEquals("a", got.articles().get(0).id());
        assertEquals(1, got.problems().size(), "a mark inside the file is still an error: " + got.problems());
        assertEquals(2, got.problems().get(0).line());
    }

    @Test
    void entityBombsAndExternalEntitiesAreNeitherExpandedNorFetched() throws IOException {
        String html = new String(DegenerateInputs.bytes(DegenerateInputs.Kind.ENTITY_BOMB, new SplittableRandom(3)),
                StandardCharsets.UTF_8);
        String text = HtmlText.extract(html).text();
        assertFalse(text.contains("lollollol"), "entities are not expanded");
        assertFalse(text.contains("root:"), "no external entity is read");
        assertTrue(text.length() < html.length(), "extraction does not grow the input");
    }

    @Test
    void aSmallFuzzRunHasNoUncaughtExceptionsHangsOrSilentInputs() throws IOException {
        FakeEncoder encoder = new FakeEncoder();
        try (ClaimEngine engine = LightEngines.fast(dir)) {
            FuzzBench bench = new FuzzBench(engine, FuzzBench.toyDetector(encoder, dir.resolve("toy-detector")));
            Map<String, Object> m = bench.run(new FuzzBench.Options(dir.resolve("fuzz"), 120, 7,
                    Duration.ofSeconds(60), 5, 2), System.out);
            assertEquals(120, m.get("inputs"));
            assertEquals(0L, m.get("uncaught_exceptions"), () -> read(dir.resolve("fuzz/uncaught.jsonl")));
            assertEquals(0L, m.get("hangs"));
            assertEquals(0L, m.get("must_report_silent"), () -> read(dir.resolve("fuzz/uncaught.jsonl")));
            assertTrue((Long) m.get("claims_checked") > 20, "degenerate but usable inputs reach check: " + m);
            assertTrue((Long) m.get("claims_refused_with_clear_error") > 0, "empty claims are refused: " + m);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
