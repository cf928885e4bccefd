package io.claimlens.bench;

import io.claimlens.claims.detect.CheckworthinessClassifier;
import io.claimlens.claims.detect.CheckworthinessModel;
import io.claimlens.claims.detect.ClaimDetector;
import io.claimlens.claims.detect.SpeakerRole;
import io.claimlens.datasets.CheckThat;
import io.claimlens.datasets.ClaimBuster;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.SentenceEncoders;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.IngestOptions;
import io.claimlens.ingest.Ingested;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.ml.Ranking;
import io.claimlens.ml.SparseLogisticRegression;
import io.claimlens.ml.TfIdf;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.train.CheckworthinessData;
import io.claimlens.train.CheckworthinessHeads;
import io.claimlens.train.CheckworthinessTrainer;
import io.claimlens.train.EmbeddingTable;

import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Check-worthiness benchmarks.
 *
 * <ul>
 *   <li>{@code checkthat2019} / {@code checkthat2020}: the shipped (or given) model ranks every sentence of each
 *       test transcript (2019 task 1 {@code test_annotated}, 7 files; 2020 task 5 {@code test-gold}, 20 files),
 *       with the neighbouring lines as context when the model reads context; MAP, R-precision and P@10 are
 *       averaged over transcripts, as the official scorer does.</li>
 *   <li>{@code claimbuster}: 4-fold cross-validation on {@code kfold_25ncs.csv} (seeded stratified folds): the
 *       model's design (head, inputs, epochs from its card) and a TF-IDF + logistic-regression baseline are both
 *       trained on three folds and tested on the fourth, unweighted, deciding CFS at probability 0.5 (ClaimBuster
 *       sentences come without neighbours, so a context model sees none). F1 of the CFS class over the pooled
 *       out-of-fold predictions, ours and the baseline's, in the same run.</li>
 * </ul>
 * Every run also measures throughput: sentences/s of the classifier (embedding + features + head, no embedding
 * cache) on up to 2,000 of the dataset's sentences, and articles/s of the whole detection (NLP light mode +
 * candidates + scoring) over an article collection on 2 threads. The system load average is recorded beside
 * them, since the machine may be shared.
 */
public final class CheckworthinessBench {

    /** What to run. */
    public record Options(String dataset, Path dataRoot, String model, Path out, List<Path> articles,
                          int articleRounds, Path cacheDir, long seed) {
    }

    public Map<String, Double> run(Options o, PrintStream out) throws IOException {
        ModelStore.Loaded loaded = ModelStore.load(o.model());
        ModelCard card = loaded.card();
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> sample;
        try (SentenceEncoder encoder = SentenceEncoders.open(card.encoder())) {
            CheckworthinessClassifier clf = new CheckworthinessClassifier(encoder, loaded);
            switch (o.dataset().toLowerCase(Locale.ROOT)) {
                case "checkthat2019", "checkthat2020" -> sample = checkThat(o, clf, m, out);
                case "claimbuster" -> sample = claimBuster(o, card, encoder, m, out);
                default -> throw new IllegalArgumentException("unknown check-worthiness dataset '" + o.dataset()
                        + "' (checkthat2019, checkthat2020, claimbuster)");
            }
            throughput(sample, clf, o, m, out);
        }
        if (o.out() != null) {
            Files.createDirectories(o.out());
            Files.write(o.out().resolve("metrics.json"), ModelStore.toJson(m));
            out.println("wrote " + o.out().resolve("metrics.json"));
        }
        return m;
    }

    private List<String> checkThat(Options o, CheckworthinessClassifier clf, Map<String, Double> m, PrintStream out)
            throws IOException {
        List<CheckThat.Debate> test = CheckworthinessData.test(o.dataRoot(), o.dataset().toLowerCase(Locale.ROOT));
        List<String> texts = new ArrayList<>();
        test.forEach(d -> d.lines().forEach(l -> texts.add(l.text())));
        EmbeddingTable emb = EmbeddingTable.build(clf.encoder(), texts, o.cacheDir(), System.err);
        List<Ranking.Group> groups = new ArrayList<>();
        int positives = 0;
        for (CheckThat.Debate d : test) {
            double[] s = new double[d.lines().size()];
            int[] y = new int[s.length];
            List<SpeakerRole> roles = CheckworthinessTrainer.roles(d);
            for (int i = 0; i < s.length; i++) {
                CheckThat.Line l = d.lines().get(i);
                float[] ctx = CheckworthinessModel.context(clf.model().inputs(),
                        i > 0 ? emb.get(d.lines().get(i - 1).text()) : null,
                        i + 1 < s.length ? emb.get(d.lines().get(i + 1).text()) : null);
                s[i] = clf.score(emb.get(l.text()), l.text(), ctx, roles.get(i));
                y[i] = l.label();
            }
            positives += d.positives();
            groups.add(new Ranking.Group(d.name(), s, y));
        }
        m.put("map", Ranking.meanAveragePrecision(groups));
        m.put("r_precision", Ranking.meanRPrecision(groups));
        m.put("p_at_1", Ranking.meanPrecisionAt(groups, 1));
        m.put("p_at_5", Ranking.meanPrecisionAt(groups, 5));
        m.put("p_at_10", Ranking.meanPrecisionAt(groups, 10));
        m.put("p_at_20", Ranking.meanPrecisionAt(groups, 20));
        m.put("debates", (double) test.size());
        m.put("sentences", (double) texts.size());
        m.put("positives", (double) positives);
        out.printf(Locale.ROOT, "check-worthiness %s (%s): MAP %.4f, R-precision %.4f, P@10 %.4f over %d transcripts "
                        + "(%,d sentences, %d check-worthy)%n", o.dataset(), clf.modelRef().id(), m.get("map"),
                m.get("r_precision"), m.get("p_at_10"), test.size(), texts.size(), positives);
        for (Ranking.Group g : groups) {
            out.printf(Locale.ROOT, "  %-45s AP %.4f  R-P %.4f  P@10 %.2f  (%d of %d)%n", g.name(),
                    Ranking.averagePrecision(g.scores(), g.labels()), Ranking.rPrecision(g.scores(), g.labels()),
                    Ranking.precisionAt(g.scores(), g.labels(), 10), java.util.Arrays.stream(g.labels()).sum(),
                    g.labels().length);
        }
        return texts;
    }

    private List<String> claimBuster(Options o, ModelCard card, SentenceEncoder encoder, Map<String, Double> m,
                                     PrintStream out) throws IOException {
        List<ClaimBuster.Sentence> data = ClaimBuster.read(o.dataRoot().resolve(CheckworthinessData.CLAIMBUSTER));
        int[] y = data.stream().mapToInt(ClaimBuster.Sentence::label).toArray();
        int[] fold = CheckworthinessData.stratifiedFolds(y, 4, o.seed());
        List<String> texts = data.stream().map(ClaimBuster.Sentence::text).toList();
        EmbeddingTable emb = EmbeddingTable.build(encoder, texts, o.cacheDir(), System.err);
        String head = String.valueOf(card.config().get("head"));
        String inputs = String.valueOf(card.config().get("inputs"));
        int epochs = ((Number) card.config().get("epochs")).intValue();
        int hidden = card.config().get("hidden_units") instanceof Number n ? n.intValue() : 64;
        int members = card.config().get("members") instanceof Number n ? n.intValue() : 1;
        double[][] x = new double[texts.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = CheckworthinessModel.input(inputs, emb.get(texts.get(i)), texts.get(i));
        }
        int[] ours = new int[y.length];
        int[] base = new int[y.length];
        double[] oursScore = new double[y.length];
        double[] baseScore = new double[y.length];
        double[] oursF1 = new double[4];
        double[] baseF1 = new double[4];
        for (int f = 0; f < 4; f++) {
            List<Integer> tr = new ArrayList<>();
            List<Integer> te = new ArrayList<>();
            for (int i = 0; i < y.length; i++) {
                (fold[i] == f ? te : tr).add(i);
            }
            double[][] xt = new double[tr.size()][];
            int[] yt = new int[tr.size()];
            List<String> tt = new ArrayList<>();
            for (int k = 0; k < tr.size(); k++) {
                xt[k] = x[tr.get(k)];
                yt[k] = y[tr.get(k)];
                tt.add(texts.get(tr.get(k)));
            }
            CheckworthinessModel model = CheckworthinessHeads.fit(new CheckworthinessHeads.Spec(head, inputs, members,
                    epochs, hidden, 1.0, o.seed()), xt, yt);
            TfIdf tfidf = TfIdf.fit(tt, 2);
            SparseLogisticRegression.Row[] rows = tt.stream().map(tfidf::transform)
                    .toArray(SparseLogisticRegression.Row[]::new);
            SparseLogisticRegression lr = SparseLogisticRegression.train(rows, yt, tfidf.size(),
                    SparseLogisticRegression.Options.defaults(o.seed()));
            int[] g = new int[te.size()];
            int[] po = new int[te.size()];
            int[] pb = new int[te.size()];
            for (int k = 0; k < te.size(); k++) {
                int i = te.get(k);
                oursScore[i] = model.probability(x[i]);
                baseScore[i] = lr.probability(tfidf.transform(texts.get(i)));
                ours[i] = oursScore[i] >= 0.5 ? 1 : 0;
                base[i] = baseScore[i] >= 0.5 ? 1 : 0;
                g[k] = y[i];
                po[k] = ours[i];
                pb[k] = base[i];
            }
            oursF1[f] = Ranking.f1(g, po);
            baseF1[f] = Ranking.f1(g, pb);
            out.printf(Locale.ROOT, "  fold %d: %,d train / %,d test: F1 ours %.4f, TF-IDF+LR %.4f (%,d features)%n",
                    f, tr.size(), te.size(), oursF1[f], baseF1[f], tfidf.size());
        }
        m.put("f1", Ranking.f1(y, ours));
        m.put("baseline_f1", Ranking.f1(y, base));
        m.put("f1_fold_mean", java.util.Arrays.stream(oursF1).average().orElse(0));
        m.put("baseline_f1_fold_mean", java.util.Arrays.stream(baseF1).average().orElse(0));
        m.put("precision", precision(y, ours));
        m.put("recall", recall(y, ours));
        m.put("baseline_precision", precision(y, base));
        m.put("baseline_recall", recall(y, base));
        m.put("average_precision", Ranking.averagePrecision(oursScore, y));
        m.put("baseline_average_precision", Ranking.averagePrecision(baseScore, y));
        m.put("sentences", (double) y.length);
        m.put("positives", (double) java.util.Arrays.stream(y).sum());
        out.printf(Locale.ROOT, "check-worthiness claimbuster 4-fold CV (%s design: %s x%d, %s, %d epochs): CFS F1 "
                        + "%.4f (P %.4f, R %.4f) vs TF-IDF + LR baseline F1 %.4f (P %.4f, R %.4f); %,d sentences%n",
                card.id(), head, members, inputs, epochs, m.get("f1"), m.get("precision"), m.get("recall"),
                m.get("baseline_f1"), m.get("baseline_precision"), m.get("baseline_recall"), y.length);
        return texts;
    }

    private void throughput(List<String> sentences, CheckworthinessClassifier clf, Options o, Map<String, Double> m,
                            PrintStream out) throws IOException {
        List<String> sample = new ArrayList<>(sentences.subList(0, Math.min(2000, sentences.size())));
        long t0 = System.nanoTime();
        clf.scoreSequence(sample); // no cache: every sentence is encoded
        double secs = (System.nanoTime() - t0) / 1e9;
        m.put("sentences_per_second", sample.size() / secs);
        m.put("load_average", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.printf(Locale.ROOT, "throughput: classifier %.0f sentences/s (%d sentences, embedding + features + head, "
                + "no cache); load average %.2f%n", m.get("sentences_per_second"), sample.size(),
                m.get("load_average"));
        if (o.articles() == null || o.articles().isEmpty()) {
            return;
        }
        List<Article> articles = new ArrayList<>();
        try (Stream<Ingested> items = new ArticleReader(IngestOptions.defaults()).read(o.articles())) {
            items.forEachOrdered(i -> {
                if (i instanceof Ingested.Read r) {
                    articles.add(r.article());
                }
            });
        }
        if (articles.isEmpty()) {
            return;
        }
        ClaimDetector detector = new ClaimDetector(clf);
        try (NlpPipeline nlp = new NlpPipeline(NlpConfig.of(NlpMode.LIGHT))) {
            for (Article a : articles) {
                detector.detect(nlp.analyze(a)); // warm-up round, not timed
            }
            int threads = 2;
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                long a0 = System.nanoTime();
                List<Future<Integer>> jobs = new ArrayList<>();
                for (int r = 0; r < o.articleRounds(); r++) {
                    for (Article a : articles) {
                        jobs.add(pool.submit(() -> {
                            AnalyzedArticle an = nlp.analyze(a);
                            detector.detect(an);
                            return an.sentences().size();
                        }));
                    }
                }
                long sentencesDone = 0;
                for (Future<Integer> f : jobs) {
                    sentencesDone += f.get();
                }
                double as = (System.nanoTime() - a0) / 1e9;
                m.put("articles_per_second", jobs.size() / as);
                m.put("detect_sentences_per_second", sentencesDone / as);
                m.put("articles_timed", (double) jobs.size());
                m.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
                out.printf(Locale.ROOT, "throughput: detection %.2f articles/s, %.0f sentences/s (%d articles = %d "
                                + "x %d, NLP light + detection, %d threads); load average %.2f%n",
                        m.get("articles_per_second"), m.get("detect_sentences_per_second"), jobs.size(),
                        o.articleRounds(), articles.size(), threads, m.get("load_average_after"));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw new IllegalStateException("detection failed during the throughput run", e.getCause());
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static double precision(int[] g, int[] p) {
        int tp = 0;
        int pp = 0;
        for (int i = 0; i < g.length; i++) {
            pp += p[i];
            tp += p[i] & g[i];
        }
        return pp == 0 ? 0 : (double) tp / pp;
    }

    private static double recall(int[] g, int[] p) {
        int tp = 0;
        int pos = 0;
        for (int i = 0; i < g.length; i++) {
            pos += g[i];
            tp += p[i] & g[i];
        }
        return pos == 0 ? 0 : (double) tp / pos;
    }
}
