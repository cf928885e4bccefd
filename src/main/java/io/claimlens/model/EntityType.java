package io.claimlens.model;

/**
 * The engine's entity types. The NLP stage maps its tagger's types onto these, so nothing past it depends on
 * a tagger's tag set.
 */
public enum EntityType {
    PERSON,
    ORGANIZATION,
    LOCATION,
    /** Demonyms and nationalities ("Russian", "North Korean"). */
    NATIONALITY,
    /** Job titles and roles ("Foreign Minister", "ambassador"), found by the full pipeline only. */
    TITLE,
    DATE,
    NUMBER,
    MISC,
    NONE;

    /** True for the types a speaker can be. */
    public boolean canSpeak() {
        return this == PERSON || this == ORGANIZATION;
    }
}
