package io.claimlens.bench;

import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ml.Metrics;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.TextFeatures;
import io.claimlens.train.EmbeddingTable;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Stance accuracy on NLI test sets. */
public final class StanceBench {

    public Map<String, Double> run(String dataset, Path root, String modelLocation, Path outDir, PrintStream out)
            throws IOException {
        List<LabeledPair> test = switch (dataset.toLowerCase(Locale.ROOT)) {
            case "snli" -> NliData.snli(root.resolve("snli/snli_1.0_test.jsonl.gz"));
            case "sick" -> NliData.sick(root.resolve("sick/SICK_test_annotated.txt"));
            default -> throw new IllegalArgumentException("unknown stance dataset '" + dataset + "' (snli, sick)");
        };
        ModelStore.Loaded loaded = ModelStore.load(modelLocation);
        EncoderModel enc = EncoderModel.byId(loaded.card().encoder());
        try (DjlSentenceEncoder encoder = DjlSentenceEncoder.create(EncoderConfig.builder().setModel(enc).build())) {
            EmbeddingStanceClassifier clf = new EmbeddingStanceClassifier(encoder, loaded);
            List<String> texts = new ArrayList<>();
            for (LabeledPair p : test) {
                texts.add(p.claim());
                texts.add(p.evidence());
            }
            long t0 = System.nanoTime();
            EmbeddingTable emb = EmbeddingTable.build(encoder, texts, null, System.err);
            int[] gold = new int[test.size()];
            int[] pred = new int[test.size()];
            for (int i = 0; i < test.size(); i++) {
                LabeledPair p = test.get(i);
                StanceResult r = clf.classify(emb.get(p.claim()), TextFeatures.of(p.claim()), emb.get(p.evidence()),
                        TextFeatures.of(p.evidence()));
                double[] q = r.probabilities().toArray();
                pred[i] = Metrics.argmax(new double[] {q[0], q[1], q[2] + q[3]});
                gold[i] = p.label().ordinal();
            }
            double secs = (System.nanoTime() - t0) / 1e9;
            int[][] cm = Metrics.confusion(gold, pred, 3);
            Map<String, Double> m = new LinkedHashMap<>();
            m.put("accuracy", Metrics.accuracy(gold, pred));
            m.put("macro_f1", Metrics.macroF1(cm));
            m.put("pairs", (double) test.size());
            m.put("pairs_per_second", test.size() / secs);
            out.printf(Locale.ROOT, "stance bench %s (%s): accuracy %.4f, macro-F1 %.4f, %d pairs, %.0f pairs/s%n",
                    dataset, loaded.card().id(), m.get("accuracy"), m.get("macro_f1"), test.size(),
                    m.get("pairs_per_second"));
            out.println("confusion (rows gold, cols predicted): SUPPORTS, REFUTES, NEUTRAL");
            for (int g = 0; g < 3; g++) {
                out.printf(Locale.ROOT, "  %-9s %6d %6d %6d%n", StanceLabel.values()[g], cm[g][0], cm[g][1], cm[g][2]);
            }
            if (outDir != null) {
                Files.createDirectories(outDir);
                Files.write(outDir.resolve("metrics.json"), ModelStore.toJson(m));
            }
            return m;
        }
    }
}
