package io.claimlens.nlp;

/**
 * Typed configuration of the NLP stage.
 *
 * @param mode             how much NLP to run
 * @param maxSentenceChars sentences longer than this are cut at whitespace before tagging (CoreNLP's CRF is
 *                         quadratic-ish in sentence length and a run-on "sentence" from a crawl can be megabytes)
 */
public record NlpConfig(NlpMode mode, int maxSentenceChars) {

    public static final int DEFAULT_MAX_SENTENCE_CHARS = 2_000;

    public NlpConfig {
        if (mode == null) {
            throw new IllegalArgumentException("mode is required");
        }
        if (maxSentenceChars < 100) {
            throw new IllegalArgumentException("maxSentenceChars must be at least 100");
        }
    }

    public static NlpConfig of(NlpMode mode) {
        return new NlpConfig(mode, DEFAULT_MAX_SENTENCE_CHARS);
    }
}
