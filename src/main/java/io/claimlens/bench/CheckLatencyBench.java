package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.batch.ClaimSource;
import io.claimlens.embed.CachingEncoder;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.EngineConfig;
import io.claimlens.model.InputProblem;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Latency of {@code check} on an existing on-disk index, warm: the engine is loaded and the index opened, the first
 * {@code warmup} claims are checked untimed (JIT, index pages in the OS cache), then the next {@code limit} claims,
 * different ones, are checked one at a time and timed. With {@code noCache} the encoder has no embedding cache, so
 * no evidence sentence embedded for an earlier claim is reused. Besides wall time, the process's CPU time per check
 * is recorded: on a machine shared with other work, wall time grows with the load, CPU time much less; on an idle
 * machine a check's wall time is at most its CPU time (it waits on nothing once warm) and less when the encoder's
 * two threads run in parallel.
 */
public final class CheckLatencyBench {

    /** Runs the benchmark; returns flat metrics (also written to {@code outDir/metrics.json} when given). */
    public Map<String, Double> run(EngineConfig config, Path index, String claims, int warmup, int limit,
                                   boolean noCache, Path outDir, PrintStream out) throws IOException {
        List<String> texts = new ArrayList<>();
        ClaimSource.read(claims, new ClaimSource.Sink() {
            @Override
            public void claim(ClaimSource.Input in) {
                texts.add(in.text());
            }

            @Override
            public void problem(InputProblem p) {
                out.println("skipped: " + p.describe());
            }
        });
        if (texts.size() < warmup + 1) {
            throw new IllegalArgumentException("need more than " + warmup + " claims, have " + texts.size());
        }
        List<String> measured = texts.subList(warmup, Math.min(texts.size(), warmup + limit));
        ClaimEngine.Builder b = ClaimEngine.builder().optConfig(config);
        DjlSentenceEncoder plain = null;
        if (noCache) {
            plain = DjlSentenceEncoder.create(config.encoder());
            b.optEncoder(plain);
        }
        Map<String, Double> m = new LinkedHashMap<>();
        try (ClaimEngine engine = b.build(); Corpus corpus = CorpusWriter.open(index)) {
            out.printf(Locale.ROOT, "index %s: %,d articles; %d warm-up claims, %d timed%n", index,
                    corpus.articleCount(), warmup, measured.size());
            for (String t : texts.subList(0, warmup)) {
                engine.check(t, corpus);
            }
            double[] ms = new double[measured.size()];
            double[] cpu = new double[measured.size()];
            for (int i = 0; i < measured.size(); i++) {
                long c0 = processCpuNanos();
                long t0 = System.nanoTime();
                engine.check(measured.get(i), corpus);
                ms[i] = (System.nanoTime() - t0) / 1e6;
                cpu[i] = (processCpuNanos() - c0) / 1e6;
            }
            Arrays.sort(ms);
            Arrays.sort(cpu);
            m.put("articles", (double) corpus.articleCount());
            m.put("claims", (double) ms.length);
            m.put("p50_ms", percentile(ms, 50));
            m.put("p95_ms", percentile(ms, 95));
            m.put("mean_ms", Arrays.stream(ms).average().orElse(0));
            m.put("max_ms", ms[ms.length - 1]);
            if (cpu[cpu.length - 1] > 0) {
                // CPU time of the whole process per check: what the check costs whatever else runs on the machine
                m.put("cpu_p50_ms", percentile(cpu, 50));
                m.put("cpu_p95_ms", percentile(cpu, 95));
            }
            m.put("embedding_cache", noCache ? 0.0 : 1.0);
            if (!noCache && engine.encoder() instanceof CachingEncoder c) {
                long[] hm = c.stats();
                m.put("cache_hit_rate", hm[0] / (double) Math.max(1, hm[0] + hm[1]));
            }
            out.printf(Locale.ROOT, "check latency: p50 %.0f ms, p95 %.0f ms, mean %.0f ms, max %.0f ms%n",
                    m.get("p50_ms"), m.get("p95_ms"), m.get("mean_ms"), m.get("max_ms"));
            if (m.containsKey("cpu_p50_ms")) {
                out.printf(Locale.ROOT, "process CPU time per check: p50 %.0f ms, p95 %.0f ms%n", m.get("cpu_p50_ms"),
                        m.get("cpu_p95_ms"));
            }
        } finally {
            if (plain != null) {
                plain.close();
            }
        }
        if (outDir != null) {
            Files.createDirectories(outDir);
            Files.writeString(outDir.resolve("metrics.json"),
                    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
        }
        return m;
    }

    /** CPU time used by this process so far (all threads, native ones included), or 0 where unknown. */
    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return Math.max(0, os.getProcessCpuTime());
        }
        return 0;
    }

    static double percentile(double[] sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
