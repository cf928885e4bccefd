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
 * @param warnings    what the NLP stage changed about the input so it could be processed (a sentence over the length
 *                    cap split into pieces), one message each, naming the character offsets; empty normally
 */
public record AnalyzedArticle(Article article, String language, List<Sentence> sentences, List<List<Token>> tokens,
                              List<EntityMention> entities, List<Attribution> attributions, List<String> warnings) {

    public AnalyzedArticle {
        warnings = List.copyOf(warnings);
        sentences = List.copyOf(sentences);
        tokens = tokens.stream().map(List::copyOf).toList();
        entities = List.copyOf(entities);
        attributions = List.copyOf(attributions);
        if (tokens.size() != sentences.size()) {
            throw new IllegalArgumentException("tokens must be given per sentence");
        }
    }

    /** An analysed article without warnings. */
    public AnalyzedArticle(Article article, String language, List<Sentence> sentences, List<List<Token>> tokens,
                           List<EntityMention> entities, List<Attribution> attributions) {
        this(article, language, sentences, tokens, entities, attributions, List.of());
    }

    public String id() {
        return article.id();
    }
}
