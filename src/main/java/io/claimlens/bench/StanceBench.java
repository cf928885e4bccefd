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
import io.claimlens.stance.CrossAttentionStanceClassifier;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.StanceClassifier;
import io.claimlens.stance.StanceClassifiers;
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

    /** Pairs per call of the cross-attention head on FNC-1 documents. */
    private static final int DOCUMENT_CHUNK = 2000;

    public Map<String, Double> run(String dataset, Path root, String modelLocation, Path outDir, PrintStream out)
            throws IOException {
        ModelStore.Loaded loaded = ModelStore.load(modelLocation);
        EncoderModel enc = EncoderModel.byId(loaded.card().encoder());
        Map<String, Double> m = new LinkedHashMap<>();
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(enc).build());
             StanceClassifier clf = StanceClassifiers.open(encoder, loaded)) {
            Predictor predictor = clf instanceof CrossAttentionStanceClassifier cross ? cross(cross)
                    : sentenceVectors(encoder, (EmbeddingStanceClassifier) clf);
            switch (dataset.toLowerCase(Locale.ROOT)) {
                case "fnc-1", "fnc" -> fnc(root.resolve("fnc-1"), predictor, m, out);
                case "snli" -> nli(NliData.snli(root.resolve("snli/snli_1.0_test.jsonl.gz")), predictor, m);
                case "sick" -> nli(NliData.sick(root.resolve("sick/SICK_test_annotated.txt")), predictor, m);
                case "fever-symmetric" -> {
                    twoWay("", FeverSymmetric.read(root.resolve(
                            "fever-symmetric/symmetric_v0.2/fever_symmetric_test.jsonl")), predictor, m);
                    twoWay("v01_generated_", FeverSymmetric.read(root.resolve(
                            "fever-symmetric/symmetric_v0.1/fever_symmetric_generated.jsonl")), predictor, m);
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

    /** How a model under test answers a batch: pairs, and claims against whole documents. */
    private interface Predictor {
        /** Probabilities over the four labels of each pair (claims[i], evidence[i]), encoding included. */
        List<double[]> pairs(List<String> claims, List<String> evidence);

        /** The predicted label of each claim toward its document (its sentences), encoding included. */
        List<StanceLabel> documents(List<String> claims, List<List<String>> documents);
    }

    /** The sentence-vector heads: every text embedded once, then the head per pair. */
    private static Predictor sentenceVectors(DjlSentenceEncoder encoder, EmbeddingStanceClassifier clf) {
        return new Predictor() {
            @Override
            public List<double[]> pairs(List<String> claims, List<String> evidence) {
                List<String> texts = new ArrayList<>(claims);
                texts.addAll(evidence);
                EmbeddingTable emb = embed(encoder, texts);
                Map<String, TextFeatures> tf = new HashMap<>();
                List<double[]> out = new ArrayList<>();
                for (int i = 0; i < claims.size(); i++) {
                    String c = claims.get(i);
                    String e = evidence.get(i);
                    out.add(clf.classify(emb.get(c), tf.computeIfAbsent(c, TextFeatures::of), emb.get(e),
                            tf.computeIfAbsent(e, TextFeatures::of)).probabilities().toArray());
                }
                return out;
            }

            @Override
            public List<StanceLabel> documents(List<String> claims, List<List<String>> documents) {
                List<String> texts = new ArrayList<>(claims);
                documents.forEach(texts::addAll);
                EmbeddingTable emb = embed(encoder, texts);
                Map<String, TextFeatures> tf = new HashMap<>();
                List<StanceLabel> out = new ArrayList<>();
                for (int i = 0; i < claims.size(); i++) {
                    List<float[]> vecs = new ArrayList<>();
                    List<TextFeatures> feats = new ArrayList<>();
                    for (String x : documents.get(i)) {
                        vecs.add(emb.get(x));
                        feats.add(tf.computeIfAbsent(x, TextFeatures::of));
                    }
                    String c = claims.get(i);
                    out.add(clf.classifyDocument(emb.get(c), tf.computeIfAbsent(c, TextFeatures::of), vecs, feats)
                            .label());
                }
                return out;
            }
        };
    }

    /** The cross-attention head: its own batch calls (token states of the chosen sentences only). */
    private static Predictor cross(CrossAttentionStanceClassifier clf) {
        return new Predictor() {
            @Override
            public List<double[]> pairs(List<String> claims, List<String> evidence) {
                System.err.printf(Locale.ROOT, "  %,d pairs (encoding both sides, then the head)%n", claims.size());
                return clf.classifyPairs(claims, evidence).stream().map(r -> r.probabilities().toArray()).toList();
            }

            /**
             * In chunks of {@value #DOCUMENT_CHUNK} pairs with a document's pairs together (token states of a
             * whole test set at once would need gigabytes), each body sentence thus encoded about once.
             */
            @Override
            public List<StanceLabel> documents(List<String> claims, List<List<String>> documents) {
                Integer[] order = new Integer[claims.size()];
                for (int i = 0; i < order.length; i++) {
                    order[i] = i;
                }
                java.util.Arrays.sort(order, java.util.Comparator.comparing((Integer i) -> documents.get(i).get(0))
                        .thenComparingInt(i -> i));
                StanceLabel[] out = new StanceLabel[claims.size()];
                for (int from = 0; from < order.length; from += DOCUMENT_CHUNK) {
                    int to = Math.min(order.length, from + DOCUMENT_CHUNK);
                    List<String> c = new ArrayList<>();
                    List<List<String>> d = new ArrayList<>();
                    for (int k = from; k < to; k++) {
                        c.add(claims.get(order[k]));
                        d.add(documents.get(order[k]));
                    }
                    List<io.claimlens.model.StanceResult> r = clf.classifyDocuments(c, d);
                    for (int k = from; k < to; k++) {
                        out[order[k]] = r.get(k - from).label();
                    }
                    System.err.printf(Locale.ROOT, "  %,d / %,d pairs%n", to, order.length);
                }
                return List.of(out);
            }
        };
    }

    private static List<String> claims(List<LabeledPair> pairs) {
        return pairs.stream().map(LabeledPair::claim).toList();
    }

    private static List<String> evidence(List<LabeledPair> pairs) {
        return pairs.stream().map(LabeledPair::evidence).toList();
    }

    private void nli(List<LabeledPair> test, Predictor predictor, Map<String, Double> m) {
        long t0 = System.nanoTime();
        List<double[]> probs = predictor.pairs(claims(test), evidence(test));
        int[] gold = new int[test.size()];
        int[] pred = new int[test.size()];
        for (int i = 0; i < test.size(); i++) {
            double[] q = probs.get(i);
            pred[i] = Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
            gold[i] = test.get(i).label().ordinal();
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        int[][] cm = Metrics.confusion(gold, pred, 3);
        m.put("accuracy", Metrics.accuracy(gold, pred));
        m.put("macro_f1", Metrics.macroF1(cm));
        m.put("pairs", (double) test.size());
        m.put("pairs_per_second", test.size() / secs);
        putConfusion(m, cm, 3);
    }

    private void twoWay(String prefix, List<LabeledPair> test, Predictor predictor, Map<String, Double> m) {
        List<double[]> probs = predictor.pairs(claims(test), evidence(test));
        int ok = 0;
        for (int i = 0; i < test.size(); i++) {
            double[] q = probs.get(i);
            StanceLabel pred = q[0] >= q[1] ? StanceLabel.SUPPORTS : StanceLabel.REFUTES;
            if (pred == test.get(i).label()) {
                ok++;
            }
        }
        m.put(prefix + "accuracy", ok / (double) test.size());
        m.put(prefix + "pairs", (double) test.size());
    }

    private void fnc(Path dir, Predictor predictor, Map<String, Double> m, PrintStream out) throws IOException {
        Fnc.Split test = Fnc.read(dir, "competition_test");
        SentenceSplitter splitter = new SentenceSplitter();
        Map<Integer, List<String>> bodies = new HashMap<>();
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
        }
        long t0 = System.nanoTime();
        List<String> headlines = test.pairs().stream().map(Fnc.Pair::headline).toList();
        List<List<String>> docs = test.pairs().stream().map(p -> bodies.get(p.bodyId())).toList();
        List<StanceLabel> pred = predictor.documents(headlines, docs);
        List<StanceLabel> gold = test.pairs().stream().map(Fnc.Pair::label).toList();
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

    private static EmbeddingTable embed(DjlSentenceEncoder encoder, List<String> texts) {
        try {
            return EmbeddingTable.build(encoder, texts, null, new PrintStream(java.io.OutputStream.nullOutputStream()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
