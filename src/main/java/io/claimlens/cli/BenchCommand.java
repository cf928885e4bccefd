package io.claimlens.cli;

import io.claimlens.bench.StanceBench;
import io.claimlens.datasets.DataFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures accuracy (and speed) on public benchmark data, read in place.",
                "Each bench prints its numbers and, with --out DIR, writes DIR/metrics.json (flat numeric keys)."},
        subcommands = {BenchCommand.Stance.class})
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
}
