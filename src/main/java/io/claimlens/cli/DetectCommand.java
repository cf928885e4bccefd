package io.claimlens.cli;

import io.claimlens.claims.detect.CheckworthinessClassifier;
import io.claimlens.claims.detect.ClaimDetector;
import io.claimlens.claims.detect.ClaimGrouper;
import io.claimlens.claims.detect.ClaimRanking;
import io.claimlens.claims.detect.CollectionDetector;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.embed.SentenceEncoders;
import io.claimlens.engine.EngineConfig;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.Ingested;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.ClaimGroup;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.InputProblem;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.report.DetectionReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = {"Finds the statements worth checking in a collection of articles: who claimed what, where.",
                "",
                "Every attributed quotation that is a statement, and every other sentence that is not a question, is "
                        + "scored by the check-worthiness model (models/checkworthiness-v3); those scoring at least "
                        + "--min-score are printed: statements with a named speaker or source first, then the rest, "
                        + "each highest score first (--rank score: by score alone).",
                "",
                "JSONL (default), one object per claim: id, article, file, text, start, end (character offsets of "
                        + "text in the article), sentence, score (probability that it is check-worthy), type (quote, "
                        + "statistic, event, other), speaker (for quotes, canonical across the collection; else "
                        + "null), source (speaker, or who the sentence reports: 'The US and South Korea have "
                        + "accused ...'), entities, claim (the statement standing alone: a quote as '\"...,\" says "
                        + "SPEAKER.', a leading he/she resolved).",
                "",
                "--group prints distinct claims instead: near-duplicates across articles (content-word Jaccard >= "
                        + "--similarity, same numbers, names differing by at most one) become one record with "
                        + "count, articles, speakers and every appearance.",
                "",
                "Both carry 'claim' and 'id', so the output feeds the batch checker directly.",
                "",
                "The sentence encoder is the one the model's card names (--encoder, if given, must be that one).",
                "",
                "Examples:",
                "  claimlens detect --articles ../shared/seeds --top 10",
                "  claimlens detect --articles news/ --group --format csv --out claims.csv",
                "  claimlens detect --articles DIR | claimlens batch --claims - --articles DIR"})
final class DetectCommand implements Callable<Integer> {

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories.")
    List<Path> articles;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|csv",
            description = "Output format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--top", paramLabel = "N", description = "Print only the N highest-scoring claims (or groups).")
    Integer top;

    @Option(names = "--min-score", defaultValue = "0.5", paramLabel = "P",
            description = "Smallest score printed (default ${DEFAULT-VALUE}; 0 prints every candidate).")
    double minScore;

    @Option(names = "--rank", defaultValue = "attributed", paramLabel = "attributed|score",
            description = "Order: attributed (default) lists statements with a speaker or source first, then the "
                    + "rest, each by score; score orders by score alone.")
    String rank;

    @Option(names = "--group", description = "Print distinct claims (near-duplicates grouped) with counts and "
            + "appearances.")
    boolean group;

    @Option(names = "--similarity", defaultValue = "0.6", paramLabel = "J",
            description = "Content-word Jaccard at which two claims are near-duplicates (default ${DEFAULT-VALUE}).")
    double similarity;

    @Option(names = "--model", defaultValue = CheckworthinessClassifier.DEFAULT_MODEL, paramLabel = "DIR",
            description = "Check-worthiness model (default: the shipped ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--threads", paramLabel = "N",
            description = "Articles analysed at once (default: the number of processors).")
    Integer threads;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Mixin
    EngineOptions engineOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        String fmt = format.toLowerCase(Locale.ROOT);
        if (!fmt.equals("jsonl") && !fmt.equals("csv")) {
            throw new IllegalArgumentException("--format must be jsonl or csv, not '" + format + "'");
        }
        if (minScore < 0 || minScore > 1) {
            throw new IllegalArgumentException("--min-score must be between 0 and 1");
        }
        if (top != null && top < 1) {
            throw new IllegalArgumentException("--top must be at least 1");
        }
        ClaimGrouper grouper = new ClaimGrouper(similarity);
        ClaimRanking ranking = ClaimRanking.parse(rank);
        // Detection needs the NLP pipeline, the encoder and the check-worthiness model, not the stance and verdict
        // models of a full engine: those are neither loaded nor required here.
        EngineConfig config = engineOptions.config();
        ModelStore.Loaded loadedModel = ModelStore.load(model);
        long t0 = System.nanoTime();
        // The model brings its encoder: the one its card names (encoders joined by '+' included). An --encoder
        // given on the command line is used as given, and the classifier refuses it if the model was trained on
        // another — a silent substitution would hide a mistaken command.
        boolean encoderGiven = spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption("--encoder");
        String encoderId = encoderGiven || loadedModel.card().encoder() == null
                ? engineOptions.encoder : loadedModel.card().encoder();
        System.err.printf(Locale.ROOT, "loading models (%s NLP, %s encoder, %s)...%n", engineOptions.mode,
                encoderId, loadedModel.card().id());
        try (SentenceEncoder encoder = SentenceEncoders.open(encoderId);
             NlpPipeline nlp = new NlpPipeline(config.nlp())) {
            CheckworthinessClassifier classifier = new CheckworthinessClassifier(encoder, loadedModel);
            System.err.printf(Locale.ROOT, "models loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
            ArticleReader reader = new ArticleReader(config.ingest());
            ClaimDetector detector = new ClaimDetector(classifier);
            int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
            CollectionDetector.Result result;
            try (Stream<Ingested> items = reader.read(articles);
                 Progress progress = new Progress(System.err, "articles analysed", 0)) {
                result = new CollectionDetector(nlp::analyze, detector, n).run(items,
                        new CollectionDetector.Listener() {
                            @Override
                            public void articleDone(String articleId, int claims) {
                                progress.step();
                            }

                            @Override
                            public void problem(InputProblem problem) {
                                System.err.println("skipped: " + problem.describe());
                            }
                        });
            }
            List<DetectedClaim> kept = new ArrayList<>();
            for (DetectedClaim c : result.claims()) {
                if (c.score() >= minScore) {
                    kept.add(c);
                }
            }
            String text;
            int printed;
            int distinct = -1;
            if (group) {
                List<ClaimGroup> groups = new ArrayList<>(grouper.group(kept));
                groups.sort(ranking.groups());
                distinct = groups.size();
                List<ClaimGroup> shown = top == null ? groups : groups.subList(0, Math.min(top, groups.size()));
                printed = shown.size();
                text = fmt.equals("csv") ? DetectionReports.groupsCsv(shown) : DetectionReports.groupsJsonl(shown);
            } else {
                kept.sort(ranking.claims());
                List<DetectedClaim> shown = top == null ? kept : kept.subList(0, Math.min(top, kept.size()));
                printed = shown.size();
                text = fmt.equals("csv") ? DetectionReports.claimsCsv(shown) : DetectionReports.claimsJsonl(shown);
            }
            Output.write(out, text);
            System.err.printf(Locale.ROOT, "%,d candidate statements in %,d articles (%,d sentences); %,d scored >= "
                            + "%.2f%s; %,d printed; %d inputs skipped%n", result.claims().size(), result.articles(),
                    result.sentences(), kept.size(), minScore, distinct >= 0 ? ", " + distinct + " distinct" : "",
                    printed, result.problems().size());
            return result.articles() == 0 ? 1 : 0;
        }
    }
}
