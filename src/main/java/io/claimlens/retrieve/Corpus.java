package io.claimlens.retrieve;

import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.ContentHash;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Report;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.nlp.NameClusters;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexableField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.Directory;
import org.apache.lucene.util.QueryBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An indexed article collection: sentences, quotations with their attributions, article metadata and the names
 * of the people in it, in a Lucene index (BM25), in memory or on disk.
 *
 * <p>Build one with {@link CorpusWriter}. A corpus is a snapshot: it sees the index as it was when opened.
 *
 * <p>Lifecycle: open, search from any number of threads, close once. Searching a closed corpus is an error.
 */
public final class Corpus implements AutoCloseable {

    private final Directory directory;
    private final boolean ownsDirectory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;
    private final Analyzer analyzer = CorpusSchema.analyzer();
    private final Map<String, Report.SourceRef> articles;
    private final NameClusters names;
    private final String checksum;

    Corpus(Directory directory, boolean ownsDirectory) throws IOException {
        this.directory = directory;
        this.ownsDirectory = ownsDirectory;
        this.reader = DirectoryReader.open(directory);
        this.searcher = new IndexSearcher(reader);
        searcher.setSimilarity(new BM25Similarity());
        this.articles = new HashMap<>();
        this.names = new NameClusters();
        TreeMap<String, String> hashes = new TreeMap<>();
        CorpusSchema.forEachArticle(reader, d -> {
            String id = d.get(CorpusSchema.ARTICLE);
            articles.put(id, new Report.SourceRef(id, d.get(CorpusSchema.ORIGIN), d.get(CorpusSchema.TITLE),
                    d.get(CorpusSchema.URL), d.get(CorpusSchema.SOURCE)));
            hashes.put(id, d.get(CorpusSchema.HASH));
            for (IndexableField f : d.getFields(CorpusSchema.PERSON)) {
                String[] kv = f.stringValue().split("\t");
                names.add(kv[0], kv.length > 1 ? Integer.parseInt(kv[1]) : 1);
            }
        });
        this.checksum = checksum(hashes);
    }

    /** SHA-256 over the sorted "id\ttextHash\n" lines of all articles. */
    static String checksum(TreeMap<String, String> idToHash) {
        StringBuilder sb = new StringBuilder();
        idToHash.forEach((id, h) -> sb.append(id).append('\t').append(h).append('\n'));
        return ContentHash.sha256Hex(sb.toString());
    }

    public String checksum() {
        return checksum;
    }

    public int articleCount() {
        return articles.size();
    }

    /** Cross-article name clusters (Choe Son Hui / Choe Son-hui / Choe Son-hye). */
    public NameClusters names() {
        return names;
    }

    public Report.SourceRef article(String id) {
        return articles.get(id);
    }

    /** A sentence found by lexical search, with its BM25 score. */
    public record SentenceHit(Sentence sentence, double score) {
    }

    /**
     * BM25 search over sentences: the query's terms (OR), plus each phrase as a boosted phrase query.
     * Ties are broken by article id and sentence index, so results do not depend on indexing order.
     */
    public List<SentenceHit> searchSentences(String query, List<String> phrases, int k) {
        QueryBuilder qb = new QueryBuilder(analyzer);
        BooleanQuery.Builder q = new BooleanQuery.Builder();
        q.add(new TermQuery(new Term(CorpusSchema.TYPE, CorpusSchema.TYPE_SENTENCE)), BooleanClause.Occur.FILTER);
        BooleanQuery.Builder should = new BooleanQuery.Builder();
        Query terms = qb.createBooleanQuery(CorpusSchema.TEXT, query);
        boolean any = false;
        if (terms != null) {
            should.add(terms, BooleanClause.Occur.SHOULD);
            any = true;
        }
        for (String p : phrases) {
            Query pq = qb.createPhraseQuery(CorpusSchema.TEXT, p, 1);
            if (pq != null) {
                should.add(new BoostQuery(pq, 3f), BooleanClause.Occur.SHOULD);
                any = true;
            }
        }
        if (!any) {
            return List.of();
        }
        q.add(should.build(), BooleanClause.Occur.MUST);
        try {
            StoredFields stored = searcher.storedFields();
            List<SentenceHit> hits = new ArrayList<>();
            for (ScoreDoc sd : topWithTies(q.build(), k * 2)) {
                hits.add(new SentenceHit(CorpusSchema.toSentence(stored.document(sd.doc)), sd.score));
            }
            hits.sort(Comparator.comparingDouble((SentenceHit h) -> -h.score())
                    .thenComparing(h -> h.sentence().articleId())
                    .thenComparingInt(h -> h.sentence().index()));
            return hits.size() > k ? List.copyOf(hits.subList(0, k)) : hits;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    /**
     * Quotations whose words contain {@code phrase} (as a phrase, up to one word of slop), with their attributions,
     * canonical speakers resolved across the collection. Ordered by article id and position.
     */
    public List<Attribution> quotesContaining(String phrase, int k) {
        QueryBuilder qb = new QueryBuilder(analyzer);
        Query pq = qb.createPhraseQuery(CorpusSchema.TEXT, phrase, 1);
        if (pq == null) {
            return List.of();
        }
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CorpusSchema.TYPE, CorpusSchema.TYPE_QUOTE)), BooleanClause.Occur.FILTER)
                .add(pq, BooleanClause.Occur.MUST)
                .build();
        try {
            StoredFields stored = searcher.storedFields();
            List<ScoredQuote> scored = new ArrayList<>();
            for (ScoreDoc sd : topWithTies(q, k)) {
                scored.add(new ScoredQuote(toAttribution(stored.document(sd.doc)), sd.score));
            }
            // the best k by score, ties by place; then in article and position order
            scored.sort(Comparator.comparingDouble((ScoredQuote x) -> -x.score())
                    .thenComparing(x -> x.attribution().quote().articleId())
                    .thenComparingInt(x -> x.attribution().quote().span().start()));
            List<Attribution> out = new ArrayList<>();
            for (ScoredQuote x : scored.subList(0, Math.min(k, scored.size()))) {
                out.add(x.attribution());
            }
            out.sort(Comparator.comparing((Attribution a) -> a.quote().articleId())
                    .thenComparingInt(a -> a.quote().span().start()));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("search failed", e);
        }
    }

    private static final int MAX_TIED = 1000;

    private record ScoredQuote(Attribution attribution, float score) {
    }

    /**
     * The top {@code n} hits plus every further hit that ties the n-th one's score. Lucene breaks score ties by
     * document number, which depends on the order articles were indexed in (threads, resumed runs); taking all
     * tied hits and letting the caller order them by article id and position makes results independent of it.
     * Ties are followed up to {@value #MAX_TIED} extra hits (reading each costs a stored-document load); past that
     * cap, on pathological collections where one sentence is repeated thousands of times, Lucene's order stands.
     */
    private List<ScoreDoc> topWithTies(Query q, int n) throws IOException {
        TopDocs top = searcher.search(q, n);
        List<ScoreDoc> out = new ArrayList<>(List.of(top.scoreDocs));
        if (out.size() < n) {
            return out;
        }
        float boundary = out.get(out.size() - 1).score;
        ScoreDoc after = out.get(out.size() - 1);
        while (true) {
            TopDocs more = searcher.searchAfter(after, q, n);
            boolean tiedAll = true;
            for (ScoreDoc sd : more.scoreDocs) {
                if (sd.score != boundary) {
                    tiedAll = false;
                    break;
                }
                out.add(sd);
            }
            if (!tiedAll || more.scoreDocs.length < n || out.size() - n >= MAX_TIED) {
                return out;
            }
            after = more.scoreDocs[more.scoreDocs.length - 1];
        }
    }

    private Attribution toAttribution(Document d) {
        Quote q = new Quote(d.get(CorpusSchema.ARTICLE), Span.of(CorpusSchema.intOf(d, CorpusSchema.START),
                CorpusSchema.intOf(d, CorpusSchema.END)), d.get(CorpusSchema.TEXT),
                CorpusSchema.intOf(d, CorpusSchema.SENTENCE));
        double conf = Double.parseDouble(d.get(CorpusSchema.CONFIDENCE));
        String rule = d.get(CorpusSchema.RULE);
        String speaker = d.get(CorpusSchema.SPEAKER);
        if (speaker == null) {
            return Attribution.none(q, NoSpeakerReason.valueOf(d.get(CorpusSchema.REASON)), conf, rule);
        }
        SpeakerKind kind = SpeakerKind.valueOf(d.get(CorpusSchema.KIND));
        String canonical = d.get(CorpusSchema.CANONICAL);
        if (kind == SpeakerKind.PERSON) {
            canonical = names.canonical(canonical);
        }
        String ss = d.get(CorpusSchema.SPEAKER_START);
        Span sspan = ss == null ? null : Span.of(Integer.parseInt(ss),
                Integer.parseInt(d.get(CorpusSchema.SPEAKER_END)));
        return Attribution.speaker(q, speaker, canonical, sspan, kind, conf, rule);
    }

    /** The stored text of an article's sentences, for context in reports. */
    public List<Sentence> sentencesOf(String articleId) {
        BooleanQuery q = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(CorpusSchema.TYPE, CorpusSchema.TYPE_SENTENCE)), BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(CorpusSchema.ARTICLE, articleId)), BooleanClause.Occur.FILTER)
                .build();
        try {
            TopDocs top = searcher.search(q, Math.max(1, reader.maxDoc()));
            StoredFields stored = searcher.storedFields();
            List<Sentence> out = new ArrayList<>();
            for (ScoreDoc sd : top.scoreDocs) {
                out.add(CorpusSchema.toSentence(stored.document(sd.doc)));
            }
            out.sort(Comparator.comparingInt(Sentence::index));
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Article metadata as read (for callers that hold only ids). */
    public static Report.SourceRef sourceOf(Article a) {
        return new Report.SourceRef(a.id(), a.origin(), a.title(), a.url(), a.source());
    }

    @Override
    public void close() throws IOException {
        reader.close();
        if (ownsDirectory) {
            directory.close();
        }
    }
}
