package io.claimlens.report;

import io.claimlens.model.ClaimType;
import io.claimlens.model.Report;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlReportsTest {

    @TempDir
    Path dir;

    /** The sample report under another id and claim text. */
    static Report renamed(String id, String claimText) {
        Report s = ReportRenderingTest.sample(ClaimType.FACTUAL);
        var c = s.claim();
        return new Report(id, new io.claimlens.model.Claim(claimText, c.proposition(), c.quotedPhrases(), c.speaker(),
                c.speakerIsRole(), c.entities(), c.type()), s.verdict(), s.evidence(), s.attributions(), s.articles(),
                s.provenance());
    }

    static List<Report> batch() {
        return List.of(renamed("r1", "First claim."), renamed("../../etc/passwd", "Second claim."),
                renamed("r1", "First claim again."), renamed("index", "Fourth claim."),
                renamed("a/b\\c:d*e?f\"g<h>i|j", "Fifth claim."));
    }

    @Test
    void pageNamesAreSafeUniqueAndStable() {
        List<String> names = HtmlReports.pageNames(batch());
        assertEquals("r1.html", names.get(0));
        assertEquals("r1-2.html", names.get(2), "a repeated id gets a suffix");
        assertEquals(names, HtmlReports.pageNames(batch()), "stable");
        assertEquals(names.size(), names.stream().distinct().count());
        for (String n : names) {
            assertTrue(n.matches("[A-Za-z0-9][A-Za-z0-9_-]*\\.html") && !n.equals(HtmlReports.INDEX), n);
        }
    }

    @Test
    void writesAnIndexAndOnePagePerClaimLinkedRelatively() throws Exception {
        Path site = dir.resolve("site");
        Path index = HtmlReports.write(site, batch(), RenderOptions.builder()
                .optReliability(ReliabilityTest.sampleReliability()).optRun(HtmlReportTest.RUN).build(),
                r -> ArticleContext.none());
        assertEquals(site.resolve("index.html"), index);
        List<String> files;
        try (Stream<Path> all = Files.walk(dir)) {
            files = all.filter(Files::isRegularFile).map(p -> site.relativize(p).toString()).sorted().toList();
        }
        assertEquals(6, files.size(), files.toString());
        for (String f : files) {
            assertTrue(!f.contains("/") && !f.contains(".."), "every file directly in the site: " + f);
        }
        Document d = Jsoup.parse(Files.readString(index, StandardCharsets.UTF_8));
        List<Element> rows = d.select("#claims tbody tr");
        assertEquals(5, rows.size());
        assertEquals(HtmlReports.pageNames(batch()), rows.stream().map(r -> r.selectFirst("a").attr("href")).toList());
        Element first = rows.get(0);
        assertEquals("g-mostly-true", first.attr("data-verdict"));
        assertEquals(List.of("First claim.", "Mostly true", "50%", "Kang Min-seo", "2: Envoy hails ties, Daily"),
                first.select("td").eachText());
        assertEquals(List.of("Claim", "Verdict", "Confidence", "Speaker", "Sources"), d.select("thead th button")
                .eachText(), "every column sorts");
        assertTrue(d.getElementById("controls").hasAttr("hidden"), "filters appear only when the script runs");
        for (Element a : rows.stream().map(r -> r.selectFirst("a")).toList()) {
            Path page = site.resolve(a.attr("href"));
            assertTrue(Files.isRegularFile(page), a.attr("href"));
            Document p = Jsoup.parse(Files.readString(page, StandardCharsets.UTF_8));
            assertEquals("index.html", p.selectFirst("p.nav a").attr("href"), "back to the index, relatively");
            assertEquals("Fact check: " + a.text(), p.title());
        }
        assertTrue(d.getElementById("provenance").text().contains("run 2026-11-23T10:15:30Z"));
    }

    @Test
    void theIndexPolicyAllowsExactlyItsOwnScript() throws Exception {
        String evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>\"'>";
        List<Report> reports = new java.util.ArrayList<>(batch());
        reports.add(renamed("r-evil", evil));
        Document d = Jsoup.parse(HtmlReports.renderIndex(reports, RenderOptions.defaults()));
        assertTrue(d.select("#claims tbody").text().contains(evil), "claim text shown as text");
        assertTrue(d.select("#claims img, #claims script, [^on]").isEmpty());
        List<Element> scripts = d.select("script");
        assertEquals(1, scripts.size());
        String csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
        assertTrue(csp.startsWith("default-src 'none';"), csp);
        assertTrue(csp.contains("script-src " + Templates.cspHash(scripts.get(0).data()) + ";"), csp);
        assertNotNull(d.getElementById("filter-text"));
        assertEquals(7, d.select("#filter-verdict option").size(), "any, and the six grades");
    }
}
