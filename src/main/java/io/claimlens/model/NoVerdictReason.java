package io.claimlens.model;

/** Why the engine gave {@link VerdictLabel#UNVERIFIABLE}. */
public enum NoVerdictReason {
    /** Retrieval found nothing in the collection. */
    NO_EVIDENCE,
    /** Sentences were found, but none bears on the claim. */
    NO_RELEVANT_EVIDENCE,
    /** Evidence is on the claim's subject but does not settle it (the model's most probable grade). */
    INSUFFICIENT_EVIDENCE,
    /** Relevant evidence points both ways with no clear balance. */
    CONFLICTING_EVIDENCE,
    /** The classifier's confidence fell below the abstention threshold. */
    LOW_CONFIDENCE
}
