package io.claimlens.bench;

import io.claimlens.datasets.PolNear;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.Span;
import io.claimlens.nlp.NameClusters;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.nlp.quotes.AttributionConfidence;
import io.claimlens.nlp.quotes.AttributionInput;
import io.claimlens.nlp.quotes.CoreNlpQuoteAttributor;
import io.claimlens.nlp.quotes.QuoteAttributor;
import io.claimlens.nlp.quotes.QuoteFinder;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The quotation-attribution benchmark: our news rules against CoreNLP's own attribution, on the same articles and
 * the same quotations, in one run.
 *
 * <p>On PolNeAR (a split read in place) it reports content-span precision/recall/F1 and source-match accuracy
 * ({@link QuoteScoring}), the calibration of our confidence (ECE, 10 bins), articles per second for both systems,
 * and what our attribution step adds to the light NER pipeline's time per article. On our gold files
 * ({@code training-data/attribution/*.tsv}) it reports speaker accuracy for both.
 */
public final class QuoteBench {

    /** Options; {@code goldFiles} pair a gold TSV with the directory of its articles. */
    public record Options(Path polnear, String split, int limit, Map<Path, Path> goldFiles, boolean baseline,
                          Path out) {
    }

    /** Our analyses of PolNeAR articles with the timings taken on the way. */
    public record OurRun(List<PolNear.Doc> docs, List<AnalyzedArticle> analysed, double analyseSeconds,
                         double attributeSeconds) {
    }

    public Map<String, Double> run(Options o, PrintStream log) throws IOException {
        Map<String, Double> m = new LinkedHashMap<>();
        CoreNlpQuoteAttributor corenlp = null;
        try (NlpPipeline ours = new NlpPipeline(NlpConfig.of(NlpMode.LIGHT))) {
            if (o.polnear() != null) {
                List<PolNear.Doc> docs = PolNear.read(o.polnear(), o.split());
                if (o.limit() > 0 && docs.size() > o.limit()) {
                    docs = docs.subList(0, o.limit());
                }
                log.printf("PolNeAR %s: %d articles%n", o.split(), docs.size());
                OurRun run = runOurs(ours, docs, log);
                QuoteScoring.Counts c = QuoteScoring.Counts.zero();
                for (int i = 0; i < docs.size(); i++) {
                    c = c.plus(score(docs.get(i), run.analysed().get(i).attributions()));
                }
                put(m, "", c);
                m.put("confidence_ece", ece(c.judged(), 10));
                m.put("articles_per_second", docs.size() / run.analyseSeconds());
                m.put("attribution_ms_per_article", 1000 * run.attributeSeconds() / docs.size());
                m.put("ner_ms_per_article", 1000 * (run.analyseSeconds() - run.attributeSeconds()) / docs.size());
                m.put("attribution_overhead", run.attributeSeconds() / (run.analyseSeconds() - run.attributeSeconds()));
                if (o.baseline()) {
                    log.println("loading CoreNLP's default quote pipeline (" + CoreNlpQuoteAttributor.ANNOTATORS
                            + ")...");
                    corenlp = new CoreNlpQuoteAttributor();
                    corenlp.attribute(NlpPipeline.attributionInput(run.analysed().get(0))); // warm up
                    QuoteScoring.Counts b = QuoteScoring.Counts.zero();
                    long t0 = System.nanoTime();
                    for (int i = 0; i < docs.size(); i++) {
                        b = b.plus(score(docs.get(i), corenlp.attribute(NlpPipeline.attributionInput(
                                run.analysed().get(i)))));
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    put(m, "corenlp_", b);
                    m.put("corenlp_articles_per_second", docs.size() / secs);
                    m.put("speedup_vs_corenlp", m.get("articles_per_second") / m.get("corenlp_articles_per_second"));
                }
            }
            for (Map.Entry<Path, Path> g : o.goldFiles().entrySet()) {
                String key = g.getKey().getFileName().toString().replaceFirst("\\.tsv$", "").replace('-', '_');
                List<AttributionGold.Entry> gold = AttributionGold.read(g.getKey());
                Map<String, List<AnalyzedArticle>> byFile = analyseDir(ours, g.getValue());
                m.put(key + "_speaker_accuracy", AttributionGold.accuracy(AttributionGold.score(gold,
                        attributionsByFile(byFile, null))));
                if (o.baseline()) {
                    if (corenlp == null) {
                        corenlp = new CoreNlpQuoteAttributor();
                    }
                    m.put("corenlp_" + key + "_speaker_accuracy", AttributionGold.accuracy(AttributionGold.score(
                            gold, attributionsByFile(byFile, corenlp))));
                }
            }
        }
        print(m, log);
        if (o.out() != null) {
            Files.createDirectories(o.out());
            Files.write(o.out().resolve("metrics.json"), ModelStore.toJson(m));
        }
        return m;
    }

    /** Analyses the articles with our pipeline, timing the whole analysis and the attribution step apart. */
    public static OurRun runOurs(NlpPipeline ours, List<PolNear.Doc> docs, PrintStream log) {
        ours.analyze(docs.get(0).article()); // warm up the JIT on real text
        List<AnalyzedArticle> analysed = new ArrayList<>();
        long analyse = 0;
        long attribute = 0;
        for (PolNear.Doc d : docs) {
            long t0 = System.nanoTime();
            AnalyzedArticle a = ours.analyze(d.article());
            long t1 = System.nanoTime();
            AttributionInput in = NlpPipeline.attributionInput(a);
            long t2 = System.nanoTime();
            ours.attributor().attribute(in);
            long t3 = System.nanoTime();
            analyse += t1 - t0;
            // the attribution step = finding quotations + attributing them; both run inside analyze()
            attribute += (t3 - t2) + quoteFindingNanos(d.article());
            analysed.add(a);
        }
        log.printf("  ours: %d articles analysed in %.1f s%n", docs.size(), analyse / 1e9);
        return new OurRun(docs, analysed, analyse / 1e9, attribute / 1e9);
    }

    private static long quoteFindingNanos(Article a) {
        long t0 = System.nanoTime();
        QuoteFinder.find(a.text(), a.paragraphs());
        return System.nanoTime() - t0;
    }

    /** Scores one PolNeAR article's attributions. */
    public static QuoteScoring.Counts scoreArticle(PolNear.Doc d, List<Attribution> predicted) {
        return score(d, predicted);
    }

    static QuoteScoring.Counts score(PolNear.Doc d, List<Attribution> predicted) {
        List<Span> quotes = QuoteFinder.find(d.article().text(), d.article().paragraphs()).stream()
                .map(QuoteFinder.Found::content).toList();
        return QuoteScoring.score(d.article().text(), d.relations(), predicted, quotes);
    }

    private static Map<String, List<AnalyzedArticle>> analyseDir(NlpPipeline nlp, Path dir) {
        Map<String, List<AnalyzedArticle>> out = new LinkedHashMap<>();
        for (Article a : new ArticleReader().readAll(List.of(dir)).articles()) {
            String file = Path.of(a.origin().replaceFirst(":\\d+$", "")).getFileName().toString();
            out.computeIfAbsent(file, k -> new ArrayList<>()).add(nlp.analyze(a));
        }
        return out;
    }

    /** Attributions per file, by our pipeline (attributor null) or another attributor; names clustered. */
    private static Map<String, List<Attribution>> attributionsByFile(Map<String, List<AnalyzedArticle>> byFile,
                                                                      QuoteAttributor other) {
        NameClusters names = new NameClusters();
        byFile.values().forEach(l -> l.forEach(a -> a.entities().stream()
                .filter(e -> e.type() == io.claimlens.model.EntityType.PERSON)
                .forEach(e -> names.add(e.canonical()))));
        Map<String, List<Attribution>> out = new HashMap<>();
        for (Map.Entry<String, List<AnalyzedArticle>> e : byFile.entrySet()) {
            List<Attribution> all = new ArrayList<>();
            for (AnalyzedArticle a : e.getValue()) {
                List<Attribution> at = other == null ? a.attributions()
                        : other.attribute(NlpPipeline.attributionInput(a));
                for (Attribution x : at) {
                    all.add(x.hasSpeaker() && other == null ? x.withCanonicalSpeaker(names.canonical(
                            x.canonicalSpeaker())) : x);
                }
            }
            out.put(e.getKey(), all);
        }
        return out;
    }

    private static void put(Map<String, Double> m, String prefix, QuoteScoring.Counts c) {
        m.put(prefix + "source_accuracy", c.sourceAccuracy());
        m.put(prefix + "content_precision", c.precision());
        m.put(prefix + "content_recall", c.recall());
        m.put(prefix + "content_f1", c.f1());
        m.put(prefix + "predicted_quotes", (double) c.predicted());
        m.put(prefix + "gold_quotes", (double) c.gold());
    }

    /** Expected calibration error of judged attributions' confidence over equal-width bins. */
    public static double ece(List<QuoteScoring.Judged> pairs, int bins) {
        double[] confidence = new double[pairs.size()];
        boolean[] correct = new boolean[pairs.size()];
        for (int i = 0; i < pairs.size(); i++) {
            confidence[i] = pairs.get(i).confidence();
            correct[i] = pairs.get(i).correct();
        }
        return Metrics.ece(confidence, correct, bins);
    }

    private static void print(Map<String, Double> m, PrintStream log) {
        m.forEach((k, v) -> log.printf(Locale.ROOT, "  %-40s %.4f%n", k, v));
    }

    /** For the trainer: an untrained pipeline, so that measured precisions do not feed on themselves. */
    public static NlpPipeline untrainedPipeline() {
        return new NlpPipeline(NlpConfig.of(NlpMode.LIGHT), AttributionConfidence.untrained());
    }
}
