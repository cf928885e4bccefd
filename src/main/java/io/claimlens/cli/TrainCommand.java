package io.claimlens.cli;

import io.claimlens.datasets.DataFiles;
import io.claimlens.embed.EncoderModel;
import io.claimlens.train.StanceTrainer;
import io.claimlens.train.VerdictTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model from the public datasets and writes it with its model card to models/.",
                "Datasets are read in place. The same seed reproduces the same model bytes.",
                "Run from the project directory."},
        subcommands = {TrainCommand.Stance.class, TrainCommand.Verdict.class})
final class TrainCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to train: claimlens train stance | verdict");
    }

    static String commandLine(String what, Path data, Path out, long seed) {
        return "claimlens train " + what + " --data " + data + " --out " + out + " --seed " + seed;
    }

    @Command(name = "stance", mixinStandardHelpOptions = true,
            description = "Trains the stance head on SNLI dev, SICK train and training-data/stance/hard-cases.tsv; "
                    + "evaluates on SNLI test and SICK test.")
    static final class Stance implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default models/stance-v1).")
        Path out = Path.of("models/stance-v1");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--epochs", defaultValue = "20", description = "Epochs (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", description = "Encoder id.")
        String encoder;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache (default "
                + "target/embedding-cache; results do not depend on it).")
        Path cache = Path.of("target/embedding-cache");

        @Override
        public Integer call() throws Exception {
            new StanceTrainer().train(new StanceTrainer.Options(data, out, out.getFileName().toString(), seed,
                    EncoderModel.byId(encoder), epochs, cache, commandLine("stance", data, out, seed)), System.err);
            return 0;
        }
    }

    @Command(name = "verdict", mixinStandardHelpOptions = true,
            description = "Trains the verdict model on CLIMATE-FEVER with 5-fold cross-validation and temperature "
                    + "scaling; needs a stance model.")
    static final class Verdict implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--stance-model", paramLabel = "DIR", description = "Stance model (default models/stance-v1).")
        Path stance = Path.of("models/stance-v1");

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default models/verdict-v1).")
        Path out = Path.of("models/verdict-v1");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--epochs", defaultValue = "60", description = "Epochs (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", description = "Encoder id.")
        String encoder;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache.")
        Path cache = Path.of("target/embedding-cache");

        @Override
        public Integer call() throws Exception {
            new VerdictTrainer().train(new VerdictTrainer.Options(data, stance, out, out.getFileName().toString(),
                    seed, EncoderModel.byId(encoder), epochs, cache, commandLine("verdict", data, out, seed)
                    + " --stance-model " + stance), System.err);
            return 0;
        }
    }
}
