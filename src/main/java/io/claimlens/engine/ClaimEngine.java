package io.claimlens.engine;

import io.claimlens.claims.ClaimParser;
import io.claimlens.embed.CachingEncoder;
import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.Ingested;
import io.claimlens.ingest.IngestOptions;
import io.claimlens.ingest.Paragraphs;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ContentHash;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.Evidence;
import io.claimlens.model.InputProblem;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Provenance;
import io.claimlens.model.Report;
import io.claimlens.model.StanceResult;
import io.claimlens.model.Verdict;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import io.claimlens.retrieve.EvidenceRetriever;
import io.claimlens.retrieve.RetrievalConfig;
import io.claimlens.stance.StanceClassifiers;
import io.claimlens.stance.StanceClassifier;
import io.claimlens.verdict.QuoteEvidence;
import io.claimlens.verdict.VerdictClassifier;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * The ClaimLens engine: indexes article collections and checks claims against them.
 *
 * <pre>{@code
 * try (ClaimEngine engine = ClaimEngine.builder().build();
 *      Corpus corpus = engine.index(List.of(Path.of("examples")), null, IndexListener.NONE).corpus()) {
 *     Report report = engine.check("Russia and North Korea are now the 'closest of countries'", corpus);
 *     System.out.println(report.verdict().label());
 * }
 * }</pre>
 *
 * <p>Stages, in the one direction data flows: ingest → nlp → claims → retrieve → stance → verdict (→ report, done
 * by the renderers in {@code io.claimlens.report}).
 *
 * <p>Thread-safety: after {@link Builder#build()} the engine is immutable and every method may be called from
 * several threads at once. Building loads CoreNLP (5-15 s) and the ONNX encoder once; share one engine.
 * Close it to release native memory.
 */
public final class ClaimEngine implements AutoCloseable {

    /** Engine version, stamped on every report. */
    public static final String VERSION = "0.1.0";

    private static final String NER_MODEL_RESOURCE =
            "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final EngineConfig config;
    private final NlpPipeline nlp;
    private final boolean ownsNlp;
    private final SentenceEncoder encoder;
    private final boolean ownsEncoder;
    private final boolean ownsStance;
    private final StanceClassifier stance;
    private final VerdictClassifier verdict;
    private final ClaimParser claimParser;
    private final EvidenceRetriever retriever;
    private final ArticleReader reader;
    private final List<ModelRef> models;

    private ClaimEngine(Builder b) {
        this.config = b.config;
        // model files are verified against their cards first: a corrupted model is refused in milliseconds,
        // before CoreNLP and the encoder take seconds to load
        ModelStore.Loaded stanceModel = b.stance != null ? null : ModelStore.load(config.stanceModel());
        ModelStore.Loaded verdictModel = config.verdictModel() == null ? null : ModelStore.load(config.verdictModel());
        this.ownsNlp = b.nlp == null;
        this.nlp = b.nlp != null ? b.nlp : new NlpPipeline(config.nlp());
        this.ownsEncoder = b.encoder == null;
        this.encoder = b.encoder != null ? b.encoder
                : new CachingEncoder(DjlSentenceEncoder.create(config.encoder()), 100_000);
        this.ownsStance = b.stance == null;
        this.stance = b.stance != null ? b.stance : StanceClassifiers.open(encoder, stanceModel);
        this.verdict = verdictModel == null ? null : new VerdictClassifier(verdictModel);
        this.claimParser = new ClaimParser(this::entitiesOf);
        this.retriever = new EvidenceRetriever(encoder, config.retrieval());
        this.reader = new ArticleReader(config.ingest());
        List<ModelRef> refs = new ArrayList<>();
        if (nlp.config().mode() != NlpMode.FAST) {
            refs.add(new ModelRef("ner", "stanford-corenlp-4.5.10/english.all.3class.distsim.crf",
                    resourceSha256(NER_MODEL_RESOURCE)));
        }
        refs.add(encoder.modelRef());
        refs.add(stance.modelRef());
        if (verdict != null) {
            refs.add(verdict.modelRef());
        }
        this.models = List.copyOf(refs);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builder. {@code optX} methods are optional; {@code build()} loads the models. Components passed in (a shared
     * NLP pipeline or encoder, for tests and servers) are not closed by the engine.
     */
    public static final class Builder {
        private EngineConfig config = EngineConfig.defaults();
        private NlpPipeline nlp;
        private SentenceEncoder encoder;
        private StanceClassifier stance;

        public Builder optConfig(EngineConfig config) {
            this.config = config;
            return this;
        }

        public Builder optNlpMode(NlpMode mode) {
            this.config = new EngineConfig(NlpConfig.of(mode), config.encoder(), config.retrieval(),
                    config.ingest(), config.stanceModel(), config.verdictModel());
            return this;
        }

        public Builder optEncoderConfig(EncoderConfig encoderConfig) {
            this.config = new EngineConfig(config.nlp(), encoderConfig, config.retrieval(), config.ingest(),
                    config.stanceModel(), config.verdictModel());
            return this;
        }

        public Builder optRetrieval(RetrievalConfig retrieval) {
            this.config = new EngineConfig(config.nlp(), config.encoder(), retrieval, config.ingest(),
                    config.stanceModel(), config.verdictModel());
            return this;
        }

        public Builder optIngest(IngestOptions ingest) {
            this.config = new EngineConfig(config.nlp(), config.encoder(), config.retrieval(), ingest,
                    config.stanceModel(), config.verdictModel());
            return this;
        }

        public Builder optModels(String stanceModel, String verdictModel) {
            this.config = new EngineConfig(config.nlp(), config.encoder(), config.retrieval(), config.ingest(),
                    stanceModel, verdictModel);
            return this;
        }

        /** Use an already built NLP pipeline (its mode wins over the config's). */
        public Builder optNlpPipeline(NlpPipeline pipeline) {
            this.nlp = pipeline;
            this.config = new EngineConfig(pipeline.config(), config.encoder(), config.retrieval(), config.ingest(),
                    config.stanceModel(), config.verdictModel());
            return this;
        }

        /** Use an already built encoder (for sharing, or a fake in unit tests). */
        public Builder optEncoder(SentenceEncoder encoder) {
            this.encoder = encoder;
            return this;
        }

        /** Use another stance classifier (a fake in unit tests). */
        public Builder optStanceClassifier(StanceClassifier stance) {
            this.stance = stance;
            return this;
        }

        public ClaimEngine build() {
            return new ClaimEngine(this);
        }
    }

    public EngineConfig config() {
        return config;
    }

    public NlpPipeline nlp() {
        return nlp;
    }

    public SentenceEncoder encoder() {
        return encoder;
    }

    public ArticleReader reader() {
        return reader;
    }

    /** Models used, in pipeline order, with their hashes. */
    public List<ModelRef> models() {
        return models;
    }

    // -------------------------------------------------------------------------------------------------------------
    // Indexing

    /**
     * Reads, analyses and indexes articles from files and directories.
     *
     * @param paths    files and directories
     * @param indexDir where to keep the index ({@code null}: in memory); an existing index there is updated
     *                 incrementally (unchanged articles are skipped)
     * @param listener progress and problems
     */
    public IndexResult index(List<Path> paths, Path indexDir, IndexListener listener) throws IOException {
        try (Stream<Ingested> items = reader.read(paths)) {
            return index(items, indexDir, listener);
        }
    }

    /** Analyses and indexes a stream of ingested items on the calling thread; bad items are recorded and skipped. */
    public IndexResult index(Stream<Ingested> items, Path indexDir, IndexListener listener) throws IOException {
        return index(items, indexDir, listener, 1);
    }

    /**
     * Reads, analyses and indexes articles from files and directories with {@code threads} analysis threads.
     *
     * @see #index(Stream, Path, IndexListener, int)
     */
    public IndexResult index(List<Path> paths, Path indexDir, IndexListener listener, int threads)
            throws IOException {
        return index(paths, indexDir, listener, threads, null);
    }

    /**
     * As {@link #index(List, Path, IndexListener, int)}, with a limit on each article's analysis.
     *
     * @see #index(Stream, Path, IndexListener, int, Duration)
     */
    public IndexResult index(List<Path> paths, Path indexDir, IndexListener listener, int threads,
                             Duration articleTimeout) throws IOException {
        try (Stream<Ingested> items = reader.read(paths)) {
            return index(items, indexDir, listener, threads, articleTimeout);
        }
    }

    /**
     * Analyses and indexes a stream of ingested items; bad items are recorded and skipped.
     *
     * <p>The stream is consumed on the calling thread (reading, hashing, the unchanged-article check); analysis and
     * index writes run on {@code threads} worker threads sharing this engine's NLP pipeline (thread-safe, see
     * {@link NlpPipeline}). At most {@code 4 * threads} articles are in flight, so memory does not grow with the
     * collection. With {@code threads == 1} everything runs on the calling thread.
     *
     * <p>The resulting corpus does not depend on the number of threads or the order articles finish in: the
     * corpus checksum is over sorted ids, and searches break score ties by article id and sentence index.
     *
     * <p>An on-disk index is committed every {@value #COMMIT_SECONDS} seconds, so an interrupted run (even a
     * kill -9) keeps what was committed and a rerun analyses only the rest.
     *
     * @param threads analysis threads, at least 1
     */
    public IndexResult index(Stream<Ingested> items, Path indexDir, IndexListener listener, int threads)
            throws IOException {
        return index(items, indexDir, listener, threads, null);
    }

    /**
     * As {@link #index(Stream, Path, IndexListener, int)}, with a limit on each article's analysis: an article
     * whose analysis takes longer becomes a problem ("analysis did not finish within ...") and indexing goes on.
     *
     * @param articleTimeout the limit per article, or {@code null} for none
     */
    public IndexResult index(Stream<Ingested> items, Path indexDir, IndexListener listener, int threads,
                             Duration articleTimeout) throws IOException {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        List<InputProblem> problems = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger added = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        Map<String, String> seenThisRun = new HashMap<>();
        CorpusWriter writer = indexDir == null ? CorpusWriter.inMemory() : CorpusWriter.onDisk(indexDir);
        Checkpointer checkpoints = new Checkpointer(writer, indexDir != null);
        ExecutorService pool = threads == 1 ? null : Executors.newFixedThreadPool(threads, daemonThreads());
        Semaphore inFlight = new Semaphore(4 * threads);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        TimeLimit limit = articleTimeout == null ? null : new TimeLimit("claimlens-analyze");
        try {
            // forEachOrdered, not iterator(): a Stream's iterator buffers a flatMapped file's records all at once.
            items.forEachOrdered(item -> {
                if (fatal.get() != null) {
                    throw new StopIndexing();
                }
                if (item instanceof Ingested.Rejected r) {
                    problems.add(r.problem());
                    listener.problem(r.problem());
                    return;
                }
                Article a = ((Ingested.Read) item).article();
                String hash = a.textHash();
                String earlier = seenThisRun.putIfAbsent(a.id(), hash);
                if (earlier != null && !earlier.equals(hash)) {
                    InputProblem p = new InputProblem(a.origin(), 0, "id", "ingest", "article id '" + a.id()
                            + "' was already used by another article with different text; this one is skipped");
                    problems.add(p);
                    listener.problem(p);
                    return;
                }
                if (writer.isCurrent(a.id(), hash)) {
                    unchanged.incrementAndGet();
                    listener.indexed(a.id(), false);
                    return;
                }
                Runnable task = () -> {
                    Prepared p = limit == null ? prepare(a) : prepare(a, limit, articleTimeout);
                    if (p.problem() != null) {
                        problems.add(p.problem());
                        listener.problem(p.problem());
                    } else if (add(writer, p.analyzed())) {
                        for (String w : p.analyzed().warnings()) {
                            listener.notice(new InputProblem(a.origin(), 0, null, "nlp", w));
                        }
                        added.incrementAndGet();
                        listener.indexed(a.id(), true);
                    } else { // a same-id, same-text copy was added by another thread meanwhile
                        unchanged.incrementAndGet();
                        listener.indexed(a.id(), false);
                    }
                    checkpoints.maybeCommit();
                };
                if (pool == null) {
                    task.run();
                    return;
                }
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        task.run();
                    } catch (Throwable t) {
                        fatal.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            });
            if (pool != null) {
                inFlight.acquireUninterruptibly(4 * threads); // every task has finished
                inFlight.release(4 * threads);
            }
            Throwable t = fatal.get();
            if (t != null) {
                throw t instanceof RuntimeException re ? re : new IllegalStateException("indexing failed", t);
            }
            Corpus corpus = writer.finish();
            return new IndexResult(corpus, added.get(), unchanged.get(), List.copyOf(problems));
        } catch (StopIndexing e) {
            pool.shutdownNow();
            writer.close();
            Throwable t = fatal.get();
            throw t instanceof RuntimeException re ? re : new IllegalStateException("indexing failed", t);
        } catch (RuntimeException | IOException e) {
            if (pool != null) {
                pool.shutdownNow();
            }
            writer.close();
            throw e;
        } finally {
            if (pool != null) {
                pool.shutdown();
            }
            if (limit != null) {
                limit.close();
            }
        }
    }

    /** Thrown inside the stream consumer to stop reading once a worker has failed. */
    private static final class StopIndexing extends RuntimeException {
        StopIndexing() {
            super(null, null, false, false);
        }
    }

    /** Seconds between commits of an on-disk index while indexing. */
    public static final int COMMIT_SECONDS = 30;

    /** Commits an on-disk index now and then, from whichever worker notices the time has come. */
    private static final class Checkpointer {
        private final CorpusWriter writer;
        private final boolean enabled;
        private long last = System.nanoTime();

        Checkpointer(CorpusWriter writer, boolean enabled) {
            this.writer = writer;
            this.enabled = enabled;
        }

        void maybeCommit() {
            if (!enabled) {
                return;
            }
            synchronized (this) {
                long now = System.nanoTime();
                if (now - last < COMMIT_SECONDS * 1_000_000_000L) {
                    return;
                }
                last = now;
                try {
                    writer.commit();
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot commit the index", e);
                }
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "claimlens-index-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    private static boolean add(CorpusWriter writer, AnalyzedArticle analyzed) {
        try {
            return writer.add(analyzed);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the index", e);
        }
    }

    /**
     * An article ready to index, or the problem that keeps it out of the index. Exactly one is non-null.
     *
     * @param analyzed the analysed article
     * @param problem  why it cannot be indexed (analysis failed, not English)
     */
    public record Prepared(AnalyzedArticle analyzed, InputProblem problem) {
    }

    /**
     * Runs the NLP stage on one article for indexing: a failure or a non-English article becomes a problem, never
     * an exception. Thread-safe; used by {@link #index} and by distributed jobs that index elsewhere.
     */
    public Prepared prepare(Article a) {
        AnalyzedArticle analyzed;
        try {
            analyzed = nlp.analyze(a);
        } catch (RuntimeException e) {
            return new Prepared(null, new InputProblem(a.origin(), 0, null, "nlp", "analysis failed: " + e));
        }
        if (!NlpPipeline.ENGLISH.equals(analyzed.language())) {
            return new Prepared(null, new InputProblem(a.origin(), 0, null, "nlp", "language '"
                    + analyzed.language() + "' detected; only English is supported, so the article is not indexed"));
        }
        return new Prepared(analyzed, null);
    }

    /**
     * As {@link #prepare(Article)}, giving up after {@code timeout}: the article then becomes a problem naming the
     * limit. The abandoned analysis is interrupted and finishes in the background (see {@link TimeLimit}).
     */
    public Prepared prepare(Article a, TimeLimit limit, Duration timeout) {
        try {
            return limit.call(() -> prepare(a), timeout);
        } catch (TimeLimit.TimedOutException e) {
            return new Prepared(null, new InputProblem(a.origin(), 0, null, "nlp", "analysis " + e.getMessage()
                    + " (" + a.text().length() + " characters; the limit is set with --article-timeout); the article"
                    + " is skipped"));
        }
    }

    /** Runs the NLP stage on one article. */
    public AnalyzedArticle analyze(Article article) {
        return nlp.analyze(article);
    }

    // -------------------------------------------------------------------------------------------------------------
    // Checking

    /** Longest claim accepted, in characters: a claim is one statement, not an article. */
    public static final int MAX_CLAIM_CHARS = 2_000;

    /** Most words (whitespace-separated tokens) in a claim; the encoder reads at most 256 word pieces. */
    public static final int MAX_CLAIM_WORDS = 200;

    /** Parses a claim: quoted phrases, speaker, entities, attribution or factual. */
    public Claim parseClaim(String claim) {
        checkClaimSize(claim);
        return claimParser.parse(claim);
    }

    /**
     * Refuses claims that are empty or too long to be one statement, with a message saying the limit; a giant
     * claim would otherwise reach the NER tagger, a Lucene query of thousands of clauses and the encoder.
     */
    static void checkClaimSize(String claim) {
        if (claim == null || claim.isBlank()) {
            throw new IllegalArgumentException("the claim is empty");
        }
        if (claim.length() > MAX_CLAIM_CHARS) {
            throw new IllegalArgumentException("the claim is too long (" + claim.length() + " characters; limit "
                    + MAX_CLAIM_CHARS + "): check one statement at a time");
        }
        int words = claim.strip().split("\\s+").length;
        if (words > MAX_CLAIM_WORDS) {
            throw new IllegalArgumentException("the claim has too many words (" + words + "; limit "
                    + MAX_CLAIM_WORDS + "): check one statement at a time");
        }
    }

    /**
     * Checks a claim against a corpus: retrieves evidence, classifies its stance, finds who said the claim's quoted
     * phrases, and decides a verdict. Deterministic for the same claim, corpus and models.
     */
    public Report check(String claimText, Corpus corpus) {
        if (verdict == null) {
            throw new IllegalStateException("this engine was built without a verdict model; it can gather evidence "
                    + "but not decide verdicts");
        }
        Gathered g = gather(claimText, corpus);
        Verdict v = verdict.decide(g.claim(), g.evidence(), g.quotes());
        Set<String> cited = new LinkedHashSet<>();
        g.attributions().stream().filter(Attribution::hasSpeaker).forEach(a -> cited.add(a.quote().articleId()));
        g.evidence().forEach(e -> cited.add(e.articleId()));
        List<Report.SourceRef> sources = new ArrayList<>();
        for (String id : cited) {
            Report.SourceRef s = corpus.article(id);
            if (s != null) {
                sources.add(s);
            }
        }
        String id = "r" + ContentHash.sha256Hex(g.claim().text() + "\n" + corpus.checksum()).substring(0, 16);
        return new Report(id, g.claim(), v, g.evidence(), g.attributions(), sources, provenance(corpus));
    }

    /**
     * Everything the verdict is decided from: the parsed claim, the evidence sentences with their stance, and the
     * quotations matching the claim's quoted phrases.
     *
     * @param claim        the parsed claim
     * @param evidence     evidence sentences, best first
     * @param attributions matching quotations, with a speaker first
     * @param quotes       the same quotations with their sentence and whether they hold the phrase exactly
     */
    public record Gathered(Claim claim, List<Evidence> evidence, List<Attribution> attributions,
                           List<QuoteEvidence> quotes) {
    }

    /** Retrieves and classifies the evidence for a claim, without deciding a verdict (training uses this). */
    public Gathered gather(String claimText, Corpus corpus) {
        Claim claim = parseClaim(claimText);
        List<EvidenceRetriever.Candidate> candidates = retriever.retrieve(corpus, claim);
        List<String> texts = candidates.stream().map(c -> c.sentence().text()).toList();
        List<StanceResult> stances = texts.isEmpty() ? List.of() : stance.classify(claim.proposition(), texts);
        List<Attribution> quotes = matchingQuotes(claim, corpus);
        List<Evidence> evidence = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            EvidenceRetriever.Candidate c = candidates.get(i);
            Report.SourceRef src = corpus.article(c.sentence().articleId());
            evidence.add(new Evidence(c.sentence(), src == null ? null : src.source(), c.bm25(), c.similarity(), i,
                    stances.get(i), quoteIn(quotes, c)));
        }
        return new Gathered(claim, evidence, quotes, quoteEvidence(claim, quotes, corpus));
    }

    /** Each matching quotation with its sentence's text and whether it holds a quoted phrase word for word. */
    private static List<QuoteEvidence> quoteEvidence(Claim claim, List<Attribution> quotes, Corpus corpus) {
        Map<String, List<io.claimlens.model.Sentence>> byArticle = new HashMap<>();
        List<QuoteEvidence> out = new ArrayList<>(quotes.size());
        for (Attribution a : quotes) {
            List<io.claimlens.model.Sentence> sentences = byArticle.computeIfAbsent(a.quote().articleId(),
                    corpus::sentencesOf);
            String sentence = "";
            for (io.claimlens.model.Sentence s : sentences) {
                if (s.span().contains(a.quote().span().start())) {
                    sentence = s.text();
                    break;
                }
            }
            String quoted = normalizeWords(a.quote().text());
            boolean exact = claim.quotedPhrases().stream()
                    .anyMatch(p -> (" " + quoted + " ").contains(" " + normalizeWords(p) + " "));
            out.add(new QuoteEvidence(a, sentence, exact));
        }
        return out;
    }

    private static String normalizeWords(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{Nd}]+", " ").strip();
    }

    /** Quotations containing any of the claim's quoted phrases: with a speaker first, then by confidence. */
    private List<Attribution> matchingQuotes(Claim claim, Corpus corpus) {
        Map<String, Attribution> byPlace = new LinkedHashMap<>();
        for (String phrase : claim.quotedPhrases()) {
            for (Attribution a : corpus.quotesContaining(phrase, 50)) {
                byPlace.putIfAbsent(a.quote().articleId() + ":" + a.quote().span().start(), a);
            }
        }
        List<Attribution> out = new ArrayList<>(byPlace.values());
        out.sort(Comparator.comparing((Attribution a) -> !a.hasSpeaker())
                .thenComparingDouble(a -> -a.confidence())
                .thenComparing(a -> a.quote().articleId())
                .thenComparingInt(a -> a.quote().span().start()));
        return out;
    }

    /** The matching quotation inside the evidence sentence, one with a speaker first (quotes are so ordered). */
    private static Attribution quoteIn(List<Attribution> quotes, EvidenceRetriever.Candidate c) {
        for (Attribution a : quotes) {
            if (a.quote().articleId().equals(c.sentence().articleId())
                    && c.sentence().span().contains(a.quote().span().start())) {
                return a;
            }
        }
        return null;
    }

    /** Named entities of a short text (a claim), canonical forms, in order. */
    private List<String> entitiesOf(String text) {
        if (nlp.config().mode() == NlpMode.FAST) {
            return List.of();
        }
        Article a = new Article("claim", "claim", null, null, null, null, text, Paragraphs.split(text));
        List<String> out = new ArrayList<>();
        for (EntityMention m : nlp.analyze(a).entities()) {
            if (m.type() != EntityType.DATE && m.type() != EntityType.NUMBER && !out.contains(m.canonical())) {
                out.add(m.canonical());
            }
        }
        return out;
    }

    /** Engine version, models with hashes, configuration and the corpus checksum. */
    public Provenance provenance(Corpus corpus) {
        return new Provenance(VERSION, models, config.describe(), corpus.checksum(), corpus.articleCount());
    }

    private static String resourceSha256(String resource) {
        try (InputStream in = ClaimEngine.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("model resource not found on the classpath: " + resource);
            }
            MessageDigest d = ContentHash.digest();
            try (DigestInputStream din = new DigestInputStream(in, d)) {
                din.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (ownsStance) {
            stance.close();
        }
        if (ownsEncoder) {
            encoder.close();
        }
        if (ownsNlp) {
            nlp.close();
        }
    }
}
