package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.model.EntityMention;
import io.claimlens.report.JsonReports;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "entities", mixinStandardHelpOptions = true,
        description = {"Lists the named entities in the articles, pronouns excluded.",
                "",
                "One JSON object per line: article, file, text, type (PERSON, ORGANIZATION, LOCATION, NATIONALITY,",
                "TITLE, DATE, NUMBER, MISC), start, end, canonical (a person's full name: 'Choe' -> 'Choe Son Hui'",
                "within an article, spelling variants merged across the collection), confidence."})
final class EntitiesCommand implements Callable<Integer> {

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
        if (engineOptions.nlpMode() == io.claimlens.nlp.NlpMode.FAST) {
            throw new IllegalArgumentException("entities need NER: use --mode light or full, not fast");
        }
        try (ClaimEngine engine = engineOptions.build(System.err)) {
            Analysis a = Analysis.run(engine, articles);
            StringBuilder sb = new StringBuilder();
            int n = 0;
            for (Analysis.Kept k : a.articles) {
                for (EntityMention m : k.entities()) {
                    sb.append(JsonReports.toJson(JsonReports.entity(m, k.article().origin(), a.canonical(m)), false))
                            .append('\n');
                    n++;
                }
            }
            Output.write(out, sb.toString());
            System.err.printf("%d entity mentions in %d articles, %d inputs skipped%n", n, a.articles.size(),
                    a.problems.size());
            return a.articles.isEmpty() ? 1 : 0;
        }
    }
}
