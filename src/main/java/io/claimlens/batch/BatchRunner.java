package io.claimlens.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.engine.IndexResult;
import io.claimlens.ingest.CollectionSize;
import io.claimlens.model.ContentHash;
import io.claimlens.model.InputProblem;
import io.claimlens.model.ModelRef;
import io.claimlens.model.Report;
import io.claimlens.retrieve.Corpus;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Checks a file of claims against an article collection, in two phases, on all cores, resumably.
 *
 * <ol>
 *   <li><b>index</b>: reads the collection as a stream and builds (or updates) the persistent index in
 *       {@link BatchOptions#index()}: only new or changed articles are analysed, on {@code threads} threads sharing
 *       the engine; the index is committed every 30 s.</li>
 *   <li><b>check</b>: streams the claims and checks them on {@code threads} threads against the corpus; each result
 *       is appended to results.jsonl and forced to disk before the claim counts as done ({@link ResultLog}).</li>
 * </ol>
 *
 * <p>Output, in {@link BatchOptions#out()}: {@code results.jsonl}, {@code errors.jsonl} (every article and claim
 * that could not be used, with file and line; rewritten by each run, since a resumed run re-reads all input),
 * {@code summary.json}, {@code checkpoint.json} and, when asked, {@code reports/<claim id>.md|.html}.
 *
 * <p>Resume: after an interruption at any point (even kill -9), running again with {@code resume} re-reads the
 * collection (unchanged articles are not analysed again), skips the claims whose results are on disk, drops a
 * torn last record, and checks the rest. The final results.jsonl then holds every claim exactly once, each record
 * byte-equal to an uninterrupted run's (records carry no timestamps, and reports do not depend on thread count or
 * indexing order). A resumed run refuses to continue if models, configuration or the collection changed.
 *
 * <p>Memory stays flat as the collection grows: articles and claims are streamed with bounded work in flight; what
 * grows is one small entry per article id in the index writer and per claim id for duplicate detection.
 */
public final class BatchRunner {

    static final String ERRORS = "errors.jsonl";
    static final String SUMMARY = "summary.json";
    static final String REPORTS = "reports";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClaimEngine engine;
    private final BatchOptions options;
    private final BatchListener listener;

    private BatchRunner(ClaimEngine engine, BatchOptions options, BatchListener listener) {
        this.engine = engine;
        this.options = options;
        this.listener = listener;
    }

    /**
     * Fails fast, before models load, when the claims file is missing or {@code out} holds an earlier run and
     * {@code resume} is not set (the runner checks again when it starts).
     */
    public static void precheck(BatchOptions options) throws IOException {
        if (!ClaimSource.STDIN.equals(options.claims()) && !Files.isRegularFile(Path.of(options.claims()))) {
            throw new IllegalArgumentException("claims file not found: " + options.claims());
        }
        Path out = options.out();
        if (!options.resume() && ResultLog.holdsEarlierRun(out)) {
            throw new IllegalStateException(out + " holds an earlier run (" + ResultLog.RESULTS + ", "
                    + ResultLog.CHECKPOINT + "); pass --resume to finish it, or choose another --out");
        }
    }

    /** Runs a batch with a built engine (shared, not closed). */
    public static BatchSummary run(ClaimEngine engine, BatchOptions options, BatchListener listener)
            throws IOException {
        return new BatchRunner(engine, options, listener).run();
    }

    private BatchSummary run() throws IOException {
        Path out = options.out();
        if (!ClaimSource.STDIN.equals(options.claims()) && !Files.isRegularFile(Path.of(options.claims()))) {
            throw new IllegalArgumentException("claims file not found: " + options.claims());
        }
        try (ResultLog log = ResultLog.open(out, options.resume())) {
            ObjectNode fingerprint = fingerprint();
            ObjectNode earlier = log.earlierFingerprint();
            if (earlier != null) {
                String differs = firstDifference(earlier, fingerprint);
                if (differs != null) { // refused before anything of the earlier run is touched
                    throw new IllegalStateException("cannot resume the run in " + out + ": " + differs
                            + " differs from the interrupted run's; results would not be comparable. Use another"
                            + " --out (or the same settings).");
                }
            }
            try (ErrorLog errors = new ErrorLog(out.resolve(ERRORS))) {
                return run(log, errors, fingerprint, earlier);
            }
        }
    }

    private BatchSummary run(ResultLog log, ErrorLog errors, ObjectNode fingerprint, ObjectNode earlier)
            throws IOException {
        Path out = options.out();
        if (log.recovery().note() != null) {
            listener.note(log.recovery().note());
        }
        log.checkpoint(fingerprint, "index");

        // ---- index
        long t0 = System.nanoTime();
        listener.phase("index", -1);
        Thread counter = countInBackground();
        AtomicLong articleProblems = new AtomicLong();
        IndexResult indexed = engine.index(options.articles(), options.index(), new IndexListener() {
            @Override
            public void indexed(String articleId, boolean added) {
                listener.step();
            }

            @Override
            public void problem(InputProblem problem) {
                articleProblems.incrementAndGet();
                errors.write(ResultRecords.errorLine("article", problem, null));
                listener.problem(problem);
            }

            @Override
            public void notice(InputProblem notice) {
                listener.note("note: " + notice.describe());
            }
        }, options.threads(), options.articleTimeout());
        counter.interrupt();
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        try (Corpus corpus = indexed.corpus()) {
            if (corpus.articleCount() == 0) {
                throw new IllegalStateException("no article could be read from " + options.articles()
                        + " (see " + out.resolve(ERRORS) + ")");
            }
            String previousCorpus = earlier == null ? null : earlier.path("corpusChecksum").asText(null);
            if (previousCorpus != null && !log.done().isEmpty() && !previousCorpus.equals(corpus.checksum())) {
                throw new IllegalStateException("cannot resume the run in " + out + ": the article collection"
                        + " changed since it was interrupted (corpus checksum " + corpus.checksum()
                        + ", was " + previousCorpus + "), so old and new results would disagree. Use another"
                        + " --out.");
            }
            fingerprint.put("corpusChecksum", corpus.checksum());
            log.checkpoint(fingerprint, "check");

            // ---- check
            Checked checked = check(corpus, log, errors);
            Map<String, Long> verdicts = verdictCounts(out.resolve(ResultLog.RESULTS));
            long[] lat = checked.latencies();
            BatchSummary summary = new BatchSummary(checked.read, checked.checked.get(), checked.resumed,
                    checked.failed.get(), checked.duplicates, checked.badLines, indexed.indexed(),
                    indexed.skipped(), articleProblems.get(), corpus.articleCount(), corpus.checksum(),
                    log.count(), verdicts, options.threads(), engine.nlp().config().mode().name(),
                    indexSeconds, checked.seconds, percentile(lat, 50), percentile(lat, 95),
                    ProcessMemory.peakRssMb());
            Files.writeString(out.resolve(SUMMARY), JSON.writerWithDefaultPrettyPrinter()
                    .writeValueAsString(summary.toJson()) + "\n", StandardCharsets.UTF_8);
            log.checkpoint(fingerprint, "done");
            return summary;
        }
    }

    /** Counts for the check phase. */
    private static final class Checked {
        long read;
        long resumed;
        long duplicates;
        long badLines;
        final AtomicLong checked = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        double seconds;
        private long[] millis = new long[1024];
        private int n;

        synchronized void latency(long ms) {
            if (n == millis.length) {
                millis = Arrays.copyOf(millis, n * 2);
            }
            millis[n++] = ms;
        }

        synchronized long[] latencies() {
            return Arrays.copyOf(millis, n);
        }
    }

    private Checked check(Corpus corpus, ResultLog log, ErrorLog errors) throws IOException {
        Checked c = new Checked();
        long t0 = System.nanoTime();
        listener.phase("check", ClaimSource.countLines(options.claims()));
        int threads = options.threads();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "claimlens-check");
            t.setDaemon(true);
            return t;
        });
        Semaphore inFlight = new Semaphore(2 * threads);
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        Map<String, Integer> firstLine = new HashMap<>();
        Path reports = options.out().resolve(REPORTS);
        try {
            ClaimSource.read(options.claims(), new ClaimSource.Sink() {
                @Override
                public void claim(ClaimSource.Input in) {
                    if (fatal.get() != null) {
                        throw new StopReading();
                    }
                    c.read++;
                    Integer first = firstLine.putIfAbsent(in.id(), in.line());
                    if (first != null) {
                        c.duplicates++;
                        InputProblem p = new InputProblem(in.origin(), in.line(), "id", "claims", "claim id '"
                                + in.id() + "' already used on line " + first + "; this one is skipped");
                        errors.write(ResultRecords.errorLine("claim", p, in.id()));
                        listener.problem(p);
                        listener.step();
                        return;
                    }
                    if (log.done().contains(in.id())) {
                        c.resumed++;
                        listener.step();
                        return;
                    }
                    inFlight.acquireUninterruptibly();
                    pool.execute(() -> {
                        try {
                            checkOne(in, corpus, log, errors, reports, c);
                        } catch (Throwable t) {
                            fatal.compareAndSet(null, t);
                        } finally {
                            inFlight.release();
                        }
                    });
                }

                @Override
                public void problem(InputProblem p) {
                    c.badLines++;
                    errors.write(ResultRecords.errorLine("claim", p, null));
                    listener.problem(p);
                    listener.step();
                }
            });
        } catch (StopReading e) {
            // a worker failed; reported below
        }
        inFlight.acquireUninterruptibly(2 * threads);
        pool.shutdown();
        Throwable t = fatal.get();
        if (t != null) {
            if (t instanceof IOException io) {
                throw io;
            }
            throw t instanceof RuntimeException re ? re : new IllegalStateException("batch failed", t);
        }
        c.seconds = (System.nanoTime() - t0) / 1e9;
        return c;
    }

    private void checkOne(ClaimSource.Input in, Corpus corpus, ResultLog log, ErrorLog errors, Path reports,
                          Checked c) throws IOException {
        long t0 = System.nanoTime();
        Report report;
        try {
            report = engine.check(in.text(), corpus);
        } catch (RuntimeException e) {
            c.failed.incrementAndGet();
            InputProblem p = new InputProblem(in.origin(), in.line(), null, "check", "cannot be checked: " + e);
            errors.write(ResultRecords.errorLine("claim", p, in.id()));
            listener.problem(p);
            listener.step();
            return;
        }
        String line = ResultRecords.resultLine(in.id(), report, options.withProvenance());
        // report files first: the result line is what marks the claim done
        ReportFiles.write(reports, in.id(), report, options.reports(), options.withProvenance());
        log.append(line);
        c.latency((System.nanoTime() - t0) / 1_000_000);
        c.checked.incrementAndGet();
        listener.step();
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    /** Counts the collection in the background and tells the listener; interrupted when indexing ends. */
    private Thread countInBackground() {
        Thread t = new Thread(() -> {
            long n = CollectionSize.estimate(options.articles(), engine.config().ingest());
            if (n >= 0 && !Thread.currentThread().isInterrupted()) {
                listener.total(n);
            }
        }, "claimlens-count");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** What must not change between an interrupted run and its resumption. */
    private ObjectNode fingerprint() throws IOException {
        ObjectNode f = JSON.createObjectNode();
        f.put("engineVersion", ClaimEngine.VERSION);
        ArrayNode models = f.putArray("models");
        for (ModelRef m : engine.models()) {
            models.addObject().put("role", m.role()).put("id", m.id()).put("sha256", m.sha256());
        }
        f.set("config", JSON.valueToTree(engine.config().describe()));
        f.put("withProvenance", options.withProvenance());
        f.put("claimsSha256", ClaimSource.STDIN.equals(options.claims()) ? null : sha256(Path.of(options.claims())));
        return f;
    }

    /** The first top-level field (other than the corpus checksum) whose value differs, or null. */
    private static String firstDifference(ObjectNode earlier, ObjectNode now) {
        Iterator<String> names = now.fieldNames();
        while (names.hasNext()) {
            String k = names.next();
            if (k.equals("corpusChecksum")) {
                continue;
            }
            JsonNode a = earlier.get(k);
            JsonNode b = now.get(k);
            if (k.equals("claimsSha256") && (a == null || a.isNull() || b.isNull())) {
                continue; // claims from standard input cannot be compared
            }
            if (a == null || !a.equals(b)) {
                return k.equals("claimsSha256") ? "the claims file" : "'" + k + "'";
            }
        }
        return null;
    }

    private static String sha256(Path file) throws IOException {
        MessageDigest d = ContentHash.digest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), d)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(d.digest());
    }

    /** Verdict label counts over every record of results.jsonl (resumed ones included). */
    private static Map<String, Long> verdictCounts(Path results) throws IOException {
        Map<String, Long> counts = new TreeMap<>();
        if (!Files.exists(results)) {
            return counts;
        }
        try (BufferedReader r = Files.newBufferedReader(results, StandardCharsets.UTF_8)) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    String v = ResultRecords.verdictOf(JSON.readTree(line));
                    if (v != null) {
                        counts.merge(v, 1L, Long::sum);
                    }
                }
            }
        }
        return counts;
    }

    /** The p-th percentile (nearest rank) of the values, in the values' unit; 0 for none. */
    static double percentile(long[] values, double p) {
        if (values.length == 0) {
            return 0;
        }
        long[] v = values.clone();
        Arrays.sort(v);
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** errors.jsonl: truncated at the start of each run, one flushed line per problem. Thread-safe. */
    private static final class ErrorLog implements AutoCloseable {
        private final BufferedWriter out;
        private final AtomicInteger lines = new AtomicInteger();

        ErrorLog(Path file) throws IOException {
            this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        }

        synchronized void write(String line) {
            try {
                out.write(line);
                out.write('\n');
                out.flush();
                lines.incrementAndGet();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + ERRORS, e);
            }
        }

        @Override
        public synchronized void close() throws IOException {
            out.close();
        }
    }
}
