package io.claimlens.model;

/** What kind of check-worthy statement a detected claim is. */
public enum DetectedClaimType {
    /** Words an article attributes to a speaker (a quotation with a speaker, or a sentence built around one). */
    QUOTE,
    /** A statement with numbers, quantities, percentages or comparisons. */
    STATISTIC,
    /** A statement that something happened (a past-tense verb with a named participant or a date). */
    EVENT,
    /** Any other check-worthy statement. */
    OTHER
}
