package io.claimlens.nlp.quotes;

import io.claimlens.model.Attribution;

import java.util.List;

/**
 * Decides who said each quotation of an article.
 *
 * <p>Contract: returns exactly one {@link Attribution} per quotation in {@code input.quotes()}, in the same order;
 * each has a speaker or a {@link io.claimlens.model.NoSpeakerReason}, a confidence and the name of the rule that
 * decided. Implementations are thread-safe and never throw on odd text: a quotation they cannot place gets
 * {@code NO_CANDIDATE}.
 */
public interface QuoteAttributor {

    List<Attribution> attribute(AttributionInput input);

    /** A short name for reports and benchmarks ("claimlens-news-rules", "corenlp"). */
    String name();
}
