package io.claimlens.retrieve;

import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The index layout: one document per article (metadata, text hash, person names), per sentence and per quotation
 * (with its attribution). Field names are constants here and nowhere else.
 */
final class CorpusSchema {

    /** Stored in the commit data; an index with another version is refused. */
    static final String SCHEMA_VERSION = "1";
    static final String SCHEMA_KEY = "claimlens.schema";

    static final String TYPE = "type";
    static final String TYPE_ARTICLE = "article";
    static final String TYPE_SENTENCE = "sentence";
    static final String TYPE_QUOTE = "quote";

    static final String ARTICLE = "article";
    static final String ORIGIN = "origin";
    static final String TITLE = "title";
    static final String URL = "url";
    static final String SOURCE = "source";
    static final String PUBLISHED = "published";
    static final String HASH = "hash";
    static final String LANGUAGE = "lang";
    static final String PERSON = "person";

    static final String INDEX = "idx";
    static final String PARAGRAPH = "para";
    static final String START = "start";
    static final String END = "end";
    static final String TEXT = "text";

    static final String SENTENCE = "sentence";
    static final String SPEAKER = "speaker";
    static final String CANONICAL = "canonical";
    static final String KIND = "kind";
    static final String CONFIDENCE = "confidence";
    static final String RULE = "rule";
    static final String REASON = "reason";
    static final String SPEAKER_START = "sstart";
    static final String SPEAKER_END = "send";

    private CorpusSchema() {
    }

    static Analyzer analyzer() {
        return new EnglishAnalyzer();
    }

    /**
     * Visits the stored fields of every live article document, segment by segment. Unlike a search for all of them,
     * which allocates a hit queue as large as the index (millions of entries for 10^5 articles), this needs no
     * memory beyond the document being visited.
     */
    static void forEachArticle(IndexReader reader, Consumer<Document> visitor) throws IOException {
        Term term = new Term(TYPE, TYPE_ARTICLE);
        for (LeafReaderContext leaf : reader.leaves()) {
            PostingsEnum docs = leaf.reader().postings(term, PostingsEnum.NONE);
            if (docs == null) {
                continue;
            }
            Bits live = leaf.reader().getLiveDocs();
            StoredFields stored = leaf.reader().storedFields();
            for (int d = docs.nextDoc(); d != DocIdSetIterator.NO_MORE_DOCS; d = docs.nextDoc()) {
                if (live == null || live.get(d)) {
                    visitor.accept(stored.document(d));
                }
            }
        }
    }

    static List<Document> documents(AnalyzedArticle a) {
        List<Document> docs = new ArrayList<>();
        Article art = a.article();
        Document ad = new Document();
        ad.add(new StringField(TYPE, TYPE_ARTICLE, Field.Store.YES));
        ad.add(new StringField(ARTICLE, art.id(), Field.Store.YES));
        storeIfPresent(ad, ORIGIN, art.origin());
        storeIfPresent(ad, TITLE, art.title());
        storeIfPresent(ad, URL, art.url());
        storeIfPresent(ad, SOURCE, art.source());
        storeIfPresent(ad, PUBLISHED, art.published());
        ad.add(new StoredField(HASH, art.textHash()));
        ad.add(new StoredField(LANGUAGE, a.language()));
        Map<String, Integer> persons = new TreeMap<>();
        for (EntityMention m : a.entities()) {
            if (m.type() == EntityType.PERSON) {
                persons.merge(m.canonical(), 1, Integer::sum);
            }
        }
        persons.forEach((n, c) -> ad.add(new StoredField(PERSON, n + "\t" + c)));
        docs.add(ad);
        for (Sentence s : a.sentences()) {
            Document d = new Document();
            d.add(new StringField(TYPE, TYPE_SENTENCE, Field.Store.YES));
            d.add(new StringField(ARTICLE, art.id(), Field.Store.YES));
            d.add(new StoredField(INDEX, s.index()));
            d.add(new StoredField(PARAGRAPH, s.paragraph()));
            d.add(new StoredField(START, s.start()));
            d.add(new StoredField(END, s.end()));
            d.add(new TextField(TEXT, s.text(), Field.Store.YES));
            docs.add(d);
        }
        for (Attribution at : a.attributions()) {
            Document d = new Document();
            d.add(new StringField(TYPE, TYPE_QUOTE, Field.Store.YES));
            d.add(new StringField(ARTICLE, art.id(), Field.Store.YES));
            d.add(new StoredField(START, at.quote().span().start()));
            d.add(new StoredField(END, at.quote().span().end()));
            d.add(new StoredField(SENTENCE, at.quote().sentence()));
            d.add(new TextField(TEXT, at.quote().text(), Field.Store.YES));
            storeIfPresent(d, SPEAKER, at.speaker());
            storeIfPresent(d, CANONICAL, at.canonicalSpeaker());
            storeIfPresent(d, KIND, at.kind() == null ? null : at.kind().name());
            storeIfPresent(d, REASON, at.noSpeakerReason() == null ? null : at.noSpeakerReason().name());
            d.add(new StoredField(CONFIDENCE, Double.toString(at.confidence())));
            d.add(new StoredField(RULE, at.rule()));
            if (at.speakerSpan() != null) {
                d.add(new StoredField(SPEAKER_START, Integer.toString(at.speakerSpan().start())));
                d.add(new StoredField(SPEAKER_END, Integer.toString(at.speakerSpan().end())));
            }
            docs.add(d);
        }
        return docs;
    }

    private static void storeIfPresent(Document d, String field, String value) {
        if (value != null) {
            d.add(new StoredField(field, value));
        }
    }

    static int intOf(Document d, String field) {
        IndexableFieldHolder h = new IndexableFieldHolder(d, field);
        return h.intValue();
    }

    static Sentence toSentence(Document d) {
        return new Sentence(d.get(ARTICLE), intOf(d, INDEX), intOf(d, PARAGRAPH),
                Span.of(intOf(d, START), intOf(d, END)), d.get(TEXT));
    }

    /** Reads an int stored either as a number or as a string. */
    private record IndexableFieldHolder(Document d, String field) {
        int intValue() {
            var f = d.getField(field);
            if (f == null) {
                throw new IllegalStateException("index document lacks field " + field);
            }
            Number n = f.numericValue();
            return n != null ? n.intValue() : Integer.parseInt(f.stringValue());
        }
    }
}
