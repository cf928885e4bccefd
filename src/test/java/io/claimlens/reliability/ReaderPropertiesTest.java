package io.claimlens.reliability;

import io.claimlens.batch.ClaimSource;
import io.claimlens.batch.ReportFiles;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.HtmlText;
import io.claimlens.ingest.Paragraphs;
import io.claimlens.model.Article;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Span;
import io.claimlens.nlp.quotes.QuoteFinder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Properties of the input-facing parts over generated input (jqwik; a few hundred tries each, fixed seeds so that a
 * run is reproducible; change a seed, or drop it, to explore further).
 */
class ReaderPropertiesTest {

    private static final ArticleReader READER = new ArticleReader();

    @Provide
    Arbitrary<String> extensions() {
        return Arbitraries.of(".txt", ".md", ".html", ".jsonl", ".jsonl.gz", ".warc", ".warc.gz");
    }

    /** Text full of quotation marks, quotes inside quotes, paragraph breaks and non-Latin scripts. */
    @Provide
    Arbitrary<String> quoteHeavyText() {
        return Arbitraries.strings().withChars("\"'\u00AB\u00BB\u201E\u201C\u201D\u2018\u2019\u300C\u300D= \n.,")
                .withCharRange('a', 'e').withCharRange('\u05D0', '\u05D4').withCharRange('\u4E00', '\u4E04')
                .ofMaxLength(300);
    }

    @Property(tries = 250, seed = "42")
    void anyBytesInAnyFormatGiveArticlesOrProblemsNeverExceptions(@ForAll @Size(max = 3000) byte[] bytes,
                                                                  @ForAll("extensions") String ext)
            throws IOException {
        Path f = Files.createTempFile("fuzz", ext);
        try {
            Files.write(f, bytes);
            ArticleReader.Collected got = READER.readAll(List.of(f));
            assertTrue(got.articles().size() + got.problems().size() > 0, "nothing at all came out of " + ext);
            for (Article a : got.articles()) {
                assertFalse(a.text().isBlank());
                for (Span p : a.paragraphs()) {
                    assertTrue(p.start() >= 0 && p.end() <= a.text().length() && p.start() <= p.end());
                }
            }
            for (InputProblem p : got.problems()) {
                assertEquals(f.toString(), p.origin());
            }
        } finally {
            Files.deleteIfExists(f);
        }
    }

    @Property(tries = 300, seed = "42")
    void htmlExtractionNeverThrowsAndDropsScripts(@ForAll @Size(max = 400) String junk) {
        String html = "<p>" + junk + "<script>secret()</script></p><iframe>framed</iframe>" + junk;
        String text = HtmlText.extract(html).text();
        assertFalse(text.contains("secret()"));
        assertFalse(text.contains("framed"));
    }

    @Property(tries = 500, seed = "42")
    void reportFileNamesStayInsideTheirDirectory(@ForAll @Size(max = 200) String id) {
        String name = ReportFiles.fileName(id);
        assertFalse(name.isEmpty());
        assertFalse(name.startsWith("."), name);
        assertFalse(name.contains("/") || name.contains("\\"), name);
        Path dir = Path.of("/out/reports");
        assertTrue(dir.resolve(name + ".md").normalize().startsWith(dir), name);
    }

    @Property(tries = 400, seed = "42")
    void eachClaimLineGivesExactlyOneClaimOrOneProblem(@ForAll @Size(max = 300) String line) {
        AtomicInteger claims = new AtomicInteger();
        AtomicInteger problems = new AtomicInteger();
        ClaimSource.parse(line, "claims.jsonl", 3, new ClaimSource.Sink() {
            @Override
            public void claim(ClaimSource.Input claim) {
                assertFalse(claim.text().isBlank());
                claims.incrementAndGet();
            }

            @Override
            public void problem(InputProblem problem) {
                assertEquals(3, problem.line());
                problems.incrementAndGet();
            }
        });
        assertEquals(1, claims.get() + problems.get());
    }

    @Property(tries = 400, seed = "42")
    void quotationsLieInsideTheTextAndDoNotOverlap(@ForAll("quoteHeavyText") String text) {
        List<QuoteFinder.Found> found = QuoteFinder.find(text, Paragraphs.split(text));
        int lastEnd = -1;
        for (QuoteFinder.Found q : found) {
            Span c = q.content();
            assertTrue(c.start() >= 0 && c.end() <= text.length() && c.start() <= c.end(), q.toString());
            assertTrue(q.open() >= 0 && q.open() < text.length() && q.close() < text.length(), q.toString());
            assertTrue(c.start() >= lastEnd, "quotations overlap: " + found);
            lastEnd = c.end();
        }
    }
}
