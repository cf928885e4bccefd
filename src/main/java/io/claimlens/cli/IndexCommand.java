package io.claimlens.cli;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexResult;
import io.claimlens.ingest.CollectionSize;
import io.claimlens.retrieve.Corpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "index", mixinStandardHelpOptions = true,
        description = {"Builds or updates a persistent index of an article collection, on all cores.",
                "",
                "Incremental: an article already indexed with the same text (by content hash) is not analysed",
                "again; a changed one is replaced; new ones are added. The index is committed every 30 s, so an",
                "interrupted run keeps its work. Use the index with check --index or batch --index.",
                "",
                "Example:",
                "  claimlens index --articles archive/ crawl.warc.gz --index archive.idx --threads 2"})
final class IndexCommand implements Callable<Integer> {

    @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
            description = "Article files or directories (.txt .md .html .jsonl .jsonl.gz .warc .warc.gz).")
    List<Path> articles;

    @Option(names = "--index", required = true, paramLabel = "DIR", description = "Index directory.")
    Path index;

    @Option(names = "--threads", paramLabel = "N", description = "Analysis threads (default: the number of cores).")
    Integer threads;

    @Mixin
    EngineOptions engineOptions;

    @Override
    public Integer call() throws Exception {
        int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
        try (ClaimEngine engine = engineOptions.build(System.err);
             Progress progress = new Progress(System.err, "articles indexed", -1)) {
            Thread counter = new Thread(() -> progress.total(CollectionSize.estimate(articles,
                    engine.config().ingest())), "claimlens-count");
            counter.setDaemon(true);
            counter.start();
            long t0 = System.nanoTime();
            IndexResult r = engine.index(articles, index, new ConsoleIndexListener(progress), n);
            progress.close();
            try (Corpus c = r.corpus()) {
                System.err.printf(Locale.ROOT, "%s: %,d articles (%,d analysed now, %,d unchanged), %,d skipped,"
                                + " %.1f s on %d threads; checksum %s%n", index, c.articleCount(), r.indexed(),
                        r.skipped(), r.problems().size(), (System.nanoTime() - t0) / 1e9, n, c.checksum());
                return c.articleCount() == 0 ? 1 : 0;
            }
        }
    }
}
