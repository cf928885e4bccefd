package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.model.Attribution;
import io.claimlens.report.JsonReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "quotes", mixinStandardHelpOptions = true,
        description = {"Lists every quotation in the articles with its speaker, or the reason there is none.",
                "",
                "One JSON object per line: article, file, text (without quote marks), start, end (character offsets",
                "of the text in the article), speaker (as written, or null), canonicalSpeaker (full name, spelling",
                "variants merged across the collection), speakerKind, confidence, rule (the pattern that decided),",
                "reason (why speaker is null: scare_quote, title_or_term, document_text, headline, no_candidate)."})
final class QuotesCommand implements Callable<Integer> {

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories.")
    List<Path> articles;

    @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl", description = "Output format.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write here instead of stdout.")
    Path out;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        if (!format.equals("jsonl")) {
            throw new IllegalArgumentException("--format must be jsonl");
        }
        try (ClaimEngine engine = engineOptions.build(System.err)) {
            Analysis a = Analysis.run(engine, articles);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (Analysis.Kept k : a.articles) {
                for (Attribution at : k.attributions()) {
                    Attribution resolved = at.hasSpeaker() ? at.withCanonicalSpeaker(a.canonical(at)) : at;
                    sb.append(JsonReports.toJson(JsonReports.attribution(resolved, k.article().origin()), false))
                            .append('\n');
                    n++;
                }
            }
            Output.write(out, sb.toString());
            System.err.printf("%d quotations in %d articles, %d inputs skipped%n", n, a.articles.size(),
                    a.problems.size());
            return a.articles.isEmpty() ? 1 : 0;
        }
    }
}
