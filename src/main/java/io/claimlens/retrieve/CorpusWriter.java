package io.claimlens.retrieve;

import io.claimlens.model.AnalyzedArticle;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Builds or updates a {@link Corpus} index.
 *
 * <p>Incremental: each article is keyed by id and text hash; {@link #add} skips an article already indexed with the
 * same hash and replaces one whose text changed. Lifecycle: open (in memory or on disk), {@link #add} from any
 * number of threads (Lucene's IndexWriter is thread-safe), then {@link #commit()} to get a searchable corpus, and
 * {@link #close()}.
 */
public final class CorpusWriter implements AutoCloseable {

    private final Directory directory;
    private final IndexWriter writer;
    private final Map<String, String> existing;
    private boolean closed;

    private CorpusWriter(Directory directory, boolean inMemory) throws IOException {
        this.directory = directory;
        IndexWriterConfig cfg = new IndexWriterConfig(CorpusSchema.analyzer());
        cfg.setSimilarity(new BM25Similarity());
        cfg.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        cfg.setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, cfg);
        checkSchema();
        this.existing = readExisting();
    }

    /** A writer for a new in-memory index. */
    public static CorpusWriter inMemory() throws IOException {
        return new CorpusWriter(new ByteBuffersDirectory(), true);
    }

    /** A writer for the index in {@code dir}, created if absent. */
    public static CorpusWriter onDisk(Path dir) throws IOException {
        return new CorpusWriter(FSDirectory.open(dir), false);
    }

    /** Opens an existing on-disk index for searching. */
    public static Corpus open(Path dir) throws IOException {
        return new Corpus(FSDirectory.open(dir), true);
    }

    private void checkSchema() throws IOException {
        Iterable<Map.Entry<String, String>> data = writer.getLiveCommitData();
        if (data == null) {
            return;
        }
        for (Map.Entry<String, String> e : data) {
            if (e.getKey().equals(CorpusSchema.SCHEMA_KEY) && !e.getValue().equals(CorpusSchema.SCHEMA_VERSION)) {
                throw new IOException("index in " + directory + " has schema version " + e.getValue()
                        + "; this ClaimLens writes version " + CorpusSchema.SCHEMA_VERSION
                        + ". Rebuild it into an empty directory.");
            }
        }
    }

    private Map<String, String> readExisting() throws IOException {
        Map<String, String> m = new HashMap<>();
        if (writer.getDocStats().numDocs == 0) {
            return m;
        }
        try (DirectoryReader r = DirectoryReader.open(writer)) {
            CorpusSchema.forEachArticle(r, d -> m.put(d.get(CorpusSchema.ARTICLE), d.get(CorpusSchema.HASH)));
        }
        return m;
    }

    /** True if the article is indexed with this exact text. */
    public synchronized boolean isCurrent(String articleId, String textHash) {
        return textHash.equals(existing.get(articleId));
    }

    /** Adds (or replaces) an article's documents; returns false if it was already indexed unchanged. */
    public boolean add(AnalyzedArticle a) throws IOException {
        String id = a.id();
        String hash = a.article().textHash();
        boolean replace;
        synchronized (this) {
            if (hash.equals(existing.get(id))) {
                return false;
            }
            replace = existing.containsKey(id);
            existing.put(id, hash);
        }
        if (replace) {
            writer.deleteDocuments(new Term(CorpusSchema.ARTICLE, id));
        }
        writer.addDocuments(CorpusSchema.documents(a));
        return true;
    }

    public synchronized int articleCount() {
        return existing.size();
    }

    /** Makes everything added so far durable (a checkpoint for long runs). */
    public void commit() throws IOException {
        writer.setLiveCommitData(Map.of(CorpusSchema.SCHEMA_KEY, CorpusSchema.SCHEMA_VERSION).entrySet());
        writer.commit();
    }

    /**
     * Commits, closes the writer and opens the index for searching. The returned corpus owns the index directory
     * (closing it releases the directory, in memory or on disk); this writer must not be used afterwards.
     */
    public Corpus finish() throws IOException {
        commit();
        writer.close();
        closed = true;
        return new Corpus(directory, true);
    }

    /** Closes without committing what was added since the last commit; no-op after {@link #finish()}. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.rollback();
        directory.close();
    }
}
