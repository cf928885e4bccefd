package io.claimlens.testing;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.engine.IndexResult;
import io.claimlens.model.Report;
import io.claimlens.report.ArticleContext;
import io.claimlens.retrieve.Corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The seed claim checked once per test JVM against {@code ../shared/seeds} with the shipped models (indexing the
 * seeds takes seconds), with the article context an HTML page shows.
 *
 * @param report  the engine's report on {@link #CLAIM}
 * @param context the sentences around its evidence (window {@link ArticleContext#DEFAULT_WINDOW})
 */
public record SeedCase(Report report, ArticleContext context) {

    public static final String CLAIM = "Russia and North Korea are now the 'closest of countries,' says ambassador.";

    private static SeedCase cached;

    /** The seed case, or {@code null} when this checkout has no {@code ../shared/seeds}. */
    public static synchronized SeedCase get() {
        Path seeds = Fixtures.seeds();
        if (seeds == null) {
            return null;
        }
        if (cached == null) {
            ClaimEngine engine = Fixtures.engine();
            try {
                IndexResult ix = engine.index(List.of(seeds), null, IndexListener.NONE);
                try (Corpus corpus = ix.corpus()) {
                    Report r = engine.check(CLAIM, corpus);
                    cached = new SeedCase(r, ArticleContext.of(r, corpus::sentencesOf,
                            ArticleContext.DEFAULT_WINDOW));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return cached;
    }
}
