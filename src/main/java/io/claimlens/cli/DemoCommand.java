package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.model.Report;
import io.claimlens.report.MarkdownReport;
import io.claimlens.retrieve.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Checks a sample claim against the bundled examples/ collection and prints the Markdown "
                + "report.", "", "The same as:",
                "  claimlens check --claim \"" + DemoCommand.CLAIM + "\" --articles examples"})
final class DemoCommand implements Callable<Integer> {

    static final String CLAIM = "Norland and Estovia are 'brothers in every storm,' says ambassador.";

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        Path examples = relativeToWorkingDir(home().resolve("examples"));
        if (!Files.isDirectory(examples)) {
            throw new IllegalStateException("examples/ not found under " + home()
                    + " (run from the project directory, or through bin/claimlens)");
        }
        System.err.println("claim: " + CLAIM);
        try (ClaimEngine engine = engineOptions.build(System.err);
             Corpus corpus = CheckCommand.index(engine, List.of(examples), null)) {
            if (corpus == null) {
                return 1;
            }
            Report r = engine.check(CLAIM, corpus);
            Output.write(null, MarkdownReport.render(r, true));
            return 0;
        }
    }

    /** Shorter paths in the report's Sources when the examples are under the working directory. */
    static Path relativeToWorkingDir(Path p) {
        Path cwd = Path.of("").toAbsolutePath();
        Path abs = p.toAbsolutePath().normalize();
        return abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    }

    static Path home() {
        String h = System.getProperty("claimlens.home");
        return h == null ? Path.of("") : Path.of(h);
    }
}
