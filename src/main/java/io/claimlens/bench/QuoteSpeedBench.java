package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.SpeakerKind;
import io.claimlens.nlp.NameClusters;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.nlp.quotes.AttributionInput;
import io.claimlens.nlp.quotes.CoreNlpQuoteAttributor;

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
import java.util.regex.Pattern;

/**
 * Throughput and speaker accuracy of the {@code quotes} path (the LIGHT NLP pipeline: OpenNLP sentences, CoreNLP
 * tokenize/ssplit/pos/lemma/ner, {@code NewsQuoteAttributor}) against CoreNLP's default quote pipeline
 * ({@link CoreNlpQuoteAttributor}: tokenize, ssplit, pos, lemma, ner, depparse, coref, quote) on the same articles,
 * in one run, one thread each.
 *
 * <p>Both are loaded, then warmed by one untimed pass over all articles; then {@code repeat} timed passes each,
 * alternating (ours, baseline, ours, ...) so that load on a shared machine falls on both alike. Our time is the
 * whole analysis per article (what {@code claimlens quotes} does); the baseline's is its CoreNLP annotation plus
 * the alignment to our quotations, not the analysis that found them. Accuracy is scored with
 * {@link AttributionGold} on the gold file's rows for the articles read; speakers are then resolved across the
 * collection as the {@code quotes} command does (clusters of the person names our NER found), for both systems.
 */
public final class QuoteSpeedBench {

    private static final Pattern LINE_SUFFIX = Pattern.compile(":\\d+$");

    /** Runs the benchmark; returns its metrics (also written to {@code outDir/metrics.json} when given). */
    public Map<String, Double> run(List<Path> articles, Path gold, int repeat, Path outDir, PrintStream out)
            throws IOException {
        List<Article> docs = new ArticleReader().readAll(articles).articles();
        if (docs.isEmpty()) {
            throw new IllegalArgumentException("no article could be read from " + articles);
        }
        long chars = docs.stream().mapToLong(a -> a.text().length()).sum();
        out.printf(Locale.ROOT, "%d articles, %,d characters%n", docs.size(), chars);

        long t0 = System.nanoTime();
        NlpPipeline ours = new NlpPipeline(NlpConfig.of(NlpMode.LIGHT));
        double oursLoad = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        CoreNlpQuoteAttributor baseline = new CoreNlpQuoteAttributor();
        double baseLoad = (System.nanoTime() - t0) / 1e9;
        out.printf(Locale.ROOT, "loaded: ours %.1f s, CoreNLP quote pipeline %.1f s%n", oursLoad, baseLoad);

        // warm-up (untimed); keeps the analyses: the baseline is given the same quotations to attribute
        List<AnalyzedArticle> analysed = new ArrayList<>();
        List<AttributionInput> inputs = new ArrayList<>();
        for (Article a : docs) {
            AnalyzedArticle an = ours.analyze(a);
            analysed.add(an);
            inputs.add(NlpPipeline.attributionInput(an));
        }
        List<List<Attribution>> baseAttr = new ArrayList<>();
        for (AttributionInput in : inputs) {
            baseAttr.add(baseline.attribute(in));
        }

        double oursSecs = 0;
        double baseSecs = 0;
        for (int rep = 0; rep < repeat; rep++) {
            t0 = System.nanoTime();
            for (Article a : docs) {
                ours.analyze(a);
            }
            oursSecs += (System.nanoTime() - t0) / 1e9;
            t0 = System.nanoTime();
            for (AttributionInput in : inputs) {
                baseline.attribute(in);
            }
            baseSecs += (System.nanoTime() - t0) / 1e9;
        }
        double n = (double) docs.size() * repeat;
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("articles", (double) docs.size());
        m.put("repeat", (double) repeat);
        m.put("ours_articles_per_s", n / oursSecs);
        m.put("corenlp_articles_per_s", n / baseSecs);
        m.put("speedup", baseSecs / oursSecs);
        m.put("ours_ms_per_article", 1000 * oursSecs / n);
        m.put("corenlp_ms_per_article", 1000 * baseSecs / n);
        m.put("ours_load_s", oursLoad);
        m.put("corenlp_load_s", baseLoad);
        out.printf(Locale.ROOT, "ours:    %7.2f articles/s (%6.0f ms/article)%n", m.get("ours_articles_per_s"),
                m.get("ours_ms_per_article"));
        out.printf(Locale.ROOT, "CoreNLP: %7.2f articles/s (%6.0f ms/article)%n", m.get("corenlp_articles_per_s"),
                m.get("corenlp_ms_per_article"));
        out.printf(Locale.ROOT, "speed-up: %.1fx%n", m.get("speedup"));

        if (gold != null) {
            List<AttributionGold.Entry> rows = AttributionGold.read(gold);
            NameClusters names = new NameClusters();
            for (AnalyzedArticle an : analysed) {
                for (EntityMention e : an.entities()) {
                    if (e.type() == EntityType.PERSON) {
                        names.add(e.canonical());
                    }
                }
            }
            Map<String, List<Attribution>> oursByFile = byFile(docs, analysedAttributions(analysed), names);
            Map<String, List<Attribution>> baseByFile = byFile(docs, baseAttr, names);
            List<AttributionGold.Entry> present = rows.stream().filter(e -> oursByFile.containsKey(e.file())).toList();
            score("all", present, oursByFile, baseByFile, m, out);
            List<AttributionGold.Entry> news = present.stream().filter(e -> e.file().matches("00[234]_.*")).toList();
            if (!news.isEmpty() && news.size() < present.size()) {
                score("news", news, oursByFile, baseByFile, m, out);
            }
            // CoreNLP names a speaker or nobody, never a reason: the rows with a named speaker compare like with like
            score("named_speaker", present.stream().filter(e -> !e.noSpeaker()).toList(), oursByFile, baseByFile,
                    m, out);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("metrics.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        }
        return m;
    }

    private static List<List<Attribution>> analysedAttributions(List<AnalyzedArticle> analysed) {
        List<List<Attribution>> out = new ArrayList<>();
        for (AnalyzedArticle a : analysed) {
            out.add(a.attributions());
        }
        return out;
    }

    private static void score(String subset, List<AttributionGold.Entry> gold, Map<String, List<Attribution>> ours,
                              Map<String, List<Attribution>> base, Map<String, Double> m, PrintStream out) {
        double a = AttributionGold.accuracy(AttributionGold.score(gold, ours));
        double b = AttributionGold.accuracy(AttributionGold.score(gold, base));
        m.put(subset + "_gold_rows", (double) gold.size());
        m.put(subset + "_ours_accuracy", a);
        m.put(subset + "_corenlp_accuracy", b);
        out.printf(Locale.ROOT, "speaker accuracy (%s, %d gold quotations): ours %.3f, CoreNLP %.3f%n", subset,
                gold.size(), a, b);
    }

    /** Attributions per article file name, speakers resolved across the collection (as the quotes command does). */
    private static Map<String, List<Attribution>> byFile(List<Article> docs, List<List<Attribution>> attributions,
                                                         NameClusters names) {
        Map<String, List<Attribution>> out = new HashMap<>();
        for (int i = 0; i < docs.size(); i++) {
            String file = Path.of(LINE_SUFFIX.matcher(docs.get(i).origin()).replaceFirst("")).getFileName()
                    .toString();
            List<Attribution> list = out.computeIfAbsent(file, k -> new ArrayList<>());
            for (Attribution a : attributions.get(i)) {
                list.add(a.hasSpeaker() && a.kind() == SpeakerKind.PERSON
                        ? a.withCanonicalSpeaker(names.canonical(a.canonicalSpeaker())) : a);
            }
        }
        return out;
    }
}
