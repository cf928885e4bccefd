package io.claimlens.nlp;

/**
 * How much NLP the engine runs per article. Chosen once per engine; the modes trade load time and speed for
 * detail.
 */
public enum NlpMode {
    /**
     * OpenNLP sentences and tokens only: no entities, no speakers. For indexing huge collections where only
     * lexical retrieval is wanted.
     */
    FAST,
    /**
     * CoreNLP tokens and 4-class NER (PERSON, ORGANIZATION, LOCATION, MISC) without fine-grained types, SUTime
     * or numeric classifiers; our quotation attribution. Loads in ~5 s; the default.
     */
    LIGHT,
    /**
     * CoreNLP with fine-grained NER (TITLE, COUNTRY, NATIONALITY, ...), SUTime and numeric classifiers. Loads in
     * ~15 s and is ~3x slower per article than LIGHT.
     */
    FULL
}
