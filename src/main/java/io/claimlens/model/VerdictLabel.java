package io.claimlens.model;

/**
 * The verdict scale, ordered from most to least true, then {@link #UNVERIFIABLE}.
 *
 * <p>Rating values follow schema.org {@code Rating}: 5 (best) to 1 (worst); {@code UNVERIFIABLE} sits off the
 * scale and has no rating value.
 */
public enum VerdictLabel {
    TRUE(5, "True"),
    MOSTLY_TRUE(4, "Mostly true"),
    PARTIALLY_TRUE(3, "Partially true"),
    MOSTLY_FALSE(2, "Mostly false"),
    FALSE(1, "False"),
    UNVERIFIABLE(0, "Unverifiable");

    public static final int BEST_RATING = 5;
    public static final int WORST_RATING = 1;

    private final int ratingValue;
    private final String alternateName;

    VerdictLabel(int ratingValue, String alternateName) {
        this.ratingValue = ratingValue;
        this.alternateName = alternateName;
    }

    /** schema.org ratingValue, 1..5; 0 for {@link #UNVERIFIABLE}, which is not on the scale. */
    public int ratingValue() {
        return ratingValue;
    }

    /** The human-readable rating, schema.org alternateName. */
    public String alternateName() {
        return alternateName;
    }

    public boolean isRated() {
        return this != UNVERIFIABLE;
    }
}
