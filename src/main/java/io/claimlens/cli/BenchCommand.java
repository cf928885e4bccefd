package io.claimlens.cli;

import io.claimlens.bench.BatchBench;
import io.claimlens.bench.CheckLatencyBench;
import io.claimlens.bench.QuoteSpeedBench;
import io.claimlens.bench.StanceBench;
import io.claimlens.bench.SyntheticCollection;
import io.claimlens.datasets.DataFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures accuracy (and speed) on public benchmark data, read in place.",
                "Each bench prints its numbers and, with --out DIR, writes DIR/metrics.json (flat numeric keys)."},
        subcommands = {BenchCommand.Stance.class, BenchCommand.Generate.class, BenchCommand.QuoteSpeed.class,
                BenchCommand.Batch.class, BenchCommand.Check.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to benchmark: claimlens bench stance");
    }

    @Command(name = "stance", mixinStandardHelpOptions = true,
            description = "Stance accuracy on SNLI test or SICK test (3-way; UNRELATED counts as NEUTRAL).")
    static final class Stance implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "snli|sick", description = "Which test set.")
        String dataset;

        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--model", paramLabel = "DIR", description = "Stance model (default the shipped one).")
        String model = "classpath:models/stance-v1";

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            new StanceBench().run(dataset, data, model, out, System.out);
            return 0;
        }
    }

    @Command(name = "generate", mixinStandardHelpOptions = true,
            description = {"Writes a synthetic news collection from our own templates (an invented world), for speed",
                    "and memory benchmarks: OUT/articles/ (JSONL shards of 10,000 articles, .jsonl.gz) and",
                    "OUT/claims.jsonl. The same seed gives the same bytes; a smaller collection is a prefix of a",
                    "larger one.",
                    "",
                    "Example:",
                    "  claimlens bench generate --articles 10000 --seed 42 --out target/synth-10k"})
    static final class Generate implements Callable<Integer> {
        @Option(names = "--articles", required = true, paramLabel = "N", description = "Number of articles.")
        int articles;

        @Option(names = "--claims", defaultValue = "200", paramLabel = "N",
                description = "Number of claims (default ${DEFAULT-VALUE}).")
        int claims;

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--shard-size", defaultValue = "10000", paramLabel = "N",
                description = "Articles per file (default ${DEFAULT-VALUE}).")
        int shardSize;

        @Option(names = "--plain", description = "Write .jsonl instead of .jsonl.gz.")
        boolean plain;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path out;

        @Override
        public Integer call() throws Exception {
            SyntheticCollection.write(out, articles, claims, seed, shardSize, !plain, System.err);
            return 0;
        }
    }

    @Command(name = "quote-speed", mixinStandardHelpOptions = true,
            description = {"Quotation attribution: our quotes path (LIGHT NLP + our rules) against CoreNLP's default",
                    "quote pipeline (tokenize,ssplit,pos,lemma,ner,depparse,coref,quote) on the same articles, in",
                    "one run: articles/s of each, the speed-up, and speaker accuracy of each on a gold file.",
                    "Loading the CoreNLP pipeline takes ~30 s and ~2-3 GB; it runs at seconds per article.",
                    "",
                    "Example:",
                    "  claimlens bench quote-speed --articles ../shared/seeds \\",
                    "      --gold training-data/attribution/gold-seeds.tsv --repeat 3"})
    static final class QuoteSpeed implements Callable<Integer> {
        @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Articles (the same for both systems).")
        List<Path> articles;

        @Option(names = "--gold", paramLabel = "TSV", description = "Attribution gold (training-data/attribution).")
        Path gold;

        @Option(names = "--repeat", defaultValue = "3", paramLabel = "N",
                description = "Timed passes over the articles, after one warm-up pass (default ${DEFAULT-VALUE}).")
        int repeat;

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            new QuoteSpeedBench().run(articles, gold, repeat, out, System.out);
            return 0;
        }
    }

    @Command(name = "batch", mixinStandardHelpOptions = true,
            description = {"Batch throughput at several thread counts, in one run: for each count a fresh engine",
                    "builds the index from scratch and checks every claim; prints index articles/s, claims/s,",
                    "check p50/p95 and the ratios against the first count.",
                    "",
                    "Example:",
                    "  claimlens bench batch --articles target/synth-1k/articles \\",
                    "      --claims target/synth-1k/claims.jsonl --threads 1,2 --mode light"})
    static final class Batch implements Callable<Integer> {
        @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH", description = "Articles.")
        List<Path> articles;

        @Option(names = "--claims", required = true, paramLabel = "FILE", description = "Claims JSONL.")
        String claims;

        @Option(names = "--threads", defaultValue = "1,2", split = ",", paramLabel = "N,N",
                description = "Thread counts to compare (default ${DEFAULT-VALUE}).")
        List<Integer> threads;

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() throws Exception {
            new BatchBench().run(engineOptions.config(), articles, claims, threads, out, System.out);
            return 0;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"check latency on an existing on-disk index (built with claimlens index), warm: untimed",
                    "warm-up claims first, then other claims timed one by one; prints p50/p95.",
                    "",
                    "Example:",
                    "  claimlens bench check --index target/synth-10k.idx --claims target/synth-10k/claims.jsonl"})
    static final class Check implements Callable<Integer> {
        @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
        Path index;

        @Option(names = "--claims", required = true, paramLabel = "FILE", description = "Claims JSONL.")
        String claims;

        @Option(names = "--warmup", defaultValue = "20", paramLabel = "N",
                description = "Untimed claims first (default ${DEFAULT-VALUE}).")
        int warmup;

        @Option(names = "--limit", defaultValue = "100", paramLabel = "N",
                description = "Timed claims (default ${DEFAULT-VALUE}).")
        int limit;

        @Option(names = "--no-cache", description = "No embedding cache: nothing embedded for one claim is reused.")
        boolean noCache;

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() throws Exception {
            new CheckLatencyBench().run(engineOptions.config(), index, claims, warmup, limit, noCache, out,
                    System.out);
            return 0;
        }
    }
}
