package io.claimlens.cli;

import io.claimlens.bench.BatchBench;
import io.claimlens.bench.CheckLatencyBench;
import io.claimlens.bench.CheckworthinessBench;
import io.claimlens.bench.QuoteSpeedBench;
import io.claimlens.bench.StanceBench;
import io.claimlens.bench.SyntheticCollection;
import io.claimlens.claims.detect.CheckworthinessClassifier;
import io.claimlens.datasets.DataFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Measures accuracy (and speed) on public benchmark data, read in place.",
                "Each bench prints its numbers and, with --out DIR, writes DIR/metrics.json (flat numeric keys)."},
        subcommands = {BenchCommand.Stance.class, BenchCommand.Quotes.class, BenchCommand.Embedding.class,
                BenchCommand.Verdict.class, BenchCommand.Generate.class,
                BenchCommand.QuoteSpeed.class, BenchCommand.Batch.class, BenchCommand.Check.class,
                BenchCommand.Checkworthiness.class, BenchCommand.Fuzz.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        throw new IllegalArgumentException("say what to benchmark: claimlens bench stance | quotes");
    }

    @Command(name = "stance", mixinStandardHelpOptions = true,
            description = {"Stance on public test sets: fnc-1 (FNC score, macro-F1, confusion), snli and sick "
                    + "(3-way; UNRELATED counts as NEUTRAL), fever-symmetric (2-way).",
                    "Example: claimlens bench stance --dataset fnc-1 --out target/bench/stance-fnc"})
    static final class Stance implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "NAME",
                description = "fnc-1, snli, sick or fever-symmetric.")
        String dataset;

        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--model", paramLabel = "DIR", description = "Stance model (default the shipped one).")
        String model = "classpath:models/stance-v2";

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            new StanceBench().run(dataset, data, model, out, System.out);
            return 0;
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = {"Quotation attribution: our news rules against CoreNLP's own attribution, same articles,"
                    + " same run.",
                    "PolNeAR: content-span P/R/F1 (a prediction matches a gold quote holding >= 50%% of it) and "
                            + "source-match accuracy, confidence ECE, articles/s, and the attribution step's share of"
                            + " the light NER pipeline's time. Gold files: speaker accuracy.",
                    "Example: claimlens bench quotes --data ../shared/datasets/polnear --split test --out "
                            + "target/bench/quotes"})
    static final class Quotes implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "PolNeAR root (default "
                + "../shared/datasets/polnear); 'none' to skip it.")
        String data = "../shared/datasets/polnear";

        @Option(names = "--split", defaultValue = "test", description = "train, dev or test (default "
                + "${DEFAULT-VALUE}).")
        String split;

        @Option(names = "--limit", defaultValue = "0", description = "Use only the first N articles (0: all).")
        int limit;

        @Option(names = "--gold", arity = "0..*", paramLabel = "TSV=DIR", description = "Gold files and their "
                + "article directories (default: training-data/attribution/gold-seeds.tsv=../shared/seeds and "
                + "gold-examples.tsv=examples).")
        java.util.List<String> gold;

        @Option(names = "--no-baseline", description = "Skip CoreNLP's attribution (it loads in ~30 s and takes "
                + "seconds per article).")
        boolean noBaseline;

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            java.util.Map<Path, Path> goldFiles = new java.util.LinkedHashMap<>();
            java.util.List<String> pairs = gold != null ? gold : java.util.List.of(
                    "training-data/attribution/gold-seeds.tsv=../shared/seeds",
                    "training-data/attribution/gold-examples.tsv=examples");
            for (String p : pairs) {
                String[] kv = p.split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--gold takes TSV=DIR, not '" + p + "'");
                }
                if (java.nio.file.Files.isDirectory(Path.of(kv[1]))) {
                    goldFiles.put(Path.of(kv[0]), Path.of(kv[1]));
                } else {
                    System.err.println("skipping gold " + kv[0] + ": no directory " + kv[1]);
                }
            }
            Path polnear = data.equals("none") ? null : Path.of(data);
            new io.claimlens.bench.QuoteBench().run(new io.claimlens.bench.QuoteBench.Options(polnear, split, limit,
                    goldFiles, !noBaseline, out), System.out);
            return 0;
        }
    }

    @Command(name = "embedding", mixinStandardHelpOptions = true,
            description = {"The embedding stage (DJL) against a bare ONNX Runtime session on the same sentences "
                    + "(SICK test): texts per second and their ratio.",
                    "Example: claimlens bench embedding --rounds 3 --out target/bench/embedding"})
    static final class Embedding implements Callable<Integer> {
        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", description = "Encoder id.")
        String encoder;

        @Option(names = "--rounds", defaultValue = "3", description = "Alternating timed rounds (default "
                + "${DEFAULT-VALUE}).")
        int rounds;

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json here.")
        Path out;

        @Override
        public Integer call() throws Exception {
            new io.claimlens.bench.EmbeddingBench().run(data, io.claimlens.embed.EncoderModel.byId(encoder), rounds,
                    out, System.out);
            return 0;
        }
    }

    @Command(name = "verdict", mixinStandardHelpOptions = true,
            description = {"Verdict accuracy and calibration on a public dataset, read in place after a SHA-256 check.",
                    "climate-fever: 5-fold cross-validation; averitec: fit on train, score dev; liar: fit on train, "
                            + "check on valid, score test.",
                    "Each fit is five heads, each trained on four fifths of the training claims; the calibrator and "
                            + "the macro-F1 rule are fitted on their out-of-fold predictions.",
                    "Writes metrics.json, reliability.png and predictions.jsonl (one line per scored claim: id, gold "
                            + "grade, prediction, probabilities) with --out.",
                    "Example (CLIMATE-FEVER's default recipe, evidence-head: its best accuracy, macro-F1 and ECE in "
                            + "benchmarks/RESULTS.md):",
                    "  claimlens bench verdict --dataset climate-fever --out target/bench/verdict-cf",
                    "The engine's own features alone, for comparison:",
                    "  claimlens bench verdict --dataset climate-fever --recipe evidence --out target/bench/cf-ev",
                    "AVeriTeC, where macro-F1 is the number that matters (61%% of dev is Refuted):",
                    "  claimlens bench verdict --dataset averitec --decision macro-f1 --out target/bench/averitec"})
    static final class Verdict implements Callable<Integer> {
        @Option(names = "--dataset", required = true, paramLabel = "NAME",
                description = "climate-fever, averitec or liar.")
        String dataset;

        @Option(names = "--data", paramLabel = "DIR", description = "Datasets root (default ../shared/datasets).")
        Path data = DataFiles.defaultRoot();

        @Option(names = "--recipe", paramLabel = "RECIPE", description = "dataset (evidence + claim embedding;"
                + " AVeriTeC: evidence + the answers' shape + a bag-of-words head + an embedding head over three "
                + "encoders; LIAR: claim embedding + metadata), evidence (the engine's features) or evidence-head "
                + "(climate-fever only: evidence plus heads that learn CLIMATE-FEVER's evidence-level labels "
                + "(MLPs over three encoders' embeddings and attention over BGE-small's token states; 40-55 min on "
                + "2 cores), a bag-of-words head and the embedding head, all inside each fold's training claims). "
                + "Where heads are stacked (AVeriTeC's dataset, evidence-head) the verdict head is a small MLP, "
                + "elsewhere a softmax regression. Default: evidence-head for climate-fever, dataset for the others.")
        String recipe;

        @Option(names = "--model", paramLabel = "DIR", description = "Score this engine verdict model as it is "
                + "instead of fitting a recipe.")
        Path model;

        @Option(names = "--stance-model", paramLabel = "DIR", description = "Stance model (default "
                + "models/stance-v2).")
        Path stance = Path.of("models/stance-v2");

        @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--cache-dir", paramLabel = "DIR", description = "Embedding cache.")
        Path cache = Path.of("target/embedding-cache");

        @Option(names = "--out", paramLabel = "DIR", description = "Write metrics.json, reliability.png and predictions.jsonl here.")
        Path out;

        @Option(names = "--decision", defaultValue = "argmax", paramLabel = "RULE",
                converter = DecisionConverter.class,
                description = "How a grade is named from the calibrated probabilities: argmax (the most probable; "
                        + "best expected accuracy) or macro-f1 (probability over training prior^alpha with a "
                        + "threshold offset per grade, chosen for the expected macro-F1 under the calibrated "
                        + "out-of-fold probabilities of the training claims, no grade read). accuracy and macro_f1 "
                        + "follow the rule; both rules are always reported (*_argmax, *_macro_f1_rule), and the rule "
                        + "chosen on the same claims' observed grades too (*_macro_f1_rule_observed). "
                        + "Default ${DEFAULT-VALUE}.")
        io.claimlens.bench.VerdictBench.Decision decision;

        @Override
        public Integer call() throws Exception {
            new io.claimlens.bench.VerdictBench().run(new io.claimlens.bench.VerdictBench.Options(dataset, data,
                    recipe != null ? recipe : io.claimlens.bench.VerdictBench.defaultRecipe(dataset), model, stance,
                    seed, cache, out, decision), System.out);
            return 0;
        }
    }

    /** {@code argmax} / {@code macro-f1} on the command line. */
    static final class DecisionConverter implements picocli.CommandLine.ITypeConverter<io.claimlens.bench.VerdictBench.Decision> {
        @Override
        public io.claimlens.bench.VerdictBench.Decision convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "argmax" -> io.claimlens.bench.VerdictBench.Decision.ARGMAX;
                case "macro-f1" -> io.claimlens.bench.VerdictBench.Decision.MACRO_F1;
                default -> throw new picocli.CommandLine.TypeConversionException("--decision: '" + value
                        + "' is not a rule (argmax, macro-f1)");
            };
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
    @Command(name = "fuzz", mixinStandardHelpOptions = true,
            description = {"Robustness: generates degenerate and hostile inputs (empty, binary, invalid UTF-8, 5 MB "
                    + "paragraphs, 100k tiny articles, odd quotation marks, RTL/CJK, hostile HTML, entity bombs, "
                    + "malformed or truncated JSONL, gzip and WARC) and runs each through reading, quotes, detect, "
                    + "indexing and check, each step under a time limit.",
                    "Counts inputs reported, uncaught exceptions and hangs; writes metrics.json, problems.jsonl and "
                            + "uncaught.jsonl (which must stay empty) to --out.",
                    "",
                    "Example:",
                    "  claimlens bench fuzz --count 10000 --seed 42 --mode fast --detect-model toy --out "
                            + "target/bench/fuzz",
                    "--verdict-model toy (and --detect-model toy) use fixed hand-made heads where no trained model "
                            + "loads; robustness, not accuracy, is measured."})
    static final class Fuzz implements Callable<Integer> {
        @Option(names = "--count", defaultValue = "1000", paramLabel = "N",
                description = "Inputs to generate (default ${DEFAULT-VALUE}).")
        int count;

        @Option(names = "--seed", defaultValue = "42", description = "Generator seed (default ${DEFAULT-VALUE}).")
        long seed;

        @Option(names = "--step-timeout", defaultValue = "60", paramLabel = "SECONDS",
                description = "Limit per step: reading a file, analysing an article, checking a claim (default "
                        + "${DEFAULT-VALUE}).")
        int stepTimeout;

        @Option(names = "--max-articles", defaultValue = "20", paramLabel = "N",
                description = "Articles per input taken through the stages; all are read (default "
                        + "${DEFAULT-VALUE}).")
        int maxArticles;

        @Option(names = "--detect-model", defaultValue = CheckworthinessClassifier.DEFAULT_MODEL, paramLabel = "DIR",
                description = "Check-worthiness model for detect, or 'toy' for a fixed hand-made head (robustness is "
                        + "the subject, not scores). Default: the shipped ${DEFAULT-VALUE}.")
        String detectModel;

        @Option(names = "--threads", defaultValue = "2", paramLabel = "N",
                description = "Inputs processed at once on the shared engine (default ${DEFAULT-VALUE}).")
        int threads;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
        Path out;

        @Mixin
        EngineOptions engineOptions;

        @Override
        public Integer call() throws Exception {
            if (count < 1 || threads < 1) {
                throw new IllegalArgumentException("--count and --threads must be at least 1");
            }
            if ("toy".equals(engineOptions.verdictModel)) {
                // written with the encoder's identity only, so no engine is needed yet
                try (io.claimlens.embed.SentenceEncoder enc = io.claimlens.embed.DjlSentenceEncoder.create(
                        engineOptions.config().encoder())) {
                    engineOptions.verdictModel = io.claimlens.bench.FuzzBench.toyVerdictModel(enc,
                            out.resolve("toy-verdict")).toString();
                }
            }
            try (io.claimlens.engine.ClaimEngine engine = engineOptions.build(System.err)) {
                io.claimlens.claims.detect.ClaimDetector detector = "toy".equals(detectModel)
                        ? io.claimlens.bench.FuzzBench.toyDetector(engine.encoder(), out.resolve("toy-model"))
                        : new io.claimlens.claims.detect.ClaimDetector(new CheckworthinessClassifier(
                                engine.encoder(), io.claimlens.ml.ModelStore.load(detectModel)));
                java.util.Map<String, Object> m = new io.claimlens.bench.FuzzBench(engine, detector).run(
                        new io.claimlens.bench.FuzzBench.Options(out, count, seed,
                                java.time.Duration.ofSeconds(stepTimeout), maxArticles, threads), System.out);
                long bad = ((Number) m.get("uncaught_exceptions")).longValue() + ((Number) m.get("hangs")).longValue()
                        + ((Number) m.get("must_report_silent")).longValue();
                return bad == 0 ? 0 : 1;
            }
        }
    }
}
