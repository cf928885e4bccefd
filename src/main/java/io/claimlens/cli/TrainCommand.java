package io.claimlens.cli;

import io.claimlens.datasets.DataFiles;
import io.claimlens.embed.EncoderModel;
import io.claimlens.train.CheckworthinessTrainer;
import io.claimlens.train.StanceTrainer;
import io.claimlens.train.VerdictTrainer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = {"Trains a model from the public datasets and writes it with its model card to models/.",
                "Datasets are read in place. The same seed reproduces the same model bytes.",
                "Run from the project directory."},
        subcommands = {TrainCommand.Stance.class, TrainCommand.Verdict.class,
                TrainCommand.AttributionConfidenceCmd.class, TrainCommand.Checkworthiness.class})
final class TrainCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to train: claimlens train stance | verdict | checkworthiness");
    }

    static String commandLine(String what, Path data, Path out, long seed) {
        return "claimlens train " + what + " --data " + data + " --out " + out + " --seed " + seed;
    }

    @Command(name = "stance", mixinStandardHelpOptions = true,
            description = {"Trains the stance head with DJL on FNC-1 train (10%% of bodies held out), SNLI dev, SICK "
                    + "train and training-data/stance/hard-cases.tsv; evaluates on FNC-1 competition test, SNLI test "
                    + "and SICK test.",
                    "With --design CROSS_INFERENCE --base DIR, keeps that cross-attention model's stance head and "
                            + "trains sentence-pair heads beside it on SNLI dev, SICK train, the hard cases and "
                            + "unrelated FNC-1 headline/sentence pairs (stance-v5 is stance-v4 plus such heads).",
                    "With --compare, trains the linear and MLP designs on every encoder and prints their numbers "
                            + "instead of writing a model."})
    static final class Stance implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default models/stance-v2).")
        Path out = Path.of("models/stance-v2");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--epochs", defaultValue = "8", description = "Epochs (default ${DEFAULT-VALUE}); the "
                + "CROSS designs keep the epoch with the best held-out FNC-1 dev + SICK trial mean.")
        int epochs;

        @Option(names = "--design", defaultValue = "MLP", description = "LINEAR, MLP, CROSS, CROSS_LEXICAL or "
                + "CROSS_INFERENCE: a head over sentence vectors, decomposable attention over token states with all "
                + "pair features or only the lexical ones (slower to train; stance-v4 is CROSS), or a CROSS model "
                + "plus sentence-pair heads (needs --base) (default ${DEFAULT-VALUE}).")
        io.claimlens.stance.StanceDesign design;

        @Option(names = "--base", paramLabel = "DIR", description = "With --design CROSS_INFERENCE: the CROSS or "
                + "CROSS_LEXICAL model whose stance head is kept (e.g. models/stance-v4).")
        Path base;

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", description = "Encoder id.")
        String encoder;

        @Option(names = "--compare", description = "Compare designs and encoders; writes no model.")
        boolean compare;

        @Option(names = "--compare-encoders", split = ",", paramLabel = "ID",
                description = "With --compare: only these encoder ids (default all; each new encoder embeds ~77,000 "
                        + "texts once, cached).")
        java.util.List<String> compareEncoders;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache (default "
                + "target/embedding-cache; results do not depend on it).")
        Path cache = Path.of("target/embedding-cache");

        @Override
        public Integer call() throws Exception {
            io.claimlens.train.StanceTrainer t = new io.claimlens.train.StanceTrainer();
            if (compare) {
                for (EncoderModel m : EncoderModel.values()) {
                    if (compareEncoders != null && !compareEncoders.contains(m.id())) {
                        continue;
                    }
                    for (io.claimlens.stance.StanceDesign d : java.util.List.of(io.claimlens.stance.StanceDesign.LINEAR,
                            io.claimlens.stance.StanceDesign.MLP)) {
                        System.err.println("== " + m.id() + " / " + d);
                        java.util.Map<String, Double> r = t.train(new io.claimlens.train.StanceTrainer.Options(data,
                                null, "compare", seed, m, d, epochs, cache, "compare"), System.err);
                        System.out.println(m.id() + "\t" + d + "\t" + r);
                    }
                }
                return 0;
            }
            if ((base != null) != (design == io.claimlens.stance.StanceDesign.CROSS_INFERENCE)) {
                throw new IllegalArgumentException(base == null ? "--design CROSS_INFERENCE needs --base DIR, the "
                        + "cross-attention model whose stance head it keeps" : "--base is only for --design "
                        + "CROSS_INFERENCE");
            }
            t.train(new io.claimlens.train.StanceTrainer.Options(data, out, out.getFileName().toString(), seed,
                    EncoderModel.byId(encoder), design, epochs, cache, commandLine("stance", data, out, seed)
                    + " --design " + design + (base == null ? "" : " --base " + base) + " --epochs " + epochs
                    + " --encoder " + encoder, base), System.err);
            return 0;
        }
    }

    @Command(name = "verdict", mixinStandardHelpOptions = true,
            description = "Trains the engine's calibrated verdict model on CLIMATE-FEVER, AVeriTeC train and our "
                    + "graded scenarios (training-data/verdict); needs a stance model.")
    static final class Verdict implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--stance-model", paramLabel = "DIR", description = "Stance model (default models/stance-v2).")
        Path stance = Path.of("models/stance-v2");

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default models/verdict-v2).")
        Path out = Path.of("models/verdict-v2");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", description = "Encoder id.")
        String encoder;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache.")
        Path cache = Path.of("target/embedding-cache");

        @Override
        public Integer call() throws Exception {
            new VerdictTrainer().train(new VerdictTrainer.Options(data, stance, out, out.getFileName().toString(),
                    seed, EncoderModel.byId(encoder), cache, commandLine("verdict", data, out, seed)
                    + " --stance-model " + stance
                    + (encoder.equals("all-minilm-l6-v2") ? "" : " --encoder " + encoder)),
                    System.err);
            return 0;
        }
    }

    @Command(name = "attribution-confidence", mixinStandardHelpOptions = true,
            description = {"Fits the confidence of the quotation-attribution rules on PolNeAR: judges every "
                    + "attribution on the training split against the gold, fits a per-rule precision table and a "
                    + "logistic model over the attribution's features, and keeps the one with the lower calibration "
                    + "error (ECE) on the dev split. About 2 minutes on 2 cores.",
                    "",
                    "Example:",
                    "  claimlens train attribution-confidence --data ../shared/datasets/polnear --split train "
                            + "--dev-split dev --out models/attribution-confidence-v2"})
    static final class AttributionConfidenceCmd implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "PolNeAR root (default "
                + "../shared/datasets/polnear).")
        Path data = Path.of("../shared/datasets/polnear");

        @Option(names = "--split", defaultValue = "train", description = "Split to fit on (default "
                + "${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--dev-split", defaultValue = "dev", description = "Split that chooses between the table "
                + "and the logistic model (default ${DEFAULT-VALUE}); the test split is for the benchmark.")
        String devSplit;

        @Option(names = "--out", paramLabel = "DIR", description = "Model directory (default "
                + "models/attribution-confidence-v2).")
        Path out = Path.of("models/attribution-confidence-v2");

        @Override
        public Integer call() throws Exception {
            if (split.equals(devSplit)) {
                throw new IllegalArgumentException("--split and --dev-split must differ");
            }
            new io.claimlens.train.AttributionConfidenceTrainer().train(
                    new io.claimlens.train.AttributionConfidenceTrainer.Options(data, split, devSplit, out,
                            "claimlens train attribution-confidence --data " + data + " --split " + split
                                    + " --dev-split " + devSplit + " --out " + out), System.err);
            return 0;
        }
    }

    @Command(name = "checkworthiness", mixinStandardHelpOptions = true,
            description = {"Trains the check-worthiness head on CheckThat! 2019 task 1 and 2020 task 5 training "
                    + "transcripts (de-duplicated; test files never used) and ClaimBuster kfold_25ncs.",
                    "Compares the designs (softmax regression on embeddings, on embeddings + hand features, a small "
                            + "MLP, ensembles of 5 and 10 MLPs, without context, with the neighbouring sentences' "
                            + "mean or both of them, with the speaker's role in the transcript: share of lines, "
                            + "question rate; and with known claims: the training transcripts' check-worthy "
                            + "sentences, whose highest similarity to a sentence adds to its score with a weight "
                            + "cross-validation chooses) by 5-fold cross-validation over transcripts, keeps the best "
                            + "by MAP, "
                            + "trains it on all the data and writes it with its model card. All nine designs take "
                            + "more than the 34 minutes the first eight took "
                            + "on 2 cores; the first run also embeds "
                            + "~72,000 sentences (cached in --cache-dir).",
                    "",
                    "Example:",
                    "  claimlens train checkworthiness --data ../shared/datasets --out models/checkworthiness-v3 "
                            + "--seed 42 --mlp-epochs 3 --cv-repeats 3 --designs "
                            + "mlp5-embedding+features+context+speaker+known-claims",
                    "  (the shipped model's command: one design, 3 fold splits, about 20 minutes)"})
    static final class Checkworthiness implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--out", paramLabel = "DIR",
                description = "Model directory (default models/checkworthiness-v3).")
        Path out = Path.of("models/checkworthiness-v3");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--lr-epochs", defaultValue = "10",
                description = "Epochs of the softmax-regression designs (default ${DEFAULT-VALUE}).")
        int lrEpochs;

        @Option(names = "--mlp-epochs", defaultValue = "6",
                description = "Most epochs of the MLP designs; the best in cross-validation is kept (default "
                        + "${DEFAULT-VALUE}).")
        int mlpEpochs;

        @Option(names = "--hidden", defaultValue = "64", description = "MLP hidden units (default ${DEFAULT-VALUE}).")
        int hidden;

        @Option(names = "--pos-weight", defaultValue = "8",
                description = "Loss weight of a check-worthy sentence (default ${DEFAULT-VALUE}).")
        double posWeight;

        @Option(names = "--claimbuster-weight", defaultValue = "1", paramLabel = "W",
                description = "Loss weight of a ClaimBuster sentence relative to a CheckThat! transcript line "
                        + "(default ${DEFAULT-VALUE}; below 1 leans the head toward CheckThat!'s notion of "
                        + "check-worthy, which cross-validation scores).")
        double claimBusterWeight;

        @Option(names = "--cv-repeats", defaultValue = "1", paramLabel = "N",
                description = "Repeat the cross-validation with N different fold splits (seed, seed+1, ...) and "
                        + "compare designs by the mean MAP (default ${DEFAULT-VALUE}; N times the CV time). The CV "
                        + "MAP of one split moves by a few hundredths with the split, more than designs differ.")
        int cvRepeats;

        @Option(names = "--designs", split = ",", paramLabel = "NAME",
                description = "Only these designs (default all): lr-embedding, lr-embedding+features, "
                        + "mlp-embedding+features, mlp5-embedding+features, mlp5-embedding+features+context, "
                        + "mlp5-embedding+features+context+speaker, mlp5-embedding+features+split-context, "
                        + "mlp10-embedding+features+context.")
        List<String> designs;

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", paramLabel = "ID",
                description = "Encoder id, or ids joined by + to train over their vectors side by side "
                        + "(e.g. all-minilm-l6-v2+bge-small-en-v1.5-q; detect then runs both).")
        String encoder;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache (default "
                + "target/embedding-cache; results do not depend on it).")
        Path cache = Path.of("target/embedding-cache");

        @Override
        public Integer call() throws Exception {
            StringBuilder cmd = new StringBuilder(commandLine("checkworthiness", data, out, seed));
            if (lrEpochs != 10) {
                cmd.append(" --lr-epochs ").append(lrEpochs);
            }
            if (mlpEpochs != 6) {
                cmd.append(" --mlp-epochs ").append(mlpEpochs);
            }
            if (hidden != 64) {
                cmd.append(" --hidden ").append(hidden);
            }
            if (posWeight != 8) {
                cmd.append(" --pos-weight ").append(posWeight);
            }
            if (claimBusterWeight != 1) {
                cmd.append(" --claimbuster-weight ").append(claimBusterWeight);
            }
            if (cvRepeats != 1) {
                cmd.append(" --cv-repeats ").append(cvRepeats);
            }
            if (designs != null && !designs.isEmpty()) {
                cmd.append(" --designs ").append(String.join(",", designs));
            }
            if (!encoder.equals("all-minilm-l6-v2")) {
                cmd.append(" --encoder ").append(encoder);
            }
            new CheckworthinessTrainer().train(new CheckworthinessTrainer.Options(data, out,
                    out.getFileName().toString(), seed, encoder, cache, cmd.toString(), lrEpochs,
                    mlpEpochs, hidden, posWeight, claimBusterWeight, cvRepeats, designs), System.err);
            return 0;
        }
    }
}
