package io.claimlens.testing;

import io.claimlens.ingest.Paragraphs;
import io.claimlens.model.Article;
import io.claimlens.model.ContentHash;

/** Builds articles from text for tests. */
public final class Articles {

    private Articles() {
    }

    public static Article of(String text) {
        return new Article(ContentHash.articleId(text), "test", null, null, null, null, text, Paragraphs.split(text));
    }

    public static Article of(String id, String text) {
        return new Article(id, "test:" + id, null, null, null, null, text, Paragraphs.split(text));
    }
}
