package io.claimlens.reliability;

import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.batch.ReportFiles;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.model.Report;
import io.claimlens.report.HtmlReport;
import io.claimlens.report.MarkdownReport;
import io.claimlens.report.RenderOptions;
import io.claimlens.retrieve.Corpus;
import io.claimlens.testing.Fixtures;
import io.claimlens.testing.LightEngines;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Input never reaches a path outside --out, a page unescaped, or the engine in an unbounded size. */
class SecurityTest {

    @TempDir
    Path dir;

    private static final String SCRIPT = "<script>alert('x')</script>";

    @Test
    void claimTextIsEscapedInEveryHtmlPage() throws IOException {
        try (ClaimEngine engine = LightEngines.fast(dir);
             Corpus corpus = engine.index(List.of(Fixtures.examples()), null, IndexListener.NONE).corpus()) {
            Report r = engine.check(SCRIPT + " The ministry denied that the talks had failed <img src=x "
                    + "onerror=alert(1)>", corpus);
            String page = HtmlReport.render(r, RenderOptions.defaults());
            assertFalse(page.contains(SCRIPT), "the report page runs no script from the claim");
            assertFalse(page.contains("<img src=x"), page);
            assertTrue(page.contains("&lt;script&gt;") || page.contains("&lt;script"), "the text is shown escaped");
            String standalone = ReportFiles.html(r.claim().text(), MarkdownReport.render(r, true));
            assertFalse(standalone.contains(SCRIPT));
            assertFalse(standalone.contains("<img src=x"));
        }
    }

    @Test
    void claimIdsCannotWriteOutsideTheReportsDirectory() throws IOException {
        Path claims = dir.resolve("claims.jsonl");
        Files.write(claims, List.of("{\"id\": \"../../escaped\", \"claim\": \"The bridge will open in May.\"}",
                "{\"id\": \"/etc/cron.d/x\", \"claim\": \"Trade grew by 12 percent.\"}",
                "{\"id\": \"..\", \"claim\": \"The ministry denied it.\"}"));
        Path out = dir.resolve("run/out");
        try (ClaimEngine engine = LightEngines.fast(dir)) {
            BatchRunner.run(engine, BatchOptions.builder().setClaims(claims.toString())
                    .setArticles(List.of(Fixtures.examples())).setOut(out).optThreads(1)
                    .optReports(Set.of(BatchOptions.ReportFormat.MARKDOWN, BatchOptions.ReportFormat.HTML)).build(),
                    BatchListener.NONE);
        }
        List<Path> written;
        try (Stream<Path> all = Files.walk(dir)) {
            written = all.filter(p -> !p.startsWith(dir.resolve("toy-verdict")))
                    .filter(p -> p.toString().endsWith(".md") || p.toString().endsWith(".html")).toList();
        }
        assertEquals(6, written.size(), written.toString());
        for (Path p : written) {
            assertTrue(p.startsWith(out.resolve("reports")), p.toString());
            assertFalse(p.getFileName().toString().startsWith("."), p.toString());
        }
    }

    @Test
    void claimsHaveASizeLimitWithAClearMessage() throws IOException {
        try (ClaimEngine engine = LightEngines.fast(dir)) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.parseClaim("word ".repeat(1_000_000)));
            assertTrue(e.getMessage().contains("limit " + ClaimEngine.MAX_CLAIM_CHARS), e.getMessage());
            e = assertThrows(IllegalArgumentException.class, () -> engine.parseClaim("a ".repeat(300)));
            assertTrue(e.getMessage().contains("too many words") && e.getMessage().contains("300"), e.getMessage());
            assertThrows(IllegalArgumentException.class, () -> engine.parseClaim(" \u2028\t"));
            assertEquals("The bridge opens.", engine.parseClaim("The bridge opens.").text());
        }
    }
}
