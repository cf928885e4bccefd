package io.claimlens.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Report;
import io.claimlens.report.ClaimReviewOptions;
import io.claimlens.report.JsonReports;
import io.claimlens.report.Reliability;
import io.claimlens.report.RenderOptions;
import io.claimlens.report.RunInfo;
import io.claimlens.retrieve.Corpus;
import io.claimlens.testing.Fixtures;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Integration: every {@code check} format on the demo claim, with and without provenance (real models). */
class CheckFormatsTest {

    private static Corpus corpus;
    private static Report report;
    private static final RunInfo RUN = new RunInfo(Instant.parse("2026-11-23T09:08:07Z"), 3.0);
    private static final ClaimReviewOptions REVIEW = ClaimReviewOptions.builder()
            .setDatePublished(LocalDate.of(2026, 11, 23)).optReviewUrl("https://checks.example/demo").build();

    @BeforeAll
    static void check() throws Exception {
        ClaimEngine engine = Fixtures.engine();
        corpus = engine.index(List.of(Fixtures.examples()), null, IndexListener.NONE).corpus();
        report = engine.check(DemoCommand.CLAIM, corpus);
    }

    @AfterAll
    static void close() throws Exception {
        corpus.close();
    }

    private static String render(CheckCommand.Format f, boolean provenance) {
        RenderOptions o = RenderOptions.builder().optProvenance(provenance)
                .optReliability(Reliability.ofModel(Fixtures.engine().config().verdictModel())).optRun(RUN).build();
        return CheckCommand.render(f, report, corpus::sentencesOf, o, 1, REVIEW);
    }

    /** Strings that only provenance may contain: the corpus checksum, model hashes, the run's start. */
    private static List<String> provenanceMarks() {
        List<String> marks = new ArrayList<>();
        marks.add(report.provenance().corpusChecksum().substring(0, 16));
        for (ModelRef m : report.provenance().models()) {
            marks.add(m.sha256().substring(0, 12));
        }
        marks.add("2026-11-23T09:08:07Z");
        return marks;
    }

    @Test
    void stripProvenanceAppliesToEveryFormat() {
        for (CheckCommand.Format f : CheckCommand.Format.values()) {
            String stripped = render(f, false);
            for (String mark : provenanceMarks()) {
                assertFalse(stripped.contains(mark), f + " without provenance still has " + mark);
            }
            String full = render(f, true);
            if (f == CheckCommand.Format.CLAIMREVIEW) {
                assertEquals(stripped, full, "ClaimReview carries no provenance either way");
            } else {
                for (String mark : provenanceMarks()) {
                    assertTrue(full.contains(mark), f + " with provenance lacks " + mark);
                }
            }
        }
    }

    @Test
    void eachFormatIsWhatItSays() throws Exception {
        JsonNode json = JsonReports.mapper().readTree(render(CheckCommand.Format.JSON, true));
        assertEquals(report.id(), json.get("id").asText());
        assertEquals(3.0, json.at("/run/seconds").asDouble());
        JsonNode review = JsonReports.mapper().readTree(render(CheckCommand.Format.CLAIMREVIEW, true));
        assertEquals("ClaimReview", review.get("@type").asText());
        assertEquals("Kang Min-seo", review.at("/itemReviewed/author/name").asText());
        String md = render(CheckCommand.Format.MARKDOWN, true);
        assertTrue(md.contains("## What We Know") && md.contains("*How reliable the probabilities are:*"), md);
        var page = Jsoup.parse(render(CheckCommand.Format.HTML, true));
        assertTrue(page.getElementById("attribution").text().contains("said by Kang Min-seo"));
        assertFalse(page.select("#evidence .ctx").isEmpty(), "the corpus gives the evidence its context");
        assertThrows(IllegalArgumentException.class, () -> CheckCommand.Format.parse("pdf"));
        assertEquals(CheckCommand.Format.CLAIMREVIEW, CheckCommand.Format.parse("claimreview"));
    }

    @Test
    void helpNamesTheFormatsAndTheReviewOptions() {
        CommandLine cl = Main.commandLine();
        StringWriter out = new StringWriter();
        cl.setOut(new PrintWriter(out));
        assertEquals(0, cl.execute("check", "--help"));
        for (String s : List.of("html", "claimreview", "--org", "--org-url", "--review-url", "--date",
                "--strip-provenance", "--context")) {
            assertTrue(out.toString().contains(s), s);
        }
    }
}
