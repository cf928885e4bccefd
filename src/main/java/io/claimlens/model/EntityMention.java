package io.claimlens.model;

/**
 * A named-entity mention in an article.
 *
 * @param articleId the article
 * @param span      character range in the article text, with the tagger's probability where it gives one
 * @param text      the covered text
 * @param type      entity type
 * @param canonical the canonical name this mention resolves to (the longest same-entity name in the article,
 *                  then clustered across the collection); equals {@code text} when nothing longer is known
 */
public record EntityMention(String articleId, Span span, String text, EntityType type, String canonical) {
}
