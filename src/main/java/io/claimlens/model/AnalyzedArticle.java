package io.claimlens.model;

import java.util.List;

/**
 * An article after the NLP stage: sentences with tokens, entity mentions, quotations and their attributions.
 *
 * @param article     the article
 * @param language    ISO 639-3 code of the detected language ("eng")
 * @param sentences   sentences in text order
 * @param tokens      tokens per sentence, parallel to {@code sentences}
 * @param entities    entity mentions in text order, pronouns excluded
 * @param attributions one per quotation, in text order
 */
public record AnalyzedArticle(Article article, String language, List<Sentence> sentences, List<List<Token>> tokens,
                              List<EntityMention> entities, List<Attribution> attributions) {

    public AnalyzedArticle {
        sentences = List.copyOf(sentences);
        tokens = tokens.stream().map(List::copyOf).toList();
        entities = List.copyOf(entities);
        attributions = List.copyOf(attributions);
        if (tokens.size() != sentences.size()) {
            throw new IllegalArgumentException("tokens must be given per sentence");
        }
    }

    public String id() {
        return article.id();
    }
}
