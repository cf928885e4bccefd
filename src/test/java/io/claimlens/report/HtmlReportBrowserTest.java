package io.claimlens.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.engine.IndexResult;
import io.claimlens.model.Distribution;
import io.claimlens.model.Report;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import io.claimlens.retrieve.Corpus;
import io.claimlens.testing.Chromium;
import io.claimlens.testing.Fixtures;
import io.claimlens.testing.SeedCase;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Integration: HTML reports as headless Chromium renders them (real engine, real models). Needs Debian's
 * {@code chromium}: {@code .ci/run} installs it; under CI a missing browser fails, elsewhere these tests skip.
 */
class HtmlReportBrowserTest {

    /** Dangerous article text: it must show up as text, and none of it may run. */
    static final String SCRIPT = "<script>document.title='pwned'</script>";
    static final String IMG = "<img src=x onerror=\"document.title='pwned'\">";
    static final String BREAKOUT = "\"></p><script>document.title='pwned'</script>";

    /**
     * Appended to a copy of a page (whose CSP meta is removed so the probe may run): records, for each element,
     * whether the browser shows it (checkVisibility with opacity and visibility, a non-empty box) and whether the
     * expected words are in its rendered text (innerText leaves out text hidden by CSS).
     */
    private static final String PROBE = "<script>(function(){function check(sel,text){var el=document.querySelector("
            + "sel);if(!el){return {found:false};}var r=el.getBoundingClientRect();return {found:true,visible:el"
            + ".checkVisibility({opacityProperty:true,visibilityProperty:true}),width:r.width,height:r.height,"
            + "left:r.left,top:r.top,hasText:el.innerText.indexOf(text)>=0};}"
            + "document.body.setAttribute('data-probe',JSON.stringify({verdict:check('#verdict .verdict-label',"
            + "VERDICT),attribution:check('#attribution .said',SAID),speaker:check('#attribution .speaker-name',"
            + "'Alexandr Matsegora')}));})();</script>";

    @TempDir
    Path dir;

    @Test
    void theSeedReportShowsItsVerdictAndTheMatsegoraAttributionInChromium() throws Exception {
        SeedCase seed = SeedCase.get();
        assumeTrue(seed != null, "../shared/seeds not present");
        Chromium chromium = Chromium.find(dir);
        Report r = seed.report();
        String html = HtmlReport.render(r, RenderOptions.builder()
                .optContext(seed.context())
                .optReliability(Reliability.ofModel(Fixtures.engine().config().verdictModel()))
                .optRun(new RunInfo(Instant.parse("2026-11-23T12:00:00Z"), 42.0))
                .build());
        String verdict = "Verdict: " + r.verdict().label().alternateName();
        String said = "said by Alexandr Matsegora";
        Path page = write("seed.html", html);

        Path png = chromium.screenshot(page, dir.resolve("seed.png"), 1200, 2400);
        byte[] bytes = Files.readAllBytes(png);
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'},
                Arrays.copyOf(bytes, 8), "a PNG");
        assertEquals(1200, ByteBuffer.wrap(bytes, 16, 4).getInt(), "width from the IHDR chunk");
        assertEquals(2400, ByteBuffer.wrap(bytes, 20, 4).getInt(), "height from the IHDR chunk");
        assertTrue(bytes.length > 50_000, "a page with content, not a blank screen: " + bytes.length + " bytes");
        Path kept = Path.of("target", "chromium", "seed-report.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
        Files.copy(page, kept.resolveSibling("seed-report.html"), StandardCopyOption.REPLACE_EXISTING);

        Document loaded = Jsoup.parse(chromium.dumpDom(page));
        assertEquals("Fact check: " + SeedCase.CLAIM, loaded.title());
        assertTrue(loaded.getElementById("verdict").text().contains(verdict), loaded.getElementById("verdict").text());
        assertTrue(loaded.getElementById("attribution").text().contains(said),
                loaded.getElementById("attribution").text());

        Path probed = write("seed-probe.html", withoutCsp(html).replace("</body>", PROBE
                .replace("VERDICT", jsString(verdict)).replace("SAID", jsString(said)) + "</body>"));
        Document d = Jsoup.parse(chromium.dumpDom(probed));
        JsonNode probe = JsonReports.mapper().readTree(d.body().attr("data-probe"));
        for (String element : List.of("verdict", "attribution", "speaker")) {
            JsonNode p = probe.get(element);
            assertTrue(p.get("found").asBoolean(), element + " " + p);
            assertTrue(p.get("visible").asBoolean(), element + " is visible: " + p);
            assertTrue(p.get("width").asDouble() > 0 && p.get("height").asDouble() > 0, element + " has a box: " + p);
            assertTrue(p.get("left").asDouble() >= 0 && p.get("top").asDouble() >= 0,
                    element + " is on the page: " + p);
            assertTrue(p.get("hasText").asBoolean(), element + " shows its text: " + p);
        }
    }

    @Test
    void articleMarkupIsShownAsTextAndNoScriptRuns() throws Exception {
        Chromium chromium = Chromium.find(dir);
        Path articles = dir.resolve("articles");
        Files.createDirectories(articles);
        String text = "The mayor said the harbour bridge will open in May " + SCRIPT + " after the repairs.\n\n"
                + "The council confirmed that the harbour bridge will open in May " + IMG + " as planned.\n\n"
                + "Critics said the harbour bridge will open in May" + BREAKOUT + " only if the budget holds.\n\n"
                + "Mayor Anna Berg said: \u201CThe harbour bridge will open in May.\u201D";
        String line = JsonReports.mapper().createObjectNode().put("id", "xss-1")
                .put("title", "Bridge news " + SCRIPT).put("url", "javascript:document.title='pwned'")
                .put("source", "Harbour Daily " + IMG).put("text", text).toString();
        Files.writeString(articles.resolve("feed.jsonl"), line + "\n", StandardCharsets.UTF_8);
        ClaimEngine engine = Fixtures.engine();
        IndexResult ix = engine.index(List.of(articles), null, IndexListener.NONE);
        String claim = "The harbour bridge 'will open in May,' says the mayor.";
        String html;
        try (Corpus corpus = ix.corpus()) {
            assertEquals(1, corpus.articleCount(), ix.problems().toString());
            Report r = engine.check(claim, corpus);
            String evidence = String.join("\n", r.evidence().stream().map(e -> e.sentence().text()).toList());
            assertTrue(evidence.contains("<script>") && evidence.contains("onerror=") && evidence.contains("\"></p>"),
                    "the dangerous sentences are evidence, so the page must show them: " + evidence);
            html = HtmlReport.render(r, RenderOptions.builder()
                    .optContext(ArticleContext.of(r, corpus::sentencesOf, 2)).build());
        }
        String title = "Fact check: " + claim;

        Document loaded = Jsoup.parse(chromium.dumpDom(write("xss.html", html)));
        assertNotEquals("pwned", loaded.title());
        assertEquals(title, loaded.title(), "no script changed the title");
        assertTrue(loaded.select("script, img, iframe, object, embed").isEmpty(), "no element from article text");
        assertTrue(loaded.select("[^on]").isEmpty(), "no event-handler attribute anywhere");
        assertTrue(loaded.select("a[href^=javascript]").isEmpty(), "a javascript: URL is not linked");
        String shown = loaded.body().text();
        for (String s : List.of(SCRIPT, IMG, BREAKOUT, "Bridge news " + SCRIPT)) {
            assertTrue(shown.contains(s), "shown as text: " + s);
        }
        assertTrue(html.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"), "escaped in the file");

        // The Content-Security-Policy would stop an injected script on its own; escaping must stop it without it.
        Document noCsp = Jsoup.parse(chromium.dumpDom(write("xss-no-csp.html", withoutCsp(html))));
        assertEquals(title, noCsp.title(), "escaping alone keeps scripts from running");
        assertTrue(noCsp.select("script, img").isEmpty());

        // Control: the same text put into a page unescaped does run, so the title check above can fail.
        Path control = write("control.html", "<!DOCTYPE html><html><head><title>" + title + "</title></head><body><p>"
                + text.replace("\n\n", "</p><p>") + "</p></body></html>");
        assertEquals("pwned", Jsoup.parse(chromium.dumpDom(control)).title(), "the detector detects");
    }

    @Test
    void theIndexPageSortsAndFiltersInChromium() throws Exception {
        Chromium chromium = Chromium.find(dir);
        List<Report> reports = List.of(withVerdict("r-a", "Alpha claim.", VerdictLabel.TRUE, 0.5),
                withVerdict("r-b", "Beta claim.", VerdictLabel.FALSE, 0.9),
                withVerdict("r-c", "Gamma claim.", VerdictLabel.TRUE, 0.7));
        Path index = HtmlReports.write(dir.resolve("site"), reports, RenderOptions.defaults(),
                r -> ArticleContext.none());
        Document loaded = Jsoup.parse(chromium.dumpDom(index));
        assertFalse(loaded.getElementById("controls").hasAttr("hidden"), "the script ran under the page's policy");
        assertEquals("3 of 3 claims shown", loaded.getElementById("shown").text());

        String probe = "<script>(function(){var out={};function order(){return Array.prototype.map.call("
                + "document.querySelectorAll('#claims tbody tr:not([hidden]) td:first-child'),function(td){return "
                + "td.textContent;});}var b=document.querySelectorAll('#claims thead button');b[2].click();"
                + "out.ascending=order();b[2].click();out.descending=order();var f=document.getElementById("
                + "'filter-verdict');f.value='g-true';f.dispatchEvent(new Event('change'));out.onlyTrue=order();"
                + "f.value='';f.dispatchEvent(new Event('change'));var t=document.getElementById('filter-text');"
                + "t.value='gamma';t.dispatchEvent(new Event('input'));out.text=order();"
                + "document.body.setAttribute('data-probe',JSON.stringify(out));})();</script>";
        String html = Files.readString(index, StandardCharsets.UTF_8);
        String withoutPolicy = html.replaceFirst("<meta http-equiv=\"Content-Security-Policy\" content=\"[^\"]*\">",
                "");
        Path probed = write("site/index-probe.html", withoutPolicy.replace("</body>", probe + "</body>"));
        JsonNode p = JsonReports.mapper().readTree(Jsoup.parse(chromium.dumpDom(probed)).body().attr("data-probe"));
        assertEquals(List.of("Alpha claim.", "Gamma claim.", "Beta claim."), texts(p.get("ascending")),
                "by confidence, ascending");
        assertEquals(List.of("Beta claim.", "Gamma claim.", "Alpha claim."), texts(p.get("descending")));
        assertEquals(List.of("Gamma claim.", "Alpha claim."), texts(p.get("onlyTrue")), "filtered by verdict");
        assertEquals(List.of("Gamma claim."), texts(p.get("text")), "filtered by text");
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** The sample report with another id, claim text and verdict (probability {@code p} on {@code label}). */
    private static Report withVerdict(String id, String claim, VerdictLabel label, double p) {
        Report s = HtmlReportsTest.renamed(id, claim);
        double[] probs = new double[VerdictLabel.values().length];
        java.util.Arrays.fill(probs, (1 - p) / (probs.length - 1));
        probs[label.ordinal()] = p;
        return new Report(s.id(), s.claim(), new Verdict(label, Distribution.of(VerdictLabel.class, probs), null,
                s.verdict().features()), s.evidence(), s.attributions(), s.articles(), s.provenance());
    }

    private Path write(String name, String html) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, html, StandardCharsets.UTF_8);
        return p;
    }

    private static String withoutCsp(String html) {
        String meta = "<meta http-equiv=\"Content-Security-Policy\" content=\"" + HtmlReport.PAGE_CSP
                .replace("'", "&#39;") + "\">";
        assertTrue(html.contains(meta), "the page carries its CSP");
        return html.replace(meta, "");
    }

    private static String jsString(String s) {
        return JsonReports.toJson(s, false);
    }
}
