package io.claimlens.bench;

import io.claimlens.datasets.LabeledPair;
import io.claimlens.datasets.NliData;
import io.claimlens.embed.BareOrtEncoder;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.ml.ModelStore;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The embedding stage against a bare ONNX Runtime session on the same sentences (SICK test, read in place): same
 * model file, tokenizer, threads, batching and pooling. Runs alternate (ours, bare, ours, bare, ...) after a
 * warm-up, and the best of the runs is compared, so background load hurts both alike.
 */
public final class EmbeddingBench {

    public Map<String, Double> run(Path root, EncoderModel model, int rounds, Path outDir, PrintStream out)
            throws IOException {
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (LabeledPair p : NliData.sick(root.resolve("sick/SICK_test_annotated.txt"))) {
            distinct.add(p.claim());
            distinct.add(p.evidence());
        }
        List<String> texts = new ArrayList<>(distinct);
        EncoderConfig cfg = EncoderConfig.builder().setModel(model).build();
        Map<String, Double> m = new LinkedHashMap<>();
        try (DjlSentenceEncoder ours = DjlSentenceEncoder.create(cfg); BareOrtEncoder bare = new BareOrtEncoder(cfg)) {
            List<String> warm = texts.subList(0, Math.min(500, texts.size()));
            ours.encode(warm);
            bare.encode(warm);
            double bestOurs = 0;
            double bestBare = 0;
            float maxDiff = 0;
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                float[][] a = ours.encode(texts);
                double s1 = (System.nanoTime() - t0) / 1e9;
                t0 = System.nanoTime();
                float[][] b = bare.encode(texts);
                double s2 = (System.nanoTime() - t0) / 1e9;
                bestOurs = Math.max(bestOurs, texts.size() / s1);
                bestBare = Math.max(bestBare, texts.size() / s2);
                for (int i = 0; i < a.length; i += 97) {
                    for (int k = 0; k < a[i].length; k++) {
                        maxDiff = Math.max(maxDiff, Math.abs(a[i][k] - b[i][k]));
                    }
                }
                out.printf(Locale.ROOT, "  round %d: djl %.0f texts/s, bare ORT %.0f texts/s%n", r + 1, texts.size() / s1,
                        texts.size() / s2);
            }
            m.put("texts", (double) texts.size());
            m.put("djl_texts_per_second", bestOurs);
            m.put("bare_ort_texts_per_second", bestBare);
            m.put("ratio", bestOurs / bestBare);
            m.put("max_abs_difference", (double) maxDiff);
        }
        out.printf(Locale.ROOT, "embedding bench (%s, %d texts): DJL %.0f/s, bare ORT %.0f/s, ratio %.3f%n",
                model.id(), m.get("texts").intValue(), m.get("djl_texts_per_second"),
                m.get("bare_ort_texts_per_second"), m.get("ratio"));
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.write(outDir.resolve("metrics.json"), ModelStore.toJson(m));
        }
        return m;
    }
}
