package io.claimlens.retrieve;

import io.claimlens.model.AnalyzedArticle;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexFormatTooNewException;
import org.apache.lucene.index.IndexFormatTooOldException;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.similarities.BM25Similarity;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

import java.io.EOFException;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
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

    /**
     * A writer for the index in {@code dir}, created if absent. An existing index is verified first (every file's
     * checksum, see {@link #verify}); a damaged one is refused with a {@link DamagedIndexException}.
     */
    public static CorpusWriter onDisk(Path dir) throws IOException {
        Directory d = FSDirectory.open(dir);
        try {
            verify(d, dir);
            return new CorpusWriter(d, false);
        } catch (IOException e) {
            d.close();
            throw damaged(dir, e);
        }
    }

    /** Opens an existing on-disk index for searching, verified as by {@link #onDisk}. */
    public static Corpus open(Path dir) throws IOException {
        if (!java.nio.file.Files.isDirectory(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no index directory: build one with claimlens index "
                    + "--articles PATH... --index " + dir);
        }
        Directory d = FSDirectory.open(dir);
        if (!DirectoryReader.indexExists(d)) {
            d.close();
            throw new NoSuchFileException(dir.toString(), null, "no index in this directory: build one with "
                    + "claimlens index --articles PATH... --index " + dir);
        }
        try {
            verify(d, dir);
            return new Corpus(d, true);
        } catch (IOException e) {
            d.close();
            throw damaged(dir, e);
        }
    }

    /** Thrown when an on-disk index is damaged: a truncated, missing or altered file, or a foreign format. */
    public static final class DamagedIndexException extends IOException {
        DamagedIndexException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Checks an existing index before use: the commit point opens and every segment file matches its checksum
     * (Lucene's {@code checkIntegrity}, which reads each file once). A damaged index would otherwise fail later,
     * mid-run, or return wrong stored text.
     */
    private static void verify(Directory d, Path dir) throws IOException {
        if (!DirectoryReader.indexExists(d)) {
            return;
        }
        try (DirectoryReader r = DirectoryReader.open(d)) {
            for (LeafReaderContext leaf : r.leaves()) {
                leaf.reader().checkIntegrity();
            }
        }
    }

    /** Corruption becomes a clear refusal; other I/O problems (permissions, a full disk) pass through. */
    private static IOException damaged(Path dir, IOException e) {
        if (e instanceof CorruptIndexException || e instanceof IndexFormatTooOldException
                || e instanceof IndexFormatTooNewException || e instanceof EOFException
                || e instanceof NoSuchFileException || e instanceof FileNotFoundException) {
            return new DamagedIndexException("the index in " + dir + " is damaged and cannot be used (" + e
                    + "). It is built from the articles: delete the directory (or choose another) and run again to "
                    + "rebuild it.", e);
        }
        return e;
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
