package io.claimlens.cli;

import io.claimlens.bench.CheckworthinessBench;
import io.claimlens.bench.StanceBench;
import io.claimlens.claims.detect.CheckworthinessClassifier;
import io.claimlens.datasets.DataFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures accuracy (and speed) on public benchmark data, read in place.",
                "Each bench prints its numbers and, with --out DIR, writes DIR/metrics.json (flat numeric keys)."},
        subcommands = {BenchCommand.Stance.class, BenchCommand.Checkworthiness.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to benchmark: claimlens bench stance | checkworthiness");
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

    @Command(name = "checkworthiness", mixinStandardHelpOptions = true,
            description = {"Check-worthiness: MAP, R-precision and P@10 on the CheckThat! 2019 task 1 or 2020 task 5 "
                    + "test transcripts (never trained on), or 4-fold cross-validated CFS F1 on ClaimBuster beside a "
                    + "TF-IDF + logistic-regression baseline trained in the same run; plus throughput "
                    + "(classifier sentences/s, detection articles/s on 2 threads) with the load average.",
                    "",
                    "Example:",
                    "  claimlens bench checkworthiness --dataset checkthat2019 --out target/bench/cw2019"})
    static final class Checkworthiness implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "checkthat2019|checkthat2020|claimbuster",
                description = "Which benchmark.")
        String dataset;

        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--model", paramLabel = "DIR",
                description = "Check-worthiness model (default the shipped one).")
        String model = CheckworthinessClassifier.DEFAULT_MODEL;

        @Option(names = "--articles", arity = "1..*", paramLabel = "PATH",
                description = "Articles for the articles/s measure (default ../shared/seeds if present, else "
                        + "examples/).")
        List<Path> articles;

        @Option(names = "--rounds", defaultValue = "4",
                description = "Times the articles are processed for the articles/s measure (default "
                        + "${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--seed", defaultValue = "42", description = "Fold seed for ClaimBuster (default "
                + "${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache for the accuracy part "
                + "(default target/embedding-cache; throughput is always measured without it).")
        Path cache = Path.of("target/embedding-cache");

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            List<Path> arts = articles;
            if (arts == null) {
                Path seeds = Path.of("..", "shared", "seeds");
                arts = List.of(Files.isDirectory(seeds) ? seeds : Path.of("examples"));
            }
            new CheckworthinessBench().run(new CheckworthinessBench.Options(dataset, data, model, out, arts, rounds,
                    cache, seed), System.out);
            return 0;
        }
    }
}
