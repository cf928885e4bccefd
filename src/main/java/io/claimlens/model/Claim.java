package io.claimlens.model;

import java.util.List;
import java.util.Objects;

/**
 * A parsed claim.
 *
 * @param text           the claim as given
 * @param proposition    the claim without its attribution frame ("Russia and North Korea are now the closest of
 *                       countries"), the part whose truth is at stake for a factual claim
 * @param quotedPhrases  phrases the claim puts in quote marks, marks and edge punctuation removed
 * @param speaker        the speaker the claim names or describes ("ambassador", "Choe Son Hui"), or {@code null}
 * @param speakerIsRole  true when {@code speaker} is a role or title rather than a name
 * @param entities       named entities in the claim, in order, without duplicates
 * @param type           attribution or factual claim
 */
public record Claim(String text, String proposition, List<String> quotedPhrases, String speaker,
                    boolean speakerIsRole, List<String> entities, ClaimType type) {

    public Claim {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(proposition, "proposition");
        Objects.requireNonNull(type, "type");
        quotedPhrases = List.copyOf(quotedPhrases);
        entities = List.copyOf(entities);
    }

    /** Stable id: hash of the claim text. */
    public String id() {
        return "c" + ContentHash.sha256Hex(text).substring(0, 16);
    }
}
