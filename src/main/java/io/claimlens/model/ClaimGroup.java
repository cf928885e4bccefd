package io.claimlens.model;

import java.util.List;

/**
 * Near-duplicate detected claims grouped as one distinct claim: the same statement in several articles or
 * several times in one.
 *
 * @param id          stable id: {@code "g"} + 16 hex digits of SHA-256 over the ids of the appearances
 * @param claim       the representative's normalised claim (the appearance with the highest score)
 * @param score       the highest score among the appearances
 * @param type        the representative's type
 * @param speakers    distinct speakers or sources named by the appearances, in order of appearance
 * @param articles    distinct article ids, in order of appearance
 * @param appearances every grouped claim, representative first, then by article id and offset
 */
public record ClaimGroup(String id, String claim, double score, DetectedClaimType type, List<String> speakers,
                         List<String> articles, List<DetectedClaim> appearances) {

    public ClaimGroup {
        speakers = List.copyOf(speakers);
        articles = List.copyOf(articles);
        appearances = List.copyOf(appearances);
        if (appearances.isEmpty()) {
            throw new IllegalArgumentException("a claim group has at least one appearance");
        }
    }

    /** How many times the claim appears. */
    public int count() {
        return appearances.size();
    }
}
