package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexResult;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;
import io.claimlens.report.ArticleContext;
import io.claimlens.report.ClaimReviewJson;
import io.claimlens.report.ClaimReviewOptions;
import io.claimlens.report.HtmlReport;
import io.claimlens.report.JsonReports;
import io.claimlens.report.MarkdownReport;
import io.claimlens.report.Reliability;
import io.claimlens.report.RenderOptions;
import io.claimlens.report.RunInfo;
import io.claimlens.retrieve.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks one claim against an article collection and writes a report.",
                "",
                "The report gives the verdict with a probability per grade, the evidence",
                "sentences (with stance), who said the claim's quoted words, and the sources,",
                "each cited as [article:start-end].",
                "",
                "Formats (--format):",
                "  markdown     What We Know / Analysis / Conclusion / Sources (default)",
                "  json         the full report, the machine contract (see README)",
                "  html         one self-contained page: verdict bar over all grades,",
                "               evidence highlighted by stance in its article context,",
                "               who said it, sources, reliability note; no script, no fetch",
                "  claimreview  schema.org ClaimReview JSON-LD for publishing",
                "               (set --org, --org-url, --review-url)",
                "All but claimreview end with the provenance (engine version, models with",
                "SHA-256, configuration, corpus checksum, run time): --strip-provenance",
                "leaves it out.",
                "",
                "Example:",
                "  claimlens check --claim \"Russia and North Korea are now the 'closest of",
                "      countries,' says ambassador.\" --articles ../shared/seeds --format json",
                "  claimlens check --claim \"...\" --articles DIR --format html --out claim.html",
                "  claimlens check --claim \"...\" --articles DIR --format claimreview \\",
                "      --org \"Example Checks\" --review-url https://checks.example/2026/claim", ""})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--claim", required = true, paramLabel = "TEXT", description = "The claim to check. Put quoted "
            + "words in quote marks: they are looked up as quotations.")
    String claim;

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories.")
    List<Path> articles;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "FORMAT",
            description = "markdown (default), json, html or claimreview.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path out;

    @Option(names = "--index", paramLabel = "DIR", description = "Keep the index on disk in DIR and reuse it "
            + "(only new or changed articles are analysed). Default: in memory.")
    Path index;

    @Option(names = "--strip-provenance", description = "Leave out the provenance (engine version, models, "
            + "configuration, corpus checksum, run time), for sharing. Applies to every format; claimreview never "
            + "carries provenance.")
    boolean stripProvenance;

    @Option(names = "--context", defaultValue = "" + ArticleContext.DEFAULT_WINDOW, paramLabel = "N",
            description = "html: sentences shown around each evidence sentence (default ${DEFAULT-VALUE}).")
    int context;

    @Option(names = "--org", defaultValue = ClaimReviewOptions.DEFAULT_ORGANISATION, paramLabel = "NAME",
            description = "claimreview: the organisation publishing the review (default ${DEFAULT-VALUE}).")
    String org;

    @Option(names = "--org-url", paramLabel = "URL", description = "claimreview: the organisation's web site.")
    String orgUrl;

    @Option(names = "--review-url", paramLabel = "URL", description = "claimreview: the page that will host this "
            + "fact check (Google requires it).")
    String reviewUrl;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", description = "claimreview: publication date (default: "
            + "today, UTC).")
    String date;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Instant startedAt = Instant.now();
        long t0 = System.nanoTime();
        Format f = Format.parse(format);
        if (context < 0) {
            throw new IllegalArgumentException("--context must be >= 0, not " + context);
        }
        ClaimReviewOptions review = f == Format.CLAIMREVIEW ? claimReviewOptions() : null;
        if (review != null && review.reviewUrl() == null) {
            System.err.println("note: no --review-url: Google's fact-check markup requires the ClaimReview's url "
                    + "(the page hosting the fact check)");
        }
        try (ClaimEngine engine = engineOptions.build(System.err);
             Corpus corpus = index(engine, articles, index)) {
            if (corpus == null) {
                return 1;
            }
            Report r = engine.check(claim, corpus);
            RenderOptions options = RenderOptions.builder()
                    .optProvenance(!stripProvenance)
                    .optReliability(Reliability.ofModel(engine.config().verdictModel()))
                    .optRun(RunInfo.since(startedAt, t0))
                    .build();
            Output.write(out, render(f, r, corpus::sentencesOf, options, context, review));
            return 0;
        }
    }

    /** The report formats of {@code check}. */
    enum Format {
        MARKDOWN, JSON, HTML, CLAIMREVIEW;

        static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--format must be markdown, json, html or claimreview, not '" + s
                        + "'");
            }
        }
    }

    ClaimReviewOptions claimReviewOptions() {
        LocalDate published;
        try {
            published = date == null ? LocalDate.now(ZoneOffset.UTC) : LocalDate.parse(date);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--date must be YYYY-MM-DD, not '" + date + "'");
        }
        return ClaimReviewOptions.builder().setDatePublished(published).optOrganisation(org).optOrganisationUrl(orgUrl)
                .optReviewUrl(reviewUrl).build();
    }

    /**
     * The report in a format. {@code options} carries provenance on/off, the reliability note and the run; the HTML
     * page also gets the sentences around its evidence from {@code sentencesOf} (the corpus).
     */
    static String render(Format f, Report r, Function<String, List<Sentence>> sentencesOf, RenderOptions options,
                         int contextWindow, ClaimReviewOptions review) {
        return switch (f) {
            case JSON -> JsonReports.toJson(JsonReports.report(r, options.provenance(), options.run()), true) + "\n";
            case MARKDOWN -> MarkdownReport.render(r, options);
            case HTML -> HtmlReport.render(r, options.withContext(ArticleContext.of(r, sentencesOf, contextWindow)));
            case CLAIMREVIEW -> JsonReports.toJson(ClaimReviewJson.render(r, review), true) + "\n";
        };
    }

    /** Indexes with progress; returns null (after saying why) when no article could be used. */
    static Corpus index(ClaimEngine engine, List<Path> articles, Path indexDir) throws Exception {
        IndexResult result;
        try (Progress progress = new Progress(System.err, "articles indexed", 0)) {
            result = engine.index(articles, indexDir, new ConsoleIndexListener(progress));
        }
        System.err.printf("corpus: %d articles (%d analysed now, %d unchanged), %d skipped%n",
                result.corpus().articleCount(), result.indexed(), result.skipped(), result.problems().size());
        if (result.corpus().articleCount() == 0) {
            System.err.println("claimlens: error: no article could be read from " + articles);
            result.corpus().close();
            return null;
        }
        return result.corpus();
    }
}
