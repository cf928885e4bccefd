package io.claimlens.engine;

import io.claimlens.model.Attribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Report;
import io.claimlens.model.VerdictLabel;
import io.claimlens.report.JsonReports;
import io.claimlens.retrieve.Corpus;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Integration: the whole engine with the shipped models. */
class ClaimEngineTest {

    @TempDir
    Path dir;

    private final ClaimEngine engine = Fixtures.engine();

    @Test
    void theSeedClaimsAreAttributedToMatsegoraAndRatedAsTheFactCheckersConcluded() throws IOException {
        Path seeds = Fixtures.seeds();
        assumeTrue(seeds != null, "../shared/seeds not present");
        IndexResult ix = engine.index(List.of(seeds), null, IndexListener.NONE);
        try (Corpus corpus = ix.corpus()) {
            assertEquals(5, corpus.articleCount(), ix.problems().toString());
            Report r = engine.check("Russia and North Korea are now the 'closest of countries,' says ambassador.",
                    corpus);
            assertTrue(r.claim().entities().containsAll(List.of("Russia", "North Korea")), r.claim().toString());
            Attribution best = r.attributions().get(0);
            assertEquals("Alexandr Matsegora", best.canonicalSpeaker());
            String file = corpus.article(best.quote().articleId()).origin();
            assertTrue(file.contains("001_"), file);
            String text = Files.readString(Path.of(file));
            assertEquals(best.quote().text(), text.substring(best.quote().span().start(), best.quote().span().end()));
            assertTrue(best.quote().text().contains("closest of countries"));
            assertTrue(Set.of(VerdictLabel.TRUE, VerdictLabel.MOSTLY_TRUE, VerdictLabel.PARTIALLY_TRUE)
                    .contains(r.verdict().label()), r.verdict().toString());
            // The two readings the seed fact-checks separate: as a factual claim the evidence only partly supports
            // it (China is the traditional closest ally); as an attribution claim the same evidence makes it true.
            Report factual = engine.check("Russia and North Korea are now the 'closest of countries.'", corpus);
            assertTrue(Set.of(VerdictLabel.MOSTLY_TRUE, VerdictLabel.PARTIALLY_TRUE)
                    .contains(factual.verdict().label()), factual.verdict().toString());
            Report described = engine.check("Russia and North Korea are described as the 'closest of countries.'",
                    corpus);
            assertEquals(VerdictLabel.TRUE, described.verdict().label(), described.verdict().toString());
            assertTrue(described.verdict().probabilities().get(VerdictLabel.TRUE)
                    > factual.verdict().probabilities().get(VerdictLabel.TRUE), "the attribution reading is surer");
            assertTrue(r.evidence().stream().anyMatch(e -> e.attribution() != null
                    && "Alexandr Matsegora".equals(e.attribution().canonicalSpeaker())), "the quote is cited as evidence");
            for (Evidence e : r.evidence()) {
                String t = Files.readString(Path.of(corpus.article(e.articleId()).origin()));
                assertEquals(e.sentence().text(), t.substring(e.sentence().start(), e.sentence().end()));
            }
            assertEquals(4, r.provenance().models().size());
            assertEquals(corpus.checksum(), r.provenance().corpusChecksum());
            String again = JsonReports.toJson(JsonReports.report(engine.check(
                    "Russia and North Korea are now the 'closest of countries,' says ambassador.", corpus), true), true);
            assertEquals(JsonReports.toJson(JsonReports.report(r, true), true), again, "deterministic");
        }
    }

    @Test
    void theDemoClaimOnOurExamples() throws IOException {
        IndexResult ix = engine.index(List.of(Fixtures.examples()), null, IndexListener.NONE);
        try (Corpus corpus = ix.corpus()) {
            assertTrue(ix.problems().isEmpty(), ix.problems().toString());
            assertEquals(7, corpus.articleCount());
            Report r = engine.check("Norland and Estovia are 'brothers in every storm,' says ambassador.", corpus);
            assertEquals("Kang Min-seo", r.attributions().get(0).canonicalSpeaker());
            assertTrue(r.verdict().label().isRated(), r.verdict().toString());
            assertEquals(1.0, r.verdict().features().get("quote_speaker_match"));
            Report none = engine.check("The moon is made of cheese.", corpus);
            assertEquals(VerdictLabel.UNVERIFIABLE, none.verdict().label(), none.verdict().toString());
            assertNotNull(none.verdict().reason());
        }
    }

    @Test
    void badInputIsReportedAndEverythingElseIsIndexed() throws IOException {
        Files.writeString(dir.resolve("good.txt"), "The minister said: \u201CWe will open the bridge in May.\u201D");
        Files.writeString(dir.resolve("empty.txt"), "");
        Files.write(dir.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0, 7});
        Files.writeString(dir.resolve("feed.jsonl"), "{\"id\": \"j1\", \"text\": \"Prices rose in March.\"}\n"
                + "{not json}\n{\"id\": \"j2\"}\n{\"id\": \"j3\", \"text\": \"Prices fell in April.\"}\n",
                StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("german.txt"), "Die Regierung hat am Montag beschlossen, die Steuern für "
                + "kleine Unternehmen deutlich zu senken, sagte der Minister in Berlin.");
        IndexResult ix = engine.index(List.of(dir), null, IndexListener.NONE);
        try (Corpus corpus = ix.corpus()) {
            assertEquals(3, corpus.articleCount());
            List<String> problems = ix.problems().stream().map(InputProblem::describe).toList();
            assertEquals(5, problems.size(), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("binary.txt: binary file")), problems.toString());
            assertTrue(problems.stream().anyMatch(p -> p.contains("empty.txt: empty file")));
            assertTrue(problems.stream().anyMatch(p -> p.contains("feed.jsonl:2: malformed JSON")));
            assertTrue(problems.stream().anyMatch(p -> p.contains("feed.jsonl:3: field 'text'")));
            assertTrue(problems.stream().anyMatch(p -> p.contains("german.txt: language 'deu'")));
        }
    }

    @Test
    void anOnDiskIndexReanalysesOnlyWhatChanged() throws IOException {
        Path articles = dir.resolve("articles");
        Files.createDirectories(articles);
        Files.writeString(articles.resolve("a.txt"), "Officials said the bridge will open in May.");
        Files.writeString(articles.resolve("b.txt"), "The mayor said the budget is balanced.");
        Path idx = dir.resolve("index");
        IndexResult first = engine.index(List.of(articles), idx, IndexListener.NONE);
        first.corpus().close();
        assertEquals(2, first.indexed());
        Files.writeString(articles.resolve("c.txt"), "A new article about the tram network.");
        IndexResult second = engine.index(List.of(articles), idx, IndexListener.NONE);
        try (Corpus c = second.corpus()) {
            assertEquals(1, second.indexed());
            assertEquals(2, second.skipped());
            assertEquals(3, c.articleCount());
            assertFalse(engine.check("The bridge will open in May.", c).evidence().isEmpty());
        }
    }
}
