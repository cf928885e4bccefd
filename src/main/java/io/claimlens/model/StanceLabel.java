package io.claimlens.model;

/** Stance of an evidence sentence toward a claim. The declaration order is the models' output order. */
public enum StanceLabel {
    /** The evidence says the claim is so. */
    SUPPORTS,
    /** The evidence says the claim is not so. */
    REFUTES,
    /** About the same matter, neither supporting nor refuting. */
    NEUTRAL,
    /** About something else. */
    UNRELATED
}
