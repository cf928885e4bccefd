package io.claimlens.model;

/**
 * A token of an analysed sentence.
 *
 * @param text   the token as it appears in the article
 * @param start  offset of its first character in the article text
 * @param end    offset after its last character
 * @param pos    Penn Treebank part-of-speech tag, or {@code null} when the pipeline did not tag
 * @param entity the token's named-entity type, {@link EntityType#NONE} outside entities
 */
public record Token(String text, int start, int end, String pos, EntityType entity) {
}
