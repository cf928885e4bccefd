package io.claimlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Distribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Provenance;
import io.claimlens.model.Quote;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportRenderingTest {

    static Report sample(ClaimType type) {
        Claim claim = new Claim("Norland and Estovia are 'brothers in every storm,' says ambassador.",
                "Norland and Estovia are brothers in every storm", List.of("brothers in every storm"), "ambassador",
                true, List.of("Norland", "Estovia"), type);
        Attribution a = Attribution.speaker(new Quote("art1", Span.of(10, 33), "brothers in every storm", 0),
                "Kang", "Kang Min-seo", Span.of(40, 44), SpeakerKind.PERSON, 0.93, "trailing-said");
        StanceResult s = StanceResult.of(Distribution.of(StanceLabel.class, new double[] {0.9, 0.02, 0.06, 0.02}));
        StanceResult r = StanceResult.of(Distribution.of(StanceLabel.class, new double[] {0.05, 0.8, 0.1, 0.05}));
        Evidence e1 = new Evidence(new Sentence("art1", 2, 1, Span.of(0, 60), "\"Norland and Estovia are brothers in "
                + "every storm,\" Kang said."), "Wire", 7.5, 0.81234567, 0, s, a);
        Evidence e2 = new Evidence(new Sentence("art2", 0, 0, Span.of(5, 50), "Analysts say Valmark is Estovia's "
                + "closest ally."), "Daily", 3.1, 0.5, 1, r, null);
        Verdict v = new Verdict(VerdictLabel.MOSTLY_TRUE, Distribution.of(VerdictLabel.class,
                new double[] {0.2, 0.5, 0.2, 0.05, 0.03, 0.02}), null, Map.of("quote_speaker_match", 1.0));
        Provenance p = new Provenance("0.1.0", List.of(new ModelRef("stance", "stance-v1", "ab".repeat(32))),
                Map.of("nlp.mode", "LIGHT"), "cd".repeat(32), 2);
        return new Report("r1", claim, v, List.of(e1, e2), List.of(a), List.of(
                new Report.SourceRef("art1", "examples/a.txt", "Envoy hails ties", "https://e.org/a", "Wire"),
                new Report.SourceRef("art2", "examples/b.txt", null, null, "Daily")), p);
    }

    @Test
    void jsonFollowsTheCheckContract() throws Exception {
        JsonNode j = JsonReports.mapper().readTree(JsonReports.toJson(JsonReports.report(sample(ClaimType.FACTUAL),
                true), true));
        assertEquals("MOSTLY_TRUE", j.at("/verdict/label").asText());
        assertEquals(0.5, j.at("/verdict/probabilities/MOSTLY_TRUE").asDouble());
        assertEquals(4, j.at("/verdict/ratingValue").asInt());
        JsonNode e = j.at("/evidence/0");
        for (String f : List.of("article", "text", "start", "end", "stance", "stanceProbabilities")) {
            assertTrue(e.has(f), f);
        }
        assertEquals(0.8123, e.get("similarity").asDouble(), "rounded to 4 decimals");
        assertEquals("examples/a.txt", e.get("file").asText());
        assertEquals("Kang Min-seo", j.at("/attributions/0/canonicalSpeaker").asText());
        assertEquals(10, j.at("/attributions/0/start").asInt());
        assertEquals("stance-v1", j.at("/provenance/models/0/id").asText());
        assertEquals("cd".repeat(32), j.at("/provenance/corpusChecksum").asText());
        assertFalse(JsonReports.report(sample(ClaimType.FACTUAL), false).has("provenance"));
    }

    @Test
    void renderingIsDeterministic() {
        Report r = sample(ClaimType.FACTUAL);
        assertEquals(JsonReports.toJson(JsonReports.report(r, true), true),
                JsonReports.toJson(JsonReports.report(sample(ClaimType.FACTUAL), true), true));
        assertEquals(MarkdownReport.render(r, true), MarkdownReport.render(sample(ClaimType.FACTUAL), true));
    }

    @Test
    void markdownHasTheFactCheckersSectionsAndCitations() {
        String md = MarkdownReport.render(sample(ClaimType.FACTUAL), true);
        int know = md.indexOf("## What We Know");
        int analysis = md.indexOf("## Analysis");
        int conclusion = md.indexOf("## Conclusion");
        int sources = md.indexOf("## Sources");
        assertTrue(know > 0 && know < analysis && analysis < conclusion && conclusion < sources, md);
        assertTrue(md.contains("Kang Min-seo (\u201CKang\u201D) said \u201Cbrothers in every storm\u201D [art1:10-33]"), md);
        assertTrue(md.contains("[art2:5-50] (refutes"), md);
        assertTrue(md.contains("1 supports the claim (from 1 source: Envoy hails ties) and 1 refutes it (from 1 "
                + "source: Daily)"), md);
        assertTrue(md.contains("fits the claim's speaker"), md);
        assertTrue(md.contains("shows that it was said, not that it is so"), md);
        assertTrue(md.contains("is rated Mostly true, with probability 50%"), md);
        assertTrue(md.contains("`art1` Envoy hails ties <https://e.org/a>"), md);
    }

    @Test
    void theAnalysisFollowsTheClaimType() {
        String attribution = MarkdownReport.render(sample(ClaimType.ATTRIBUTION), false);
        assertTrue(attribution.contains("The claim is about what was said"), attribution);
        assertFalse(attribution.contains("not that it is so"));
        assertFalse(attribution.contains("ClaimLens 0.1.0"), "provenance stripped");
    }
}
