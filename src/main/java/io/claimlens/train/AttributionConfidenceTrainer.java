package io.claimlens.train;

import io.claimlens.bench.QuoteBench;
import io.claimlens.bench.QuoteScoring;
import io.claimlens.datasets.DataFiles;
import io.claimlens.datasets.PolNear;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.SoftmaxRegression;
import io.claimlens.model.Attribution;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.nlp.quotes.AttributionConfidence;
import io.claimlens.nlp.quotes.AttributionFeatures;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Fits the attribution confidence ({@code models/attribution-confidence-v2}) on PolNeAR: each attribution the rules
 * make on the training split is judged right or wrong against the gold ({@link QuoteScoring}), and two forms are
 * fitted to those judgements:
 * <ul>
 *   <li>the <b>per-rule table</b>: precision per rule, Laplace-smoothed, (right + 1) / (n + 2); rules seen fewer than
 *       {@value #MIN_COUNT} times get the overall precision;</li>
 *   <li>a <b>logistic model</b> over {@link AttributionFeatures}, trained with {@link SoftmaxRegression} (seeded,
 *       deterministic).</li>
 * </ul>
 * Both are scored on the dev split (never trained on): the one with the lower expected calibration error (10 bins)
 * is written, and the card records both. The data are article files, hashed into the card.
 */
public final class AttributionConfidenceTrainer {

    static final int MIN_COUNT = 10;
    static final String ID = "attribution-confidence-v2";
    static final long SEED = 42;
    static final int EPOCHS = 300;
    static final int BATCH = 1024;
    static final double LEARNING_RATE = 0.003;
    static final double L2 = 1e-4;

    /** Options; {@code devSplit} chooses between the two forms. */
    public record Options(Path polnear, String split, String devSplit, Path out, String command) {
    }

    public ModelCard train(Options o, PrintStream log) throws IOException {
        List<PolNear.Doc> docs = PolNear.read(o.polnear(), o.split());
        List<PolNear.Doc> dev = PolNear.read(o.polnear(), o.devSplit());
        log.printf("PolNeAR %s: %d articles, %s: %d articles%n", o.split(), docs.size(), o.devSplit(), dev.size());
        QuoteScoring.Counts all;
        QuoteScoring.Counts devCounts;
        try (NlpPipeline nlp = QuoteBench.untrainedPipeline()) {
            all = judge(nlp, docs, log);
            devCounts = judge(nlp, dev, log);
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
            log.printf("  %-36s n=%5d right=%5d precision=%.3f%n", e.getKey(), n, k, (k + 1.0) / (n + 2.0));
        }
        AttributionConfidence.Table perRule = new AttributionConfidence.Table(table, fallback);
        AttributionConfidence.Table logistic = new AttributionConfidence.Table(table, fallback,
                fitLogistic(all.judged(), new AttributionConfidence(perRule)));
        double trainEceRule = ece(all.judged(), new AttributionConfidence(perRule));
        double trainEceLogistic = ece(all.judged(), new AttributionConfidence(logistic));
        double devEceRule = ece(devCounts.judged(), new AttributionConfidence(perRule));
        double devEceLogistic = ece(devCounts.judged(), new AttributionConfidence(logistic));
        boolean useLogistic = devEceLogistic < devEceRule;
        log.printf(Locale.ROOT, "ECE (10 bins) on %s: per-rule table %.4f, logistic %.4f; on %s: %.4f, %.4f -> %s%n",
                o.split(), trainEceRule, trainEceLogistic, o.devSplit(), devEceRule, devEceLogistic,
                useLogistic ? "logistic" : "per-rule table");

        Map<String, Object> config = new LinkedHashMap<>();
        config.put("split", o.split());
        config.put("chosen_on", o.devSplit() + " (lower ECE, 10 bins)");
        config.put("form", useLogistic ? "logistic over AttributionFeatures v" + AttributionFeatures.VERSION
                : "per-rule table");
        config.put("logistic", "SoftmaxRegression, 2 classes, " + EPOCHS + " epochs, batch " + BATCH + ", Adam lr "
                + LEARNING_RATE + ", L2 " + L2 + ", seed " + SEED
                + ", " + AttributionConfidence.Logistic.inputNames().size() + " inputs: "
                + String.join(", ", AttributionConfidence.Logistic.inputNames()));
        config.put("smoothing", "(right + 1) / (n + 2)");
        config.put("min_count", MIN_COUNT);
        config.put("scoring", "QuoteScoring: content overlap >= 0.5, source by span or name word");
        config.putAll(counts);
        Map<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_attributions", (double) all.judged().size());
        metrics.put("train_source_accuracy", all.sourceAccuracy());
        metrics.put("train_content_f1", all.f1());
        metrics.put("overall_precision", fallback);
        metrics.put("train_ece_per_rule", trainEceRule);
        metrics.put("train_ece_logistic", trainEceLogistic);
        metrics.put("dev_attributions", (double) devCounts.judged().size());
        metrics.put("dev_source_accuracy", devCounts.sourceAccuracy());
        metrics.put("dev_ece_per_rule", devEceRule);
        metrics.put("dev_ece_logistic", devEceLogistic);
        AttributionConfidence.Table chosen = useLogistic ? logistic : perRule;
        ModelCard card = new ModelCard(ID, "attribution-confidence", LocalDate.now().toString(), o.command(), SEED,
                null, null, config, List.of(dataRef(o.polnear(), o.split(), docs.size(), "train"),
                dataRef(o.polnear(), o.devSplit(), dev.size(), "dev (choice of form)")),
                metrics, Map.of(),
                "Confidence of the news quotation-attribution rules (NewsQuoteAttributor): the probability that an "
                        + "attribution is right, fitted on PolNeAR " + o.split() + " as a per-rule precision table and "
                        + "as a logistic model over the attribution's features (rule, resolution step, speaker kind, "
                        + "distance and side of the speaker's mention, quotation length); the form with the lower "
                        + "ECE on " + o.devSplit() + " is used (see form).");
        ModelCard written = ModelStore.write(o.out(), card, Map.of("model.json", ModelStore.toJson(chosen)));
        log.println("wrote " + o.out());
        return written;
    }

    private static ModelCard.DataRef dataRef(Path polnear, String split, int n, String use) throws IOException {
        Path dir = polnear.resolve("data").resolve(split);
        return new ModelCard.DataRef(dir.toString().replace('\\', '/'), DataFiles.sha256Tree(dir), n, use);
    }

    private static QuoteScoring.Counts judge(NlpPipeline nlp, List<PolNear.Doc> docs, PrintStream log) {
        QuoteBench.OurRun run = QuoteBench.runOurs(nlp, docs, log);
        QuoteScoring.Counts c = QuoteScoring.Counts.zero();
        for (int i = 0; i < docs.size(); i++) {
            c = c.plus(QuoteBench.scoreArticle(docs.get(i), run.analysed().get(i).attributions()));
        }
        return c;
    }

    static AttributionConfidence.Logistic fitLogistic(List<QuoteScoring.Judged> judged,
                                                      AttributionConfidence table) {
        double[][] x = new double[judged.size()][];
        int[] y = new int[judged.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = table.logisticInput(judged.get(i).attribution());
            y[i] = judged.get(i).correct() ? 1 : 0;
        }
        SoftmaxRegression m = SoftmaxRegression.train(x, y, 2,
                new SoftmaxRegression.Options(EPOCHS, BATCH, LEARNING_RATE, L2, SEED, null));
        double[][] w = m.weights();
        double[] b = m.bias();
        double[] diff = new double[w[0].length];
        for (int j = 0; j < diff.length; j++) {
            diff[j] = w[1][j] - w[0][j]; // two-class softmax = logistic on the logit difference
        }
        return new AttributionConfidence.Logistic(AttributionFeatures.VERSION,
                AttributionConfidence.Logistic.inputNames(), m.mean(), m.scale(), diff, b[1] - b[0]);
    }

    /** ECE (10 bins) of a confidence model's answers on judged attributions. */
    static double ece(List<QuoteScoring.Judged> judged, AttributionConfidence model) {
        List<QuoteScoring.Judged> rescored = new ArrayList<>(judged.size());
        for (QuoteScoring.Judged j : judged) {
            Attribution a = j.attribution();
            rescored.add(new QuoteScoring.Judged(a.withConfidence(model.of(a)), j.correct()));
        }
        return QuoteBench.ece(rescored, 10);
    }
}
