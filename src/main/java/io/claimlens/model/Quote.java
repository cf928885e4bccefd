package io.claimlens.model;

/**
 * A quotation in an article: the quoted words without their quote marks.
 *
 * @param articleId the article
 * @param span      character range of the quoted words (marks excluded) in the article text
 * @param text      the quoted words
 * @param sentence  index of the sentence where the quote opens
 */
public record Quote(String articleId, Span span, String text, int sentence) {
}
