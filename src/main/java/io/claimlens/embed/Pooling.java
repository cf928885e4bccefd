package io.claimlens.embed;

/** How token states become one sentence vector. */
public enum Pooling {
    /** Mean of the token states under the attention mask (sentence-transformers' MiniLM, E5). */
    MEAN,
    /** The first ([CLS]) token's state (BGE). */
    CLS
}
