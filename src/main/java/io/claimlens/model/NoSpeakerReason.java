package io.claimlens.model;

/** Why a quotation has no speaker: the attribution stage answers "no speaker" rather than guess. */
public enum NoSpeakerReason {
    /** Scare quotes: a word or two used at a distance ("denazify"). */
    SCARE_QUOTE,
    /** A title, name or term of art in quote marks. */
    TITLE_OR_TERM,
    /** Wording of a document (a treaty, a law, a statement) rather than speech. */
    DOCUMENT_TEXT,
    /** A headline-style quote with no sentence around it. */
    HEADLINE,
    /** No speech cue and no speaker candidate near the quote. */
    NO_CANDIDATE
}
