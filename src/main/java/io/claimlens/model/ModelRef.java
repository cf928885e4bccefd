package io.claimlens.model;

/**
 * Identifies one model the engine used.
 *
 * @param role    what it does ("embedding", "stance", "verdict", "ner")
 * @param id      the model's name and version
 * @param sha256  hash of its weights file(s), hex
 */
public record ModelRef(String role, String id, String sha256) {
}
