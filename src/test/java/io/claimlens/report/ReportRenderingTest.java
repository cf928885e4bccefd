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

    @Test
    void runTimeIsRenderedOnlyWithProvenanceAndNeverInTheResultJson() {
        Report r = sample(ClaimType.FACTUAL);
        RunInfo run1 = new RunInfo(java.time.Instant.parse("2026-11-23T10:00:00.750Z"), 12.34);
        RunInfo run2 = new RunInfo(java.time.Instant.parse("2026-11-23T11:00:00Z"), 99.0);
        var j1 = JsonReports.report(r, true, run1);
        assertEquals("2026-11-23T10:00:00Z", j1.at("/run/startedAt").asText(), "whole seconds, UTC");
        assertEquals(12.3, j1.at("/run/seconds").asDouble());
        var j2 = JsonReports.report(r, true, run2);
        j1.remove("run");
        j2.remove("run");
        assertEquals(JsonReports.toJson(JsonReports.report(r, true), true), JsonReports.toJson(j1, true),
                "the run is the only difference, and the result JSON never has it");
        assertEquals(JsonReports.toJson(j1, true), JsonReports.toJson(j2, true));
        assertFalse(JsonReports.report(r, false, run1).has("run"), "--strip-provenance takes the run too");
        assertFalse(JsonReports.report(r, false, run1).has("provenance"));

        String md = MarkdownReport.render(r, RenderOptions.builder().optRun(run1).build());
        assertTrue(md.contains("run: 2026-11-23T10:00:00Z, 12.3 s"), md);
        String stripped = MarkdownReport.render(r, RenderOptions.builder().optProvenance(false).optRun(run1).build());
        assertFalse(stripped.contains("2026-11-23T10:00:00Z"));
        assertEquals(MarkdownReport.render(r, false), stripped, "stripped output does not depend on the run");
    }

    /** A report whose evidence qualifies the claim; {@code label} and {@code p} set the verdict. */
    static Report partial(VerdictLabel label, double[] p, double speakerMatch) {
        Report base = sample(ClaimType.FACTUAL);
        StanceResult neutral = StanceResult.of(Distribution.of(StanceLabel.class, new double[] {0.3, 0.1, 0.6, 0.0}));
        Evidence qualifying = new Evidence(new Sentence("art2", 4, 2, Span.of(70, 140), "However, the two "
                + "countries still quarrel over fishing rights."), "Daily", 2.0, 0.6, 2, neutral, null);
        Evidence carrier = new Evidence(new Sentence("art1", 2, 1, Span.of(0, 60), "\"Norland and Estovia are "
                + "brothers in every storm,\" the ambassador Kang said."), "Wire", 7.5, 0.8, 0,
                base.evidence().get(0).stance(), base.attributions().get(0));
        Verdict v = new Verdict(label, Distribution.of(VerdictLabel.class, p), null,
                Map.of("quote_speaker_match", speakerMatch, "evidence_hedges", 0.0));
        Attribution headline = Attribution.none(new Quote("art2", Span.of(0, 23), "brothers in every storm", 0),
                io.claimlens.model.NoSpeakerReason.HEADLINE, 0.85, "headline");
        return new Report("r2", base.claim(), v, List.of(carrier, base.evidence().get(1), qualifying),
                List.of(base.attributions().get(0), headline), base.articles(), base.provenance());
    }

    @Test
    void theAnalysisSaysWhatKeepsAClaimFromACleanGrade() {
        Explanation x = Explanation.of(partial(VerdictLabel.PARTIALLY_TRUE,
                new double[] {0.2, 0.1, 0.45, 0.1, 0.1, 0.05}, 1.0));
        String analysis = String.join("\n", x.analysis());
        assertTrue(analysis.contains("The intermediate grades get 65% together (Mostly true 10%, Partially true 45%,"
                + " Mostly false 10%)"), analysis);
        assertTrue(analysis.contains("the evidence points both ways (1 supporting, 1 refuting sentence)"), analysis);
        assertTrue(analysis.contains("every supporting sentence reports the quoted words"), analysis);
        assertTrue(analysis.contains("qualify it: \u201CHowever, the two countries still quarrel over fishing "
                + "rights.\u201D [art2:70-140]"), analysis);
        assertTrue(analysis.contains("1 is on its subject without taking a side (from 1 source: Daily)"), analysis);
        assertTrue(analysis.contains("The words also appear once without a speaker (as a headline once)"), analysis);
        assertTrue(x.conclusion().endsWith("The next most likely grade is True (20%)."), x.conclusion());

        Explanation clean = Explanation.of(partial(VerdictLabel.TRUE, new double[] {0.9, 0.05, 0.02, 0.01, 0.01,
                0.01}, 1.0));
        assertFalse(String.join("\n", clean.analysis()).contains("intermediate grades"), "nothing partial to explain");
        assertFalse(clean.conclusion().contains("next most likely"));
    }

    @Test
    void theAnalysisTellsWhetherTheSpeakerIsTheOneTheClaimNames() {
        Report matched = partial(VerdictLabel.TRUE, new double[] {0.9, 0.05, 0.02, 0.01, 0.01, 0.01}, 1.0);
        String yes = String.join("\n", Explanation.of(matched).analysis());
        assertTrue(yes.contains("were said by Kang Min-seo (\u201CKang\u201D) [art1:10-33], in Envoy hails ties, "
                + "which fits the claim's speaker (\u201Cambassador\u201D)"), yes);
        Report unmatched = partial(VerdictLabel.TRUE, new double[] {0.9, 0.05, 0.02, 0.01, 0.01, 0.01}, 0.0);
        String no = String.join("\n", Explanation.of(unmatched).analysis());
        assertTrue(no.contains("whom the collection does not identify as the claim's speaker"), no);
        assertTrue(no.contains("the sentence that carries the quotation [art1:0-60] does use the word "
                + "\u201Cambassador\u201D"), no);
    }
}
