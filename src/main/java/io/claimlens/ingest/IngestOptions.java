package io.claimlens.ingest;

/**
 * Limits and choices for reading collections.
 *
 * @param maxArticleChars articles longer than this are rejected with a message (the NLP stage is slow or fails
 *                        on giant inputs); default 1,000,000 characters
 * @param skipDocFiles    in directory walks, skip README/LICENSE/CHANGELOG files, which describe a collection
 *                        rather than belong to it; files named explicitly are always read
 */
public record IngestOptions(int maxArticleChars, boolean skipDocFiles) {

    public static final int DEFAULT_MAX_ARTICLE_CHARS = 1_000_000;

    public IngestOptions {
        if (maxArticleChars <= 0) {
            throw new IllegalArgumentException("maxArticleChars must be positive");
        }
    }

    public static IngestOptions defaults() {
        return new IngestOptions(DEFAULT_MAX_ARTICLE_CHARS, true);
    }
}
