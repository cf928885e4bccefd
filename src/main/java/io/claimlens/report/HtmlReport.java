package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.ContentHash;
import io.claimlens.model.Evidence;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Provenance;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.VerdictLabel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders one report as a self-contained HTML page: the claim; the verdict with a probability bar over all six
 * grades and the reliability note; who said the quoted words, and where; the fact-checker's sections; the evidence
 * sentences highlighted in their article context in stance colours; the sources; and the provenance.
 *
 * <p>Self-contained and inert: the CSS is inline, nothing is fetched (no fonts, images, scripts or CDN), and a
 * Content-Security-Policy ({@code default-src 'none'}) forbids the page from loading or running anything, as a
 * second line of defence behind the template engine's auto-escaping of every value. Links to article URLs are kept
 * only for http(s) URLs. The output is deterministic for the same report and options.
 *
 * <p>Thread-safe; templates are compiled once.
 */
public final class HtmlReport {

    /** No fetches, no scripts, no plugins, no forms; inline styles only. */
    static final String PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; "
            + "form-action 'none'";

    private static final Pattern CITATION = Pattern.compile("\\[([^\\[\\]\\s]+):(\\d+)-(\\d+)\\]");
    private static final Pattern SAFE_URL = Pattern.compile("(?i)https?://[^\\s\\p{Cntrl}]+");
    private static final Pattern SAFE_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    private HtmlReport() {
    }

    /** The page for one report. */
    public static String render(Report r, RenderOptions options) {
        return Templates.render("report.peb", model(r, options));
    }

    // ------------------------------------------------------------------------------------------------------------
    // The template's view of a report. Public records only because the template engine reads them reflectively;
    // they are not an API.

    /** A run of text, linked when {@code href} is non-null. */
    public record Segment(String text, String href) {
    }

    /** A run of sentence text; {@code cls} is "", "quote" or "speaker". */
    public record Piece(String text, String cls) {
    }

    /** One grade of the probability bar. */
    public record Grade(String name, String cls, String percent, String width, boolean chosen) {
    }

    /** One sentence in its article context. */
    public record SentenceView(String id, List<Piece> pieces, boolean evidence, String cls, String badge,
                               String title) {
    }

    /** Consecutive sentences of one paragraph. */
    public record Paragraph(List<SentenceView> sentences) {
    }

    /** Consecutive sentences of an article, possibly across paragraphs; passages are separated by a gap. */
    public record Passage(List<Paragraph> paragraphs) {
    }

    /** An article's cited sentences in context. */
    public record ArticleView(String anchor, String label, String stances, List<Passage> passages) {
    }

    /** Who said the quoted words. */
    public record Said(String quote, String speaker, String asWritten, String kind, String sourceLabel,
                       String sourceHref, String cite, String citeHref, String rule, String confidence) {
    }

    /** One source in the list. */
    public record SourceView(String anchor, String label, String url, String outlet, String origin, String id,
                             String stances) {
    }

    /** A name and a value (configuration, models). */
    public record Entry(String name, String value) {
    }

    /** The provenance footer. */
    public record ProvenanceView(String engineVersion, List<Entry> models, List<Entry> config, String corpusChecksum,
                                 int articleCount, String run) {
    }

    static Map<String, Object> model(Report r, RenderOptions o) {
        Anchors anchors = new Anchors(r, o.context());
        Map<String, Object> m = new HashMap<>();
        Explanation x = Explanation.of(r);
        m.put("csp", PAGE_CSP);
        m.put("claim", r.claim());
        m.put("verdictLabel", r.verdict().label().alternateName());
        m.put("verdictCls", gradeCls(r.verdict().label()));
        m.put("confidence", percent(r.verdict().confidence(), 0));
        m.put("grades", grades(r));
        m.put("reason", r.verdict().reason() == null ? null
                : r.verdict().reason().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        m.put("reliability", o.reliability() == null ? null : o.reliability().describe());
        List<Article> articles = articles(r, o.context(), anchors);
        m.put("said", said(r, anchors));
        m.put("unattributed", Explanation.unattributed(r));
        m.put("know", lines(x.whatWeKnow(), anchors));
        m.put("analysis", lines(x.analysis(), anchors));
        m.put("conclusion", line(x.conclusion(), anchors));
        m.put("articles", articles.stream().map(Article::view).toList());
        m.put("sources", sources(r, anchors));
        m.put("provenance", o.provenance() ? provenance(r.provenance(), o.shownRun()) : null);
        m.put("indexHref", o.indexHref());
        m.put("reportId", r.id());
        return m;
    }

    private static List<Grade> grades(Report r) {
        List<Grade> g = new ArrayList<>();
        for (VerdictLabel l : VerdictLabel.values()) {
            double p = r.verdict().probabilities().get(l);
            g.add(new Grade(l.alternateName(), gradeCls(l), percent(p, 1),
                    String.format(Locale.ROOT, "%.2f%%", 100 * p), l == r.verdict().label()));
        }
        return g;
    }

    static String gradeCls(VerdictLabel l) {
        return "g-" + l.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private static List<Said> said(Report r, Anchors anchors) {
        List<Said> out = new ArrayList<>();
        for (Attribution a : r.attributions()) {
            if (!a.hasSpeaker()) {
                continue;
            }
            String article = a.quote().articleId();
            String cite = Citation.of(article, a.quote().span());
            out.add(new Said(a.quote().text(), a.canonicalSpeaker(),
                    a.speaker().equals(a.canonicalSpeaker()) ? null : a.speaker(),
                    a.kind() == null ? null : kindLabel(a.kind()), Citation.shortLabel(r, article),
                    "#" + anchors.source(article), cite, anchors.href(article, a.quote().span().start()), a.rule(),
                    percent(a.confidence(), 0)));
        }
        return out;
    }

    private static String kindLabel(SpeakerKind k) {
        return switch (k) {
            case PERSON -> "person";
            case GROUP -> "group";
            case ORGANIZATION -> "organisation";
        };
    }

    private static List<List<Segment>> lines(List<String> texts, Anchors anchors) {
        return texts.stream().map(t -> line(t, anchors)).toList();
    }

    /** Splits generated text at its citations, linking each to the cited sentence (or article) on the page. */
    private static List<Segment> line(String text, Anchors anchors) {
        List<Segment> out = new ArrayList<>();
        Matcher m = CITATION.matcher(text);
        int at = 0;
        while (m.find()) {
            if (m.start() > at) {
                out.add(new Segment(text.substring(at, m.start()), null));
            }
            out.add(new Segment(m.group(), anchors.href(m.group(1), Integer.parseInt(m.group(2)))));
            at = m.end();
        }
        if (at < text.length()) {
            out.add(new Segment(text.substring(at), null));
        }
        return out;
    }

    /** An article's sentences to show: the evidence and context sentences, and the quote spans to highlight. */
    private record Article(String id, ArticleView view) {
    }

    private static List<Article> articles(Report r, ArticleContext context, Anchors anchors) {
        Map<String, TreeMap<Integer, Sentence>> byArticle = new LinkedHashMap<>();
        Map<String, Evidence> evidenceAt = new HashMap<>();
        for (Report.SourceRef s : r.articles()) {
            byArticle.put(s.id(), new TreeMap<>());
        }
        for (Evidence e : r.evidence()) {
            byArticle.computeIfAbsent(e.articleId(), k -> new TreeMap<>()).put(e.sentence().index(), e.sentence());
            evidenceAt.putIfAbsent(e.articleId() + ":" + e.sentence().index(), e);
        }
        for (Map.Entry<String, TreeMap<Integer, Sentence>> a : byArticle.entrySet()) {
            for (Sentence s : context.of(a.getKey())) {
                a.getValue().putIfAbsent(s.index(), s);
            }
        }
        List<Article> out = new ArrayList<>();
        for (Map.Entry<String, TreeMap<Integer, Sentence>> a : byArticle.entrySet()) {
            if (a.getValue().isEmpty()) {
                continue;
            }
            String id = a.getKey();
            List<Span> quotes = new ArrayList<>();
            List<Span> speakers = new ArrayList<>();
            for (Attribution at : r.attributions()) {
                if (at.hasSpeaker() && at.quote().articleId().equals(id)) {
                    quotes.add(at.quote().span());
                    if (at.speakerSpan() != null) {
                        speakers.add(at.speakerSpan());
                    }
                }
            }
            List<Passage> passages = new ArrayList<>();
            List<Paragraph> paragraphs = new ArrayList<>();
            List<SentenceView> current = new ArrayList<>();
            Sentence previous = null;
            int[] stanceCounts = new int[StanceLabel.values().length];
            for (Sentence s : a.getValue().values()) {
                if (previous != null && s.index() != previous.index() + 1) {
                    paragraphs.add(new Paragraph(current));
                    passages.add(new Passage(paragraphs));
                    paragraphs = new ArrayList<>();
                    current = new ArrayList<>();
                } else if (previous != null && s.paragraph() != previous.paragraph()) {
                    paragraphs.add(new Paragraph(current));
                    current = new ArrayList<>();
                }
                Evidence e = evidenceAt.get(id + ":" + s.index());
                if (e != null) {
                    stanceCounts[Explanation.counted(e).ordinal()]++;
                }
                current.add(sentence(s, e, quotes, speakers, anchors));
                previous = s;
            }
            paragraphs.add(new Paragraph(current));
            passages.add(new Passage(paragraphs));
            out.add(new Article(id, new ArticleView(anchors.article(id), Citation.shortLabel(r, id),
                    stanceSummary(stanceCounts), passages)));
        }
        return out;
    }

    private static SentenceView sentence(Sentence s, Evidence e, List<Span> quotes, List<Span> speakers,
                                         Anchors anchors) {
        List<Piece> pieces = pieces(s, quotes, speakers);
        String id = anchors.sentenceId(s.articleId(), s.start());
        if (e == null) {
            return new SentenceView(id, pieces, false, "ctx", null, null);
        }
        StanceLabel st = Explanation.counted(e);
        String stance = st.name().toLowerCase(Locale.ROOT);
        String badge = String.format(Locale.ROOT, "%s %.2f", stance, e.stance().probabilities().get(st));
        StanceLabel top = e.stance().label();
        if (top != st) {
            badge += String.format(Locale.ROOT, " (%s %.2f)", top.name().toLowerCase(Locale.ROOT),
                    e.stance().probabilities().get(top));
        }
        StringBuilder title = new StringBuilder(String.format(Locale.ROOT, "evidence #%d, %s, similarity %.2f:",
                e.rank() + 1, Citation.of(e.articleId(), s.span()), e.similarity()));
        for (StanceLabel l : StanceLabel.values()) {
            title.append(String.format(Locale.ROOT, " %s %.2f", l.name().toLowerCase(Locale.ROOT),
                    e.stance().probabilities().get(l)));
        }
        return new SentenceView(id, pieces, true, "ev st-" + stance, badge, title.toString());
    }

    /** The sentence's text cut at the boundaries of attributed quotes and speaker names inside it. */
    private static List<Piece> pieces(Sentence s, List<Span> quotes, List<Span> speakers) {
        String text = s.text();
        String[] cls = new String[text.length()];
        mark(cls, s, speakers, "speaker");
        mark(cls, s, quotes, "quote");
        List<Piece> out = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= text.length(); i++) {
            if (i == text.length() || !java.util.Objects.equals(cls[i], cls[start])) {
                out.add(new Piece(text.substring(start, i), cls[start] == null ? "" : cls[start]));
                start = i;
            }
        }
        if (out.isEmpty()) {
            out.add(new Piece(text, ""));
        }
        return out;
    }

    private static void mark(String[] cls, Sentence s, List<Span> spans, String name) {
        for (Span sp : spans) {
            int from = Math.max(0, sp.start() - s.start());
            int to = Math.min(cls.length, sp.end() - s.start());
            for (int i = from; i < to; i++) {
                cls[i] = name;
            }
        }
    }

    private static String stanceSummary(int[] counts) {
        List<String> parts = new ArrayList<>();
        for (StanceLabel l : StanceLabel.values()) {
            int n = counts[l.ordinal()];
            if (n > 0) {
                parts.add(n + " " + switch (l) {
                    case SUPPORTS -> n == 1 ? "supports" : "support";
                    case REFUTES -> n == 1 ? "refutes" : "refute";
                    case NEUTRAL -> "neutral";
                    case UNRELATED -> "unrelated";
                });
            }
        }
        return parts.isEmpty() ? "" : "evidence sentences: " + String.join(", ", parts);
    }

    private static List<SourceView> sources(Report r, Anchors anchors) {
        List<SourceView> out = new ArrayList<>();
        for (Report.SourceRef s : r.articles()) {
            int[] counts = new int[StanceLabel.values().length];
            for (Evidence e : r.evidence()) {
                if (e.articleId().equals(s.id())) {
                    counts[Explanation.counted(e).ordinal()]++;
                }
            }
            out.add(new SourceView(anchors.source(s.id()), Citation.label(s), safeUrl(s.url()), s.source(),
                    s.origin(), s.id(), stanceSummary(counts)));
        }
        return out;
    }

    /** The URL if it is an absolute http(s) URL (a link may not run script: no javascript: or data: URLs). */
    static String safeUrl(String url) {
        return url != null && SAFE_URL.matcher(url.strip()).matches() ? url.strip() : null;
    }

    private static ProvenanceView provenance(Provenance p, RunInfo run) {
        List<Entry> models = new ArrayList<>();
        for (ModelRef m : p.models()) {
            models.add(new Entry(m.role() + " " + m.id(), m.sha256()));
        }
        List<Entry> config = new ArrayList<>();
        p.config().forEach((k, v) -> config.add(new Entry(k, v)));
        return new ProvenanceView(p.engineVersion(), models, config, p.corpusChecksum(), p.articleCount(),
                run == null ? null : run.describe());
    }

    static String percent(double p, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f%%", 100 * p);
    }

    /**
     * Element ids for articles, sources and sentences. Article ids come from the input and may hold any character,
     * so ids that are not plain are replaced by a hash; citations link to the cited sentence when it is on the page.
     */
    private static final class Anchors {
        private final Map<String, List<Sentence>> shown = new HashMap<>();

        Anchors(Report r, ArticleContext context) {
            for (Evidence e : r.evidence()) {
                shown.computeIfAbsent(e.articleId(), k -> new ArrayList<>()).add(e.sentence());
            }
            java.util.Set<String> cited = new java.util.HashSet<>(shown.keySet());
            r.articles().forEach(s -> cited.add(s.id()));
            for (Map.Entry<String, List<Sentence>> c : context.sentences().entrySet()) {
                if (!c.getValue().isEmpty() && cited.contains(c.getKey())) {
                    shown.computeIfAbsent(c.getKey(), k -> new ArrayList<>()).addAll(c.getValue());
                }
            }
        }

        static String plain(String id) {
            return SAFE_ID.matcher(id).matches() ? id : "h" + ContentHash.sha256Hex(id).substring(0, 16);
        }

        String article(String id) {
            return "art-" + plain(id);
        }

        String source(String id) {
            return "src-" + plain(id);
        }

        String sentenceId(String articleId, int start) {
            return "s-" + plain(articleId) + "-" + start;
        }

        /** Link to the shown sentence containing this offset, else to the article's block, else to its source. */
        String href(String articleId, int offset) {
            for (Sentence s : shown.getOrDefault(articleId, List.of())) {
                if (s.span().contains(offset) || s.start() == offset) {
                    return "#" + sentenceId(articleId, s.start());
                }
            }
            return "#" + (shown.containsKey(articleId) ? article(articleId) : source(articleId));
        }
    }
}
