package io.claimlens.cli;

import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.batch.BatchSummary;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.model.InputProblem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;

@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Checks a file of claims against an article collection, on all cores, resumably.",
                "",
                "First builds (or updates) a persistent index of the articles (only new or changed articles are",
                "analysed), then checks every claim. Writes to --out:",
                "  results.jsonl   one line per claim: {\"claimId\", <the check --format json report>}",
                "  errors.jsonl    every article or claim that could not be used, with file, line and reason",
                "  summary.json    counts, timings, verdict distribution, peak memory",
                "  checkpoint.json progress, for --resume",
                "  reports/        <claim id>.md / .html when --reports asks for them",
                "",
                "Claims: JSONL, one {\"claim\": \"...\", \"id\": \"...\"} object per line (id optional: default is",
                "the claim's content hash; other fields are ignored, so a detector's output can be piped in).",
                "Each result is forced to disk as it is written. After an interruption (even kill -9), run the",
                "same command with --resume: finished claims are kept, a torn last record is dropped, the rest",
                "is checked, and results.jsonl ends up equal to an uninterrupted run's.",
                "",
                "Examples:",
                "  claimlens batch --claims claims.jsonl --articles archive/ --out run1",
                "  claimlens batch --claims claims.jsonl --articles archive/ --out run1 --resume",
                "  claimlens detect --articles new/ | claimlens batch --claims - --articles archive/ --out run2"})
final class BatchCommand implements Callable<Integer> {

    @Option(names = "--claims", required = true, paramLabel = "FILE|-",
            description = "Claims JSONL (or .jsonl.gz); - reads standard input.")
    String claims;

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories (.txt .md .html .jsonl .jsonl.gz .warc .warc.gz).")
    List<Path> articles;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory.")
    Path out;

    @Option(names = "--index", paramLabel = "DIR",
            description = "Persistent index to build or reuse (default OUT/index). Several runs may share one.")
    Path index;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads for analysis and checking (default: the number of cores).")
    Integer threads;

    @Option(names = "--article-timeout", defaultValue = "120", paramLabel = "SECONDS",
            description = "Limit on one article's analysis; an article over it goes to errors.jsonl and the run goes "
                    + "on (default ${DEFAULT-VALUE}).")
    long articleTimeout;

    @Option(names = "--resume", description = "Finish an interrupted run in --out (same settings and inputs).")
    boolean resume;

    @Option(names = "--reports", split = ",", paramLabel = "md|html",
            description = "Also write reports/<claim id>.md and/or .html per claim.")
    List<String> reports = List.of();

    @Option(names = "--strip-provenance", description = "Leave models, configuration and corpus checksum out of "
            + "each result.")
    boolean stripProvenance;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Set<BatchOptions.ReportFormat> formats = EnumSet.noneOf(BatchOptions.ReportFormat.class);
        for (String r : reports) {
            switch (r.strip().toLowerCase(Locale.ROOT)) {
                case "md", "markdown" -> formats.add(BatchOptions.ReportFormat.MARKDOWN);
                case "html" -> formats.add(BatchOptions.ReportFormat.HTML);
                default -> throw new IllegalArgumentException("--reports takes md and/or html, not '" + r + "'");
            }
        }
        BatchOptions options = BatchOptions.builder().setClaims(claims).setArticles(articles).setOut(out)
                .optIndex(index).optThreads(threads == null ? Runtime.getRuntime().availableProcessors() : threads)
                .optResume(resume).optReports(formats).optWithProvenance(!stripProvenance)
                .optArticleTimeout(java.time.Duration.ofSeconds(articleTimeout)).build();
        BatchRunner.precheck(options);
        try (ClaimEngine engine = engineOptions.build(System.err);
             ProgressListener progress = new ProgressListener()) {
            BatchSummary s = BatchRunner.run(engine, options, progress);
            progress.close();
            System.err.printf(Locale.ROOT, "index: %,d articles in the corpus (%,d analysed now, %,d unchanged, %,d"
                            + " problems) in %.1f s%n", s.corpusArticles(), s.articlesIndexed(), s.articlesUnchanged(),
                    s.articleProblems(), s.indexSeconds());
            System.err.printf(Locale.ROOT, "check: %,d claims checked now, %,d from the interrupted run, %,d failed,"
                            + " %,d duplicate, %,d bad lines in %.1f s (p50 %.0f ms)%n", s.claimsChecked(),
                    s.claimsResumed(), s.claimsFailed(), s.claimsDuplicate(), s.claimLineErrors(), s.checkSeconds(),
                    s.checkP50Ms());
            System.err.println("verdicts: " + s.verdicts());
            System.err.println("wrote " + out.resolve("results.jsonl") + " (" + s.results() + " results), "
                    + out.resolve("errors.jsonl") + ", " + out.resolve("summary.json"));
            return s.results() == 0 && s.claimsRead() == 0 ? 1 : 0;
        }
    }

    /** Progress bars per phase, problems on stderr. */
    static final class ProgressListener implements BatchListener, AutoCloseable {
        private Progress current;

        @Override
        public synchronized void phase(String name, long total) {
            close();
            current = new Progress(System.err, name.equals("index") ? "articles indexed" : "claims checked", total);
        }

        @Override
        public synchronized void total(long total) {
            if (current != null) {
                current.total(total);
            }
        }

        @Override
        public void step() {
            Progress p;
            synchronized (this) {
                p = current;
            }
            if (p != null) {
                p.step();
            }
        }

        @Override
        public void problem(InputProblem problem) {
            System.err.println("skipped: " + problem.describe());
        }

        @Override
        public void note(String message) {
            System.err.println(message);
        }

        @Override
        public synchronized void close() {
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
