package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.batch.BatchSummary;
import io.claimlens.batch.ClaimSource;
import io.claimlens.batch.ProcessMemory;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.EngineConfig;
import io.claimlens.engine.IndexListener;
import io.claimlens.ingest.Ingested;
import io.claimlens.retrieve.Corpus;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Batch throughput at several thread counts in one run: for each count, a fresh engine (no embedding cache carried
 * over) runs the whole batch (index built from scratch in a temporary directory, then every claim checked), and its
 * index articles/s, claims/s and per-claim latency are recorded; ratios are against the first count. One untimed
 * warm-up (a few hundred articles, a few claims) comes first, so that JIT compilation is not charged to the first
 * configuration.
 */
public final class BatchBench {

    /** Runs the benchmark; returns flat metrics (also written to {@code outDir/metrics.json} when given). */
    public Map<String, Double> run(EngineConfig config, List<Path> articles, String claims, List<Integer> threads,
                                   Path outDir, PrintStream out) throws IOException {
        Path work = Files.createTempDirectory("claimlens-bench-batch");
        Map<String, Double> m = new LinkedHashMap<>();
        try {
            out.printf(Locale.ROOT, "warm-up (untimed)...%n");
            try (ClaimEngine engine = ClaimEngine.builder().optConfig(config).build();
                 Stream<Ingested> head = engine.reader().read(articles).limit(300);
                 Corpus c = engine.index(head, null, IndexListener.NONE, threads.get(threads.size() - 1)).corpus()) {
                List<String> texts = new ArrayList<>();
                ClaimSource.read(claims, new ClaimSource.Sink() {
                    @Override
                    public void claim(ClaimSource.Input in) {
                        if (texts.size() < 10) {
                            texts.add(in.text());
                        }
                    }

                    @Override
                    public void problem(io.claimlens.model.InputProblem p) {
                    }
                });
                for (String t : texts) {
                    engine.check(t, c);
                }
            }
            out.printf(Locale.ROOT, "%-8s %12s %12s %10s %10s %10s%n", "threads", "index art/s", "claims/s",
                    "p50 ms", "p95 ms", "seconds");
            BatchSummary first = null;
            for (int t : threads) {
                Path dir = work.resolve("t" + t);
                BatchSummary s;
                try (ClaimEngine engine = ClaimEngine.builder().optConfig(config).build()) {
                    s = BatchRunner.run(engine, BatchOptions.builder().setClaims(claims).setArticles(articles)
                            .setOut(dir).optThreads(t).build(), BatchListener.NONE);
                }
                if (first == null) {
                    first = s;
                }
                out.printf(Locale.ROOT, "%-8d %12.2f %12.2f %10.0f %10.0f %10.1f%n", t, s.articlesPerSecond(),
                        s.claimsPerSecond(), s.checkP50Ms(), s.checkP95Ms(), s.indexSeconds() + s.checkSeconds());
                String k = "t" + t + "_";
                m.put(k + "index_articles_per_s", s.articlesPerSecond());
                m.put(k + "claims_per_s", s.claimsPerSecond());
                m.put(k + "check_p50_ms", s.checkP50Ms());
                m.put(k + "check_p95_ms", s.checkP95Ms());
                m.put(k + "index_speedup", s.articlesPerSecond() / first.articlesPerSecond());
                m.put(k + "check_speedup", s.claimsPerSecond() / first.claimsPerSecond());
                m.put("articles", (double) (s.articlesIndexed() + s.articlesUnchanged()));
                m.put("claims", (double) s.claimsChecked());
                deleteTree(dir);
            }
            m.put("peak_rss_mb", (double) ProcessMemory.peakRssMb());
            for (int t : threads.subList(1, threads.size())) {
                out.printf(Locale.ROOT, "%d threads vs %d: index %.2fx, check %.2fx%n", t, threads.get(0),
                        m.get("t" + t + "_index_speedup"), m.get("t" + t + "_check_speedup"));
            }
        } finally {
            deleteTree(work);
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("metrics.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        }
        return m;
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
