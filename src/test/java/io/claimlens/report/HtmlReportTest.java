package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Distribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.Quote;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The HTML page's structure, self-containment and escaping, without a browser (see HtmlReportBrowserTest). */
class HtmlReportTest {

    static final RunInfo RUN = new RunInfo(Instant.parse("2026-11-23T10:15:30Z"), 12.34);

    /** The sample report's article art1, sentence by sentence: the evidence sentence is index 2 (offsets 0-60). */
    static List<Sentence> art1Sentences() {
        List<Sentence> s = new ArrayList<>();
        s.add(new Sentence("art1", 0, 0, Span.of(0, 0), "Before."));
        s.add(new Sentence("art1", 1, 0, Span.of(0, 0), "The envoy arrived on Monday."));
        s.add(new Sentence("art1", 2, 1, Span.of(0, 60), "\"Norland and Estovia are brothers in every storm,\" Kang "
                + "said."));
        s.add(new Sentence("art1", 3, 1, Span.of(61, 90), "Talks continue on Friday."));
        s.add(new Sentence("art1", 4, 2, Span.of(91, 100), "Far away."));
        return s;
    }

    static RenderOptions options(boolean provenance) {
        Report r = ReportRenderingTest.sample(ClaimType.FACTUAL);
        return RenderOptions.builder().optProvenance(provenance)
                .optContext(ArticleContext.of(r, id -> id.equals("art1") ? art1Sentences() : null, 1))
                .optReliability(ReliabilityTest.sampleReliability()).optRun(RUN).build();
    }

    @Test
    void thePageIsSelfContainedAndRunsNothing() {
        String html = HtmlReport.render(ReportRenderingTest.sample(ClaimType.FACTUAL), options(true));
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script, link, img, iframe, object, embed, base, form").isEmpty(),
                "nothing to load or run");
        assertTrue(d.select("[src]").isEmpty());
        assertTrue(d.select("[^on]").isEmpty(), "no event handlers");
        String css = d.select("style").html();
        assertFalse(css.isBlank(), "inline CSS");
        assertFalse(css.contains("url(") || css.contains("@import"), "the CSS fetches nothing");
        Element csp = d.selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(csp);
        assertTrue(csp.attr("content").startsWith("default-src 'none'"), csp.attr("content"));
        for (Element a : d.select("a[href]")) {
            String href = a.attr("href");
            assertTrue(href.startsWith("#") || href.equals("https://e.org/a"), "only in-page links and source URLs: "
                    + href);
            if (href.startsWith("#")) {
                assertNotNull(d.getElementById(href.substring(1)), "link target exists: " + href);
            }
        }
    }

    @Test
    void theVerdictHasABarOverAllSixGradesAndTheReliabilityNote() {
        Document d = Jsoup.parse(HtmlReport.render(ReportRenderingTest.sample(ClaimType.FACTUAL), options(true)));
        assertEquals("Verdict: Mostly true probability 50%", d.selectFirst("#verdict .verdict-label").text());
        List<Element> bar = d.select("#verdict .bar span");
        assertEquals(VerdictLabel.values().length, bar.size());
        double total = 0;
        Pattern width = Pattern.compile("width: ([0-9.]+)%");
        for (Element s : bar) {
            Matcher m = width.matcher(s.attr("style"));
            assertTrue(m.matches(), s.attr("style"));
            total += Double.parseDouble(m.group(1));
        }
        assertEquals(100.0, total, 0.05);
        assertEquals("Mostly true 50.0%", d.selectFirst("#verdict tr.chosen").text());
        assertEquals(6, d.select("#verdict table.grades tr").size());
        assertTrue(d.getElementById("reliability").text().contains("temperature scaling"));
        assertTrue(d.getElementById("reliability").text().contains("0.033"));
    }

    @Test
    void evidenceIsHighlightedInItsArticleContextByStance() {
        Document d = Jsoup.parse(HtmlReport.render(ReportRenderingTest.sample(ClaimType.FACTUAL), options(true)));
        Element art1 = d.getElementById("art-art1");
        assertNotNull(art1);
        Element ev = art1.selectFirst(".ev.st-supports");
        assertNotNull(ev, art1.html());
        assertTrue(ev.text().contains("Kang said."));
        assertTrue(ev.selectFirst(".badge").text().startsWith("supports 0.90"));
        String sentence = art1Sentences().get(2).text();
        assertEquals(sentence.substring(10, 33), ev.selectFirst(".quote").text(), "the attributed quote's span");
        assertEquals(sentence.substring(40, 44), ev.selectFirst(".speaker").text(), "the speaker's span");
        List<String> context = art1.select(".ctx").eachText();
        assertEquals(List.of("Before.", "The envoy arrived on Monday.", "Talks continue on Friday."), context,
                "window 1 around the evidence (sentence 2) and the attributed quote (sentence 0), nothing further");
        assertNotNull(d.selectFirst("#art-art2 .ev.st-refutes"), "the refuting sentence in red");
        assertTrue(d.getElementById("attribution").text().contains("said by Kang Min-seo (\u201CKang\u201D in the "
                + "text) in Envoy hails ties"), d.getElementById("attribution").text());
        assertTrue(d.select("#sources li").eachText().get(0).contains("Envoy hails ties"));
        assertEquals("https://e.org/a", d.selectFirst("#src-art1 a").attr("href"));
    }

    @Test
    void withoutContextTheCitedSentencesStandAlone() {
        Document d = Jsoup.parse(HtmlReport.render(ReportRenderingTest.sample(ClaimType.FACTUAL),
                RenderOptions.defaults()));
        assertTrue(d.select(".ctx").isEmpty());
        assertEquals(2, d.select("#evidence .article .ev").size());
        assertTrue(d.select("#reliability").isEmpty(), "no note without a card");
    }

    @Test
    void provenanceAndRunTimeGoTogether() {
        Report r = ReportRenderingTest.sample(ClaimType.FACTUAL);
        String with = Jsoup.parse(HtmlReport.render(r, options(true))).getElementById("provenance").text();
        assertTrue(with.contains("sha256:" + "ab".repeat(32)), with);
        assertTrue(with.contains("cd".repeat(32)));
        assertTrue(with.contains("run 2026-11-23T10:15:30Z, 12.3 s"), with);
        assertTrue(with.contains("nlp.mode=LIGHT"));
        String html = HtmlReport.render(r, options(false));
        for (String leak : List.of("ab".repeat(32), "cd".repeat(32), "2026-11-23T10:15:30Z", "nlp.mode")) {
            assertFalse(html.contains(leak), "stripped: " + leak);
        }
        assertTrue(Jsoup.parse(html).getElementById("provenance").text().contains("provenance left out"));
    }

    @Test
    void renderingIsDeterministic() {
        Report r = ReportRenderingTest.sample(ClaimType.FACTUAL);
        assertEquals(HtmlReport.render(r, options(true)), HtmlReport.render(ReportRenderingTest.sample(
                ClaimType.FACTUAL), options(true)));
    }

    @Test
    void everythingFromTheInputIsEscaped() {
        String evil = "<script>document.title='pwned'</script><img src=x onerror=alert(1)>\"></p><b>";
        Claim claim = new Claim("Bridges " + evil + " are 'open,' says mayor.", "Bridges are open",
                List.of("open"), "mayor", true, List.of(), ClaimType.ATTRIBUTION);
        Quote q = new Quote("id with <b>spaces</b>", Span.of(0, 4), "open " + evil, 0);
        Attribution a = Attribution.speaker(q, "Mayor " + evil, "Mayor " + evil, Span.of(10, 14),
                SpeakerKind.PERSON, 0.8, "rule");
        Evidence e = new Evidence(new Sentence(q.articleId(), 0, 0, Span.of(0, 40), "It is open " + evil), evil, 1,
                0.5, 0, StanceResult.of(Distribution.of(StanceLabel.class, new double[] {0.7, 0.1, 0.1, 0.1})), a);
        Verdict v = new Verdict(VerdictLabel.TRUE, Distribution.certain(VerdictLabel.TRUE), null, Map.of());
        Report r = new Report("r-evil", claim, v, List.of(e), List.of(a), List.of(new Report.SourceRef(q.articleId(),
                "file " + evil, "Title " + evil, "javascript:alert(1)", "Outlet " + evil)),
                ReportRenderingTest.sample(ClaimType.FACTUAL).provenance());
        String html = HtmlReport.render(r, RenderOptions.defaults());
        Document d = Jsoup.parse(html);
        assertTrue(d.select("script, img, b").isEmpty(), "no element from the input: " + d.select("script, img, b"));
        assertTrue(d.select("[^on]").isEmpty());
        assertTrue(d.select("a[href^=javascript]").isEmpty(), "unsafe URLs are not linked");
        assertEquals("Fact check: " + claim.text(), d.title());
        assertTrue(d.body().text().contains("It is open " + evil));
        assertTrue(d.body().text().contains("Title " + evil));
        for (Element el : d.select("[id]")) {
            assertTrue(el.id().matches("[A-Za-z0-9_-]+"), "plain ids only: " + el.id());
        }
    }

    @Test
    void articleContextKeepsAWindowAroundCitedSentences() {
        Report r = ReportRenderingTest.sample(ClaimType.FACTUAL);
        List<Sentence> ten = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ten.add(new Sentence("art2", 9 - i, 0, Span.of(0, 1), "s" + (9 - i)));
        }
        ArticleContext c = ArticleContext.of(r, id -> id.equals("art2") ? ten : art1Sentences(), 2);
        assertEquals(List.of(0, 1, 2), c.of("art2").stream().map(Sentence::index).toList(),
                "art2's evidence is sentence 0: window 2, in index order");
        assertEquals(List.of(0, 1, 2, 3, 4), c.of("art1").stream().map(Sentence::index).toList(),
                "art1: the evidence sentence 2 and the quote's sentence 0");
        assertTrue(ArticleContext.none().of("art1").isEmpty());
        assertTrue(ArticleContext.of(r, id -> null, 1).sentences().isEmpty());
    }
}
