package io.claimlens.claims.detect;

import io.claimlens.engine.EngineConfig;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.DetectedClaimType;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Integration: detection with the shipped check-worthiness model, real CoreNLP and the real encoder. */
class DetectionIntegrationTest {

    /**
     * How far down the collection's ranking (statements with a speaker or source first, then by score) the seed
     * statements may be found: {@code detect --top 10}, and above detect's default {@code --min-score}.
     */
    static final int TOP = 10;

    /** detect's default --min-score: a seed statement must be printed without options. */
    static final double MIN_SCORE = 0.5;

    private static CheckworthinessClassifier shipped() {
        return new CheckworthinessClassifier(Fixtures.encoder(), ModelStore.load(
                CheckworthinessClassifier.DEFAULT_MODEL));
    }

    @Test
    void theShippedModelMatchesItsCard() {
        ModelStore.Loaded m = ModelStore.load(CheckworthinessClassifier.DEFAULT_MODEL);
        assertEquals("checkworthiness-v3", m.card().id());
        assertTrue(m.card().metrics().get("checkthat2019_test_map") >= 0.166, "the shipped model's card records "
                + "the CheckThat! 2019 test MAP it was shipped for");
        assertEquals("checkworthiness", m.card().kind());
        assertTrue(m.card().command().startsWith("claimlens train checkworthiness"));
        assertEquals(Fixtures.encoder().modelRef().sha256(), m.card().encoderSha256());
        assertTrue(m.card().metrics().get("checkthat2019_test_map") > 0);
    }

    @Test
    void seedStatementsAreAmongTheTopClaimsWithTheirSpeakerOrSource() {
        Path seeds = Fixtures.seeds();
        assumeTrue(seeds != null, "../shared/seeds not present");
        ClaimDetector detector = new ClaimDetector(shipped());
        ArticleReader reader = new ArticleReader(EngineConfig.defaults().ingest());
        CollectionDetector.Result r = new CollectionDetector(Fixtures.lightPipeline()::analyze, detector, 2)
                .run(reader.read(List.of(seeds)), CollectionDetector.Listener.NONE);
        assertEquals(5, r.articles());
        List<DetectedClaim> ranked = new ArrayList<>(r.claims());
        ranked.sort(ClaimRanking.ATTRIBUTED.claims());
        List<DetectedClaim> top = ranked.subList(0, TOP);
        String shown = top.stream().map(c -> String.format("%.3f %s %s | %s", c.score(), c.type(), c.source(),
                c.claim())).collect(Collectors.joining("\n"));

        DetectedClaim quote = top.stream().filter(c -> c.text().contains(
                "Russia and North Korea are the closest of countries")).findFirst()
                .orElseThrow(() -> new AssertionError("the ambassador's quote is not in the top " + TOP + ":\n"
                        + shown));
        assertEquals(DetectedClaimType.QUOTE, quote.type());
        assertTrue(quote.score() >= MIN_SCORE, shown);
        assertEquals("Alexandr Matsegora", quote.speaker());
        assertTrue(quote.claim().contains("says Alexandr Matsegora"), quote.claim());

        DetectedClaim troops = top.stream().filter(c -> c.text().contains("more than 10,000 troops to Russia"))
                .findFirst().orElseThrow(() -> new AssertionError("the 10,000-troops statement is not in the top "
                        + TOP + ":\n" + shown));
        assertEquals("The US and South Korea", troops.source());
        assertTrue(troops.score() >= MIN_SCORE, shown);
        assertEquals(DetectedClaimType.STATISTIC, troops.type());
    }

    @Test
    void scoresAreDeterministic() {
        CheckworthinessClassifier c = shipped();
        List<String> s = List.of("Unemployment fell to 3.5 percent last year.", "Thank you all for coming.");
        double[] a = c.scoreSequence(s);
        double[] b = c.scoreSequence(s);
        assertEquals(a[0], b[0], 0.0);
        assertTrue(a[0] > a[1], "a statistic is more check-worthy than thanks");
    }
}
