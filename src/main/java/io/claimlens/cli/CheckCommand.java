package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.engine.IndexResult;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Report;
import io.claimlens.report.JsonReports;
import io.claimlens.report.MarkdownReport;
import io.claimlens.retrieve.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks one claim against an article collection and writes a report.",
                "",
                "The report gives the verdict with a probability per grade, the evidence sentences (with stance),",
                "who said the claim's quoted words, and the sources, each cited as [article:start-end].",
                "",
                "Example:",
                "  claimlens check --claim \"Russia and North Korea are now the 'closest of countries,' says "
                        + "ambassador.\" --articles ../shared/seeds --format json"})
final class CheckCommand implements Callable<Integer> {

    @Option(names = "--claim", required = true, paramLabel = "TEXT", description = "The claim to check. Put quoted "
            + "words in quote marks: they are looked up as quotations.")
    String claim;

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories.")
    List<Path> articles;

    @Option(names = "--format", defaultValue = "markdown", paramLabel = "json|markdown",
            description = "Report format (default ${DEFAULT-VALUE}).")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report here instead of stdout.")
    Path out;

    @Option(names = "--index", paramLabel = "DIR", description = "Keep the index on disk in DIR and reuse it "
            + "(only new or changed articles are analysed). Default: in memory.")
    Path index;

    @Option(names = "--strip-provenance", description = "Leave out models, configuration and corpus checksum.")
    boolean stripProvenance;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("json") && !format.equals("markdown")) {
            throw new IllegalArgumentException("--format must be json or markdown, not '" + format + "'");
        }
        try (ClaimEngine engine = engineOptions.build(System.err);
             Corpus corpus = index(engine, articles, index)) {
            if (corpus == null) {
                return 1;
            }
            Report r = engine.check(claim, corpus);
            String text = format.equals("json")
                    ? JsonReports.toJson(JsonReports.report(r, !stripProvenance), true) + "\n"
                    : MarkdownReport.render(r, !stripProvenance);
            Output.write(out, text);
            return 0;
        }
    }

    /** Indexes with progress; returns null (after saying why) when no article could be used. */
    static Corpus index(ClaimEngine engine, List<Path> articles, Path indexDir) throws Exception {
        IndexResult result;
        try (Progress progress = new Progress(System.err, "articles indexed", 0)) {
            result = engine.index(articles, indexDir, new IndexListener() {
                @Override
                public void indexed(String articleId, boolean added) {
                    progress.step();
                }

                @Override
                public void problem(InputProblem problem) {
                    System.err.println("skipped: " + problem.describe());
                }
            });
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
