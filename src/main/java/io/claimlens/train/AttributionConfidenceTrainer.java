package io.claimlens.train;

import io.claimlens.bench.QuoteBench;
import io.claimlens.bench.QuoteScoring;
import io.claimlens.datasets.DataFiles;
import io.claimlens.datasets.PolNear;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.nlp.quotes.AttributionConfidence;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Measures the precision of each attribution rule on PolNeAR's train split and writes it as the confidence table
 * ({@code models/attribution-confidence-v1}).
 *
 * <p>Precision is Laplace-smoothed, (right + 1) / (n + 2), and rules seen fewer than {@value #MIN_COUNT} times get
 * the overall precision instead (too few cases to say more). The data are article files, hashed into the card.
 */
public final class AttributionConfidenceTrainer {

    static final int MIN_COUNT = 10;

    /** Options. */
    public record Options(Path polnear, String split, Path out, String command) {
    }

    public ModelCard train(Options o, PrintStream log) throws IOException {
        List<PolNear.Doc> docs = PolNear.read(o.polnear(), o.split());
        log.printf("PolNeAR %s: %d articles%n", o.split(), docs.size());
        QuoteScoring.Counts all;
        try (NlpPipeline nlp = QuoteBench.untrainedPipeline()) {
            QuoteBench.OurRun run = QuoteBench.runOurs(nlp, docs, log);
            all = QuoteScoring.Counts.zero();
            for (int i = 0; i < docs.size(); i++) {
                AnalyzedArticle a = run.analysed().get(i);
                all = all.plus(QuoteBench.scoreArticle(docs.get(i), a.attributions()));
            }
        }
        Map<String, int[]> byRule = new TreeMap<>();
        int right = 0;
        for (QuoteScoring.Judged j : all.judged()) {
            int[] c = byRule.computeIfAbsent(j.rule(), k -> new int[2]);
            c[0]++;
            if (j.correct()) {
                c[1]++;
                right++;
            }
        }
        double fallback = (right + 1.0) / (all.judged().size() + 2.0);
        Map<String, Double> table = new TreeMap<>();
        Map<String, Object> counts = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : byRule.entrySet()) {
            int n = e.getValue()[0];
            int k = e.getValue()[1];
            counts.put("n." + e.getKey(), n + " (" + k + " right)");
            if (n >= MIN_COUNT) {
                table.put(e.getKey(), (k + 1.0) / (n + 2.0));
            }
            log.printf("  %-32s n=%5d right=%5d precision=%.3f%n", e.getKey(), n, k, (k + 1.0) / (n + 2.0));
        }
        AttributionConfidence.Table t = new AttributionConfidence.Table(table, fallback);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("split", o.split());
        config.put("smoothing", "(right + 1) / (n + 2)");
        config.put("min_count", MIN_COUNT);
        config.put("scoring", "QuoteScoring: content overlap >= 0.5, source by span or name word");
        config.putAll(counts);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_attributions", (double) all.judged().size());
        metrics.put("train_source_accuracy", all.sourceAccuracy());
        metrics.put("train_content_f1", all.f1());
        metrics.put("overall_precision", fallback);
        ModelCard card = new ModelCard("attribution-confidence-v1", "attribution-confidence",
                LocalDate.now().toString(), o.command(), 0, null, null, config,
                List.of(new ModelCard.DataRef(o.polnear().resolve("data").resolve(o.split()).toString()
                        .replace('\\', '/'), DataFiles.sha256Tree(o.polnear().resolve("data").resolve(o.split())),
                        docs.size(), "train")),
                metrics, Map.of(),
                "Per-rule precision of the news quotation-attribution rules (NewsQuoteAttributor), measured on "
                        + "PolNeAR " + o.split() + ". An attribution's confidence is its rule's precision here.");
        ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(t)));
        log.println("wrote " + o.out());
        return written;
    }
}
