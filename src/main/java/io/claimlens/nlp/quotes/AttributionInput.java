package io.claimlens.nlp.quotes;

import io.claimlens.model.Article;
import io.claimlens.model.EntityMention;
import io.claimlens.model.Sentence;
import io.claimlens.model.Token;

import java.util.List;

/**
 * What an attributor reads: an article's sentences with tokens and entity mentions (canonical within the article),
 * and the quotations found in it.
 *
 * @param article   the article
 * @param sentences sentences in order
 * @param tokens    tokens per sentence, parallel to {@code sentences}
 * @param mentions  entity mentions per sentence, parallel to {@code sentences}
 * @param quotes    quotations in text order
 */
public record AttributionInput(Article article, List<Sentence> sentences, List<List<Token>> tokens,
                               List<List<EntityMention>> mentions, List<QuoteFinder.Found> quotes) {
}
