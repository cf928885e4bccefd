package io.claimlens.model;

/** What a claim asserts. */
public enum ClaimType {
    /** That someone said or described something ("X described Y as ...", "Y are described as ..."). */
    ATTRIBUTION,
    /** That something is so ("Y are now ..."), possibly with a speaker tag ("..., says ambassador"). */
    FACTUAL
}
