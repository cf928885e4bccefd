package io.claimlens.cli;

import io.claimlens.embed.DjlEnvironment;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code claimlens} command. */
@Command(name = "claimlens", mixinStandardHelpOptions = true, version = "ClaimLens 0.1.0",
        description = {
                "Checks claims against collections of news articles, offline.",
                "",
                "Start with:  claimlens demo",
                "Then:        claimlens check --claim \"...\" --articles DIR",
                "",
                "Articles are .txt/.md/.html files, directories of them (read recursively), or JSONL files",
                "(one {\"id\",\"title\",\"url\",\"published\",\"source\",\"text\" or \"html\"} object per line).",
                "Bad inputs are reported with file and line on stderr and skipped; the rest is processed."},
        subcommands = {CheckCommand.class, QuotesCommand.class, EntitiesCommand.class, DetectCommand.class,
                DemoCommand.class, BatchCommand.class, IndexCommand.class,
                TrainCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit status: 0 done (possibly with skipped inputs), 1 nothing could be processed, "
                + "2 usage error.", "Environment: CLAIMLENS_JAVA_OPTS sets JVM options (default -Xmx3g)."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        DjlEnvironment.init();
        int code = commandLine().execute(args);
        System.exit(code);
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            cmd.getErr().println("claimlens: error: " + message(ex));
            if (System.getenv("CLAIMLENS_DEBUG") != null) {
                ex.printStackTrace(cmd.getErr());
            }
            return 1;
        });
        return cl;
    }

    static String message(Throwable ex) {
        String m = ex.getMessage();
        return m == null ? ex.toString() : m;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
