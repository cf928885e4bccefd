package io.claimlens.claims.detect;

import io.claimlens.model.ClaimGroup;
import io.claimlens.model.DetectedClaim;

import java.util.Comparator;
import java.util.Locale;

/**
 * Orders of detected claims for output.
 *
 * <p>{@link #ATTRIBUTED} (the default of {@code detect}) lists statements with a named speaker or source first,
 * then the rest, each by score: fact-checkers check what an identifiable person or body claimed ("who claimed
 * what"), and the classifier was trained on statements made by political speakers, while an article's unattributed
 * sentences are mostly the outlet's own narrative. {@link #SCORE} orders by score alone. Ties go by article id and
 * offset, so the order is deterministic.
 */
public enum ClaimRanking {
    ATTRIBUTED,
    SCORE;

    public static ClaimRanking parse(String s) {
        try {
            return valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--rank must be attributed or score, not '" + s + "'");
        }
    }

    public Comparator<DetectedClaim> claims() {
        Comparator<DetectedClaim> byScore = Comparator.comparingDouble((DetectedClaim c) -> -c.score())
                .thenComparing(DetectedClaim::articleId).thenComparingInt(c -> c.span().start())
                .thenComparingInt(c -> c.span().end());
        return this == SCORE ? byScore
                : Comparator.comparing((DetectedClaim c) -> c.source() == null).thenComparing(byScore);
    }

    public Comparator<ClaimGroup> groups() {
        Comparator<ClaimGroup> byScore = Comparator.comparingDouble((ClaimGroup g) -> -g.score())
                .thenComparing(ClaimGroup::id);
        return this == SCORE ? byScore
                : Comparator.comparing((ClaimGroup g) -> g.speakers().isEmpty()).thenComparing(byScore);
    }
}
