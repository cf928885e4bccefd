package io.claimlens.nlp.quotes;

import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.Attribution;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.testing.Articles;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The degenerate inputs the quotation stage must survive, one test each, through the real pipeline. */
class QuoteRobustnessTest {

    @TempDir
    Path dir;

    private final NlpPipeline nlp = Fixtures.lightPipeline();

    private List<Attribution> run(String text) {
        List<Attribution> a = nlp.analyze(Articles.of(text)).attributions();
        for (Attribution x : a) {
            assertTrue(x.hasSpeaker() || x.noSpeakerReason() != null);
            assertTrue(x.quote().span().end() <= text.length());
            assertEquals(x.quote().text(), text.substring(x.quote().span().start(), x.quote().span().end()));
        }
        return a;
    }

    @Test
    void unbalancedQuoteMarks() {
        List<Attribution> a = run("The minister said \u201Cwe will never agree. Officials left early.\n\n"
                + "A new paragraph \u201D starts here \u201C and \u201C again.");
        assertTrue(a.size() <= 3, a.toString());
        assertTrue(a.get(0).quote().text().startsWith("we will never agree"));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void aFiveMegabyteParagraphWithNoQuotes() throws IOException {
        String big = "the committee met again and again without any result ".repeat(95_000);
        assertTrue(big.length() > 5_000_000);
        assertTrue(QuoteFinder.find(big, List.of(io.claimlens.model.Span.of(0, big.length()))).isEmpty());
        Path file = dir.resolve("big.txt");
        Files.writeString(file, big);
        ArticleReader.Collected c = new ArticleReader().readAll(List.of(file));
        assertTrue(c.articles().isEmpty());
        assertTrue(c.problems().get(0).message().contains("too"), c.problems().toString());
    }

    @Test
    void nestedQuotes() {
        List<Attribution> a = run("\u201CHe told me \u2018never again\u2019 and left,\u201D Anna Weber said.");
        assertEquals(1, a.size());
        assertEquals("He told me \u2018never again\u2019 and left", a.get(0).quote().text());
        assertEquals("Anna Weber", a.get(0).canonicalSpeaker());
    }

    @Test
    void emptyStraightQuotesFollowedByAnEqualsSign() {
        List<Attribution> a = run("x = \"\"= and then \"\"=\"\" again.");
        assertTrue(a.isEmpty(), a.toString());
    }

    @Test
    void curlyStraightAndGuillemetQuotesAreAllAttributed() {
        for (String[] marks : new String[][] {{"\u201C", "\u201D"}, {"\"", "\""}, {"\u00AB", "\u00BB"},
                {"\u201E", "\u201C"}, {"''", "''"}}) {
            List<Attribution> a = run(marks[0] + "We are ready for talks," + marks[1] + " Maria Lopez said.");
            assertEquals(1, a.size(), marks[0]);
            assertNotNull(a.get(0).speaker(), marks[0]);
            assertEquals("Maria Lopez", a.get(0).canonicalSpeaker(), marks[0]);
        }
    }
}
