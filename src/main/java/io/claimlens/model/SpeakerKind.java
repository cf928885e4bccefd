package io.claimlens.model;

/** What kind of speaker an attribution names. */
public enum SpeakerKind {
    /** A named person ("Choe Son Hui"). */
    PERSON,
    /** A group or role without a name ("U.S. officials", "a North Korean representative"). */
    GROUP,
    /** An organisation or outlet ("KCNA", "the Foreign Ministry"). */
    ORGANIZATION
}
