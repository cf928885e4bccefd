package io.claimlens.claims.detect;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.DetectedClaimType;
import io.claimlens.model.ModelRef;
import io.claimlens.testing.Articles;
import io.claimlens.testing.FakeEncoder;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The detector's candidates, types, speakers, sources and normalised claims, on real NLP output (CoreNLP light)
 * with a fake encoder and a hand-made linear head: the scores are not the subject here (the integration test
 * runs the real model).
 */
class ClaimDetectorTest {

    @TempDir
    static Path dir;

    private static FakeEncoder encoder;
    private static ClaimDetector detector;

    /** A head that scores by the digits feature only: sentences with numbers rank first. */
    static ModelStore.Loaded toyModel(FakeEncoder enc, Path where) throws IOException {
        int d = FakeEncoder.DIM + CheckworthinessFeatures.NAMES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        java.util.Arrays.fill(scale, 1);
        double[][] w = new double[2][d];
        w[1][FakeEncoder.DIM + CheckworthinessFeatures.NAMES.indexOf("digits")] = 2;
        CheckworthinessModel m = new CheckworthinessModel(CheckworthinessModel.SOFTMAX,
                CheckworthinessModel.EMBEDDING_FEATURES, CheckworthinessFeatures.LAYOUT_VERSION, FakeEncoder.DIM,
                CheckworthinessFeatures.NAMES, mean, scale,
                List.of(new CheckworthinessModel.Member(w, new double[] {0, -1}, null, null)), 1, 0);
        ModelCard card = new ModelCard("toy-checkworthiness", "checkworthiness", "2026-11-23", "test", 1,
                enc.modelRef().id(), enc.modelRef().sha256(), Map.of(), List.of(), Map.of(), Map.of(), "toy");
        ModelStore.write(where, card, Map.of("model.json", ModelStore.toJson(m)));
        return ModelStore.load(where.toString());
    }

    @BeforeAll
    static void setUp() throws IOException {
        encoder = new FakeEncoder();
        detector = new ClaimDetector(new CheckworthinessClassifier(encoder, toyModel(encoder, dir.resolve("toy"))));
    }

    private static List<DetectedClaim> detect(Path file) {
        Article a = new ArticleReader().readAll(List.of(file)).articles().get(0);
        return detector.detect(Fixtures.lightPipeline().analyze(a));
    }

    private static DetectedClaim containing(List<DetectedClaim> claims, String words) {
        return claims.stream().filter(c -> c.text().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("no claim contains '" + words + "' in " + claims));
    }

    @Test
    void quotesBecomeClaimsWithTheirSpeakerAndSentencesStandAlone() {
        Path file = Fixtures.examples().resolve("2025-03-01-reception.txt");
        List<DetectedClaim> claims = detect(file);
        String text = new ArticleReader().readAll(List.of(file)).articles().get(0).text();
        for (DetectedClaim c : claims) {
            assertEquals(c.text(), text.substring(c.span().start(), c.span().end()), "offsets point at the text");
            assertTrue(c.score() >= 0 && c.score() <= 1);
        }
        DetectedClaim brothers = containing(claims, "brothers in every storm");
        assertEquals(DetectedClaimType.QUOTE, brothers.type());
        assertEquals("Norland and Estovia are brothers in every storm", brothers.text().replaceAll("[,.]$", ""));
        assertTrue(brothers.speaker().startsWith("Kang"), brothers.toString());
        assertEquals("\u201CNorland and Estovia are brothers in every storm,\u201D says " + brothers.speaker() + ".",
                brothers.claim());
        assertTrue(claims.stream().noneMatch(c -> c.type() != DetectedClaimType.QUOTE
                && c.text().contains("brothers in every storm")), "the quote's sentence is not a second claim");

        DetectedClaim added = containing(claims, "three new agreements");
        assertTrue(added.claim().startsWith("Ilse Varga added that the two governments would sign"),
                added.claim());
        assertEquals("Ilse Varga", added.source());
        assertNull(added.speaker(), "not a quote: no speaker");
    }

    @Test
    void numbersMakeStatisticsAndReportedSpeechNamesItsSource() {
        List<DetectedClaim> claims = detect(Fixtures.examples().resolve("2025-03-02-ministry-denial.txt"));
        DetectedClaim denial = containing(claims, "1,200 soldiers");
        assertEquals(DetectedClaimType.STATISTIC, denial.type());
        assertEquals("Estovia's defence ministry", denial.source());
        // the named entities the NLP stage tagged inside the sentence, without dates ("Sunday", "March 2")
        assertTrue(denial.entities().contains("Norland"), denial.entities().toString());
        assertTrue(denial.entities().stream().noneMatch(e -> e.equals("Sunday") || e.equals("March 2")),
                denial.entities().toString());
        double top = claims.stream().mapToDouble(DetectedClaim::score).max().orElse(0);
        assertTrue(denial.score() >= top - 1e-12 || denial.text().matches(".*\\d.*"),
                "the toy head ranks numbers first");
    }

    @Test
    void questionsAndFragmentsAreNotClaims() {
        Article a = Articles.of("Is the treaty still valid? Nobody knows for sure what happens next in the talks.\n\n"
                + "The minister called it a \"holy struggle\" in a speech on Monday.");
        AnalyzedArticle an = Fixtures.lightPipeline().analyze(a);
        List<DetectedClaim> claims = detector.detect(an);
        assertTrue(claims.stream().noneMatch(c -> c.text().startsWith("Is the treaty")), claims.toString());
        assertTrue(claims.stream().noneMatch(c -> c.text().equals("holy struggle")), "a phrase is no claim");
        assertTrue(claims.stream().anyMatch(c -> c.text().startsWith("The minister called it")));
    }

    @Test
    void normalisedClaimsReadOnTheirOwn() {
        assertEquals("\u201CWe will win,\u201D says Ana Li.", ClaimDetector.quoteClaim("We will win.", "Ana Li"));
        assertEquals("\u201CWill we win?\u201D says Ana Li.", ClaimDetector.quoteClaim("Will we win?", "Ana Li"));
        assertEquals("Ana Li said the talks failed.", ClaimDetector.sentenceClaim(
                "However, she said the talks failed (Reuters).", "Ana Li"));
        assertEquals("She said the talks failed.", ClaimDetector.sentenceClaim("She said the talks failed.", null),
                "without a person to resolve to, the pronoun stays");
        assertEquals("The talks failed.", ClaimDetector.sentenceClaim("But the talks failed", null));
        assertEquals("The ministry denied the reports.", ClaimDetector.sentenceClaim(
                "VELMORA, March 2 - The ministry denied the reports.", null), "a dateline is no part of the claim");
        assertEquals("Talks failed.", ClaimDetector.withoutDateline("LONDON (Reuters) - Talks failed."));
        assertEquals("US officials said talks failed.", ClaimDetector.withoutDateline(
                "US officials said talks failed."), "a sentence without a dateline is unchanged");
    }

    @Test
    void quotationsAreAlsoReadAsReportedSpeech() {
        assertEquals("Ana Li said we will win.", ClaimDetector.reportedSpeech("We will win.", "Ana Li"));
        assertEquals("Ana Li said Russia and Norland are the closest of countries.",
                ClaimDetector.reportedSpeech("Russia and Norland are the closest of countries,", "Ana Li"),
                "a name keeps its capital");
        assertEquals("Ana Li said I am ready.", ClaimDetector.reportedSpeech("I am ready", "Ana Li"));
        assertEquals("The mayor said we won?", ClaimDetector.reportedSpeech("We won?", "the mayor"));
    }

    @Test
    void aQuoteScoresTheBestOfItsReadings() {
        Article a = Articles.of("Ana Li spoke at the meeting on Monday about the harbour and its future plans.\n\n"
                + "\"The harbour will reopen soon,\" Ana Li said to the crowd at the meeting.");
        List<DetectedClaim> claims = detector.detect(Fixtures.lightPipeline().analyze(a));
        DetectedClaim q = claims.stream().filter(c -> c.type() == DetectedClaimType.QUOTE).findFirst()
                .orElseThrow(() -> new AssertionError(claims.toString()));
        CheckworthinessClassifier clf = detector.classifier();
        double[] readings = clf.score(List.of("\"The harbour will reopen soon,\" Ana Li said to the crowd at the "
                + "meeting.", q.text(), ClaimDetector.reportedSpeech(q.text(), q.speaker())));
        assertEquals(Math.max(readings[0], Math.max(readings[1], readings[2])), q.score(), 1e-9);
    }

    @Test
    void aModelForAnotherEncoderIsRefused() throws IOException {
        ModelStore.Loaded toy = toyModel(encoder, dir.resolve("toy2"));
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> new CheckworthinessClassifier(new SentenceEncoder() {
                    @Override
                    public float[][] encode(List<String> texts) {
                        return encoder.encode(texts);
                    }

                    @Override
                    public int dimension() {
                        return FakeEncoder.DIM;
                    }

                    @Override
                    public ModelRef modelRef() {
                        return new ModelRef("embedding", "other", "0".repeat(64));
                    }

                    @Override
                    public void close() {
                    }
                }, toy));
        assertTrue(e.getMessage().contains("fake-bag-of-words"), e.getMessage());
    }
}
