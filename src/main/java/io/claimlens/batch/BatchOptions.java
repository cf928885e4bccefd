package io.claimlens.batch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a batch run reads, where it writes, and how. Build with {@link #builder()}: {@code setX} for what is required,
 * {@code optX} for what has a default.
 *
 * @param claims         the claims JSONL file, or {@value ClaimSource#STDIN} for standard input
 * @param articles       article files and directories
 * @param out            output directory (results.jsonl, errors.jsonl, summary.json, checkpoint.json, reports/)
 * @param index          the persistent index to build or reuse; default {@code out/index}
 * @param threads        analysis and checking threads; default the number of cores
 * @param resume         continue an interrupted run in {@code out} instead of refusing to overwrite it
 * @param reports        per-claim report files to write besides results.jsonl (none by default)
 * @param withProvenance put provenance (models, configuration, corpus checksum) in each result; default true
 * @param articleTimeout limit on one article's analysis; an article over it is recorded in errors.jsonl and
 *                       skipped; default {@link #DEFAULT_ARTICLE_TIMEOUT}
 */
public record BatchOptions(String claims, List<Path> articles, Path out, Path index, int threads, boolean resume,
                           Set<ReportFormat> reports, boolean withProvenance, Duration articleTimeout) {

    /** Default limit per article: a long wire story takes well under a second in LIGHT mode. */
    public static final Duration DEFAULT_ARTICLE_TIMEOUT = Duration.ofSeconds(120);

    /** Report files a batch can write, one per claim, under {@code out/reports/}. */
    public enum ReportFormat { MARKDOWN, HTML }

    public BatchOptions {
        if (claims == null || claims.isBlank()) {
            throw new IllegalArgumentException("claims are required (setClaims)");
        }
        if (articles == null || articles.isEmpty()) {
            throw new IllegalArgumentException("articles are required (setArticles)");
        }
        if (out == null) {
            throw new IllegalArgumentException("an output directory is required (setOut)");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        articles = List.copyOf(articles);
        reports = reports.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(reports));
        if (index == null) {
            index = out.resolve("index");
        }
        if (articleTimeout == null) {
            articleTimeout = DEFAULT_ARTICLE_TIMEOUT;
        }
        if (articleTimeout.isNegative() || articleTimeout.isZero()) {
            throw new IllegalArgumentException("the article timeout must be positive, not " + articleTimeout);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public static final class Builder {
        private String claims;
        private List<Path> articles;
        private Path out;
        private Path index;
        private int threads = Runtime.getRuntime().availableProcessors();
        private boolean resume;
        private Set<ReportFormat> reports = Set.of();
        private boolean withProvenance = true;
        private Duration articleTimeout = DEFAULT_ARTICLE_TIMEOUT;

        public Builder setClaims(String claims) {
            this.claims = claims;
            return this;
        }

        public Builder setArticles(List<Path> articles) {
            this.articles = articles;
            return this;
        }

        public Builder setOut(Path out) {
            this.out = out;
            return this;
        }

        public Builder optIndex(Path index) {
            this.index = index;
            return this;
        }

        public Builder optThreads(int threads) {
            this.threads = threads;
            return this;
        }

        public Builder optResume(boolean resume) {
            this.resume = resume;
            return this;
        }

        public Builder optReports(Set<ReportFormat> reports) {
            this.reports = reports;
            return this;
        }

        public Builder optWithProvenance(boolean withProvenance) {
            this.withProvenance = withProvenance;
            return this;
        }

        public Builder optArticleTimeout(Duration articleTimeout) {
            this.articleTimeout = articleTimeout;
            return this;
        }

        public BatchOptions build() {
            return new BatchOptions(claims, articles, out, index, threads, resume, reports, withProvenance,
                    articleTimeout);
        }
    }
}
