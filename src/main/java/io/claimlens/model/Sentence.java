package io.claimlens.model;

/**
 * One sentence of an article.
 *
 * @param articleId the article it belongs to
 * @param index     0-based position among the article's sentences
 * @param paragraph 0-based index of the paragraph that contains it
 * @param span      its character range in the article text
 * @param text      the covered text
 */
public record Sentence(String articleId, int index, int paragraph, Span span, String text) {

    public int start() {
        return span.start();
    }

    public int end() {
        return span.end();
    }
}
