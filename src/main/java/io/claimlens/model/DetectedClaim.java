package io.claimlens.model;

import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * A statement worth checking, found in an article.
 *
 * @param id        stable id: {@code "d"} + 16 hex digits of SHA-256 over (article id, start, end)
 * @param articleId the article
 * @param origin    the file it was read from (with {@code :line} for JSONL records)
 * @param text      the statement as the article writes it: a sentence, or the words of a quotation (marks
 *                  excluded)
 * @param span      where {@code text} is in the article text ({@code text} = the span's covered text)
 * @param sentence  index of the sentence the statement starts in
 * @param score     probability that the statement is check-worthy (the check-worthiness model's)
 * @param type      quote, statistic, event or other
 * @param speaker   for quotes, who said it (canonical name across the collection); otherwise {@code null}
 * @param source    who the article says made the statement: the speaker of a quote, or the subject of reported
 *                  speech ("The US and South Korea have accused ..."), else {@code null}
 * @param entities  canonical names of the named entities inside the span, in order, without duplicates
 * @param claim     the statement normalised to stand alone: a quote as {@code "<words>," says <speaker>.}, a
 *                  sentence with a leading he/she resolved to the person the article means, its leading
 *                  connective and trailing source citation removed
 */
public record DetectedClaim(String id, String articleId, String origin, String text, Span span, int sentence,
                            double score, DetectedClaimType type, String speaker, String source,
                            List<String> entities, String claim) {

    public DetectedClaim {
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(span, "span");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(claim, "claim");
        entities = List.copyOf(entities);
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be a probability: " + score);
        }
    }

    /** The id a detected claim gets: content-derived, so the same article gives the same ids. */
    public static String idFor(String articleId, Span span) {
        return "d" + ContentHash.sha256Hex(articleId + ":" + span.start() + ":" + span.end()).substring(0, 16);
    }

    /**
     * The same claim with person names mapped through {@code canonical} (spelling variants merged across a
     * collection): the speaker, the source and the entities, and the speaker's name inside {@code claim}.
     */
    public DetectedClaim withNames(UnaryOperator<String> canonical) {
        String newSpeaker = speaker == null ? null : canonical.apply(speaker);
        String newSource = source == null ? null : canonical.apply(source);
        String newClaim = claim;
        if (speaker != null && !speaker.equals(newSpeaker)) {
            newClaim = newClaim.replace(speaker, newSpeaker);
        }
        if (source != null && !source.equals(newSource) && !source.equals(speaker)) {
            newClaim = newClaim.replace(source, newSource);
        }
        List<String> newEntities = entities.stream().map(canonical).distinct().toList();
        return new DetectedClaim(id, articleId, origin, text, span, sentence, score, type, newSpeaker, newSource,
                newEntities, newClaim);
    }
}
