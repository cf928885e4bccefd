package io.claimlens.bench;

import io.claimlens.datasets.FeverSymmetric;
import io.claimlens.datasets.Fnc;
import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ingest.Paragraphs;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceLabel;
import io.claimlens.nlp.SentenceSplitter;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.TextFeatures;
import io.claimlens.train.EmbeddingTable;

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
 * Stance accuracy on public test sets, with the shipped (or a given) stance model:
 * <ul>
 *   <li>{@code fnc-1}: competition test, headline vs whole body (sentence stances pooled as
 *       {@link io.claimlens.stance.StanceAggregation} says): the official FNC score, macro-F1, the confusion
 *       matrix;</li>
 *   <li>{@code snli}, {@code sick}: 3-way accuracy (UNRELATED counts as NEUTRAL: an unrelated hypothesis neither
 *       follows nor contradicts);</li>
 *   <li>{@code fever-symmetric}: 2-way accuracy (the more probable of SUPPORTS and REFUTES) on v0.2 test and on
 *       v0.1 generated.</li>
 * </ul>
 * Also pairs per second: encoding both sides (no cache) and classifying, on 2 cores.
 */
public final class StanceBench {

    public Map<String, Double> run(String dataset, Path root, String modelLocation, Path outDir, PrintStream out)
            throws IOException {
        ModelStore.Loaded loaded = ModelStore.load(modelLocation);
        EncoderModel enc = EncoderModel.byId(loaded.card().encoder());
        Map<String, Double> m = new LinkedHashMap<>();
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(enc).build())) {
            EmbeddingStanceClassifier clf = new EmbeddingStanceClassifier(encoder, loaded);
            switch (dataset.toLowerCase(Locale.ROOT)) {
                case "fnc-1", "fnc" -> fnc(root.resolve("fnc-1"), encoder, clf, m, out);
                case "snli" -> nli(NliData.snli(root.resolve("snli/snli_1.0_test.jsonl.gz")), encoder, clf, m);
                case "sick" -> nli(NliData.sick(root.resolve("sick/SICK_test_annotated.txt")), encoder, clf, m);
                case "fever-symmetric" -> {
                    twoWay("", FeverSymmetric.read(root.resolve(
                            "fever-symmetric/symmetric_v0.2/fever_symmetric_test.jsonl")), encoder, clf, m);
                    twoWay("v01_generated_", FeverSymmetric.read(root.resolve(
                            "fever-symmetric/symmetric_v0.1/fever_symmetric_generated.jsonl")), encoder, clf, m);
                }
                default -> throw new IllegalArgumentException("unknown stance dataset '" + dataset
                        + "' (fnc-1, snli, sick, fever-symmetric)");
            }
        }
        out.printf(Locale.ROOT, "stance bench %s (%s):%n", dataset, loaded.card().id());
        m.forEach((k, v) -> out.printf(Locale.ROOT, "  %-28s %.4f%n", k, v));
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("metrics.json"), ModelStore.toJson(m));
        }
        return m;
    }

    private void nli(List<LabeledPair> test, DjlSentenceEncoder encoder, EmbeddingStanceClassifier clf,
                     Map<String, Double> m) {
        long t0 = System.nanoTime();
        EmbeddingTable emb = embed(encoder, test);
        int[] gold = new int[test.size()];
        int[] pred = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            LabeledPair p = test.get(i);
            double[] q = clf.classify(emb.get(p.claim()), TextFeatures.of(p.claim()), emb.get(p.evidence()),
                    TextFeatures.of(p.evidence())).probabilities().toArray();
            pred[i] = Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
            gold[i] = p.label().ordinal();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int[][] cm = Metrics.confusion(gold, pred, 3);
        m.put("accuracy", Metrics.accuracy(gold, pred));
        m.put("macro_f1", Metrics.macroF1(cm));
        m.put("pairs", (double) test.size());
        m.put("pairs_per_second", test.size() / secs);
        putConfusion(m, cm, 3);
    }

    private void twoWay(String prefix, List<LabeledPair> test, DjlSentenceEncoder encoder,
                        EmbeddingStanceClassifier clf, Map<String, Double> m) {
        EmbeddingTable emb = embed(encoder, test);
        int ok = 0;
        for (LabeledPair p : test) {
            double[] q = clf.classify(emb.get(p.claim()), TextFeatures.of(p.claim()), emb.get(p.evidence()),
                    TextFeatures.of(p.evidence())).probabilities().toArray();
            StanceLabel pred = q[0] >= q[1] ? StanceLabel.SUPPORTS : StanceLabel.REFUTES;
            if (pred == p.label()) {
                ok++;
            }
        }
        m.put(prefix + "accuracy", ok / (double) test.size());
        m.put(prefix + "pairs", (double) test.size());
    }

    private void fnc(Path dir, DjlSentenceEncoder encoder, EmbeddingStanceClassifier clf, Map<String, Double> m,
                     PrintStream out) throws IOException {
        Fnc.Split test = Fnc.read(dir, "competition_test");
        SentenceSplitter splitter = new SentenceSplitter();
        Map<Integer, List<String>> bodies = new HashMap<>();
        List<String> texts = new ArrayList<>();
        for (Map.Entry<Integer, String> b : test.bodies().entrySet()) {
            String t = b.getValue();
            List<String> s = new ArrayList<>();
            for (SentenceSplitter.Located l : splitter.split(t, Paragraphs.split(t))) {
                String x = l.span().coveredText(t);
                s.add(x.length() > 1000 ? x.substring(0, 1000) : x);
                if (s.size() == 80) {
                    break;
                }
            }
            if (s.isEmpty()) {
                s.add(t.isBlank() ? "(empty)" : t.strip());
            }
            bodies.put(b.getKey(), s);
            texts.addAll(s);
        }
        test.pairs().forEach(p -> texts.add(p.headline()));
        long t0 = System.nanoTime();
        EmbeddingTable emb;
        try {
            emb = EmbeddingTable.build(encoder, texts, null, System.err);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Map<String, TextFeatures> tf = new HashMap<>();
        List<StanceLabel> gold = new ArrayList<>();
        List<StanceLabel> pred = new ArrayList<>();
        for (Fnc.Pair p : test.pairs()) {
            List<String> s = bodies.get(p.bodyId());
            List<float[]> vecs = new ArrayList<>();
            List<TextFeatures> feats = new ArrayList<>();
            for (String x : s) {
                vecs.add(emb.get(x));
                feats.add(tf.computeIfAbsent(x, TextFeatures::of));
            }
            gold.add(p.label());
            pred.add(clf.classifyDocument(emb.get(p.headline()), tf.computeIfAbsent(p.headline(), TextFeatures::of),
                    vecs, feats).label());
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        double[] score = Fnc.score(gold, pred);
        int[] g = gold.stream().mapToInt(Enum::ordinal).toArray();
        int[] q = pred.stream().mapToInt(Enum::ordinal).toArray();
        int[][] cm = Metrics.confusion(g, q, 4);
        m.put("fnc_score", score[0] / score[1]);
        m.put("fnc_raw_score", score[0]);
        m.put("macro_f1", Metrics.macroF1(cm));
        m.put("accuracy", Metrics.accuracy(g, q));
        double[][] pc = Metrics.perClass(cm);
        for (StanceLabel l : StanceLabel.values()) {
            m.put("f1_" + l.name().toLowerCase(Locale.ROOT), pc[l.ordinal()][2]);
        }
        m.put("pairs", (double) gold.size());
        m.put("pairs_per_second", gold.size() / secs);
        putConfusion(m, cm, 4);
        out.println("confusion (rows gold, cols predicted): SUPPORTS(agree), REFUTES(disagree), NEUTRAL(discuss), "
                + "UNRELATED");
        for (int i = 0; i < 4; i++) {
            out.printf(Locale.ROOT, "  %-9s %6d %6d %6d %6d%n", StanceLabel.values()[i], cm[i][0], cm[i][1], cm[i][2],
                    cm[i][3]);
        }
    }

    private static void putConfusion(Map<String, Double> m, int[][] cm, int k) {
        for (int g = 0; g < k; g++) {
            for (int p = 0; p < k; p++) {
                m.put("confusion_" + StanceLabel.values()[g].name().toLowerCase(Locale.ROOT) + "_"
                        + StanceLabel.values()[p].name().toLowerCase(Locale.ROOT), (double) cm[g][p]);
            }
        }
    }

    private static EmbeddingTable embed(DjlSentenceEncoder encoder, List<LabeledPair> pairs) {
        List<String> texts = new ArrayList<>();
        for (LabeledPair p : pairs) {
            texts.add(p.claim());
            texts.add(p.evidence());
        }
        try {
            return EmbeddingTable.build(encoder, texts, null, new PrintStream(java.io.OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
