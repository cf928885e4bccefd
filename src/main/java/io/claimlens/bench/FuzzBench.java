package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.claims.detect.CheckworthinessClassifier;
import io.claimlens.claims.detect.CheckworthinessFeatures;
import io.claimlens.claims.detect.CheckworthinessModel;
import io.claimlens.claims.detect.ClaimDetector;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.TimeLimit;
import io.claimlens.ingest.Ingested;
import io.claimlens.ml.ModelCard;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Report;
import io.claimlens.model.VerdictLabel;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.report.DetectionReports;
import io.claimlens.report.HtmlReport;
import io.claimlens.report.JsonReports;
import io.claimlens.report.MarkdownReport;
import io.claimlens.report.RenderOptions;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import io.claimlens.verdict.Calibrator;
import io.claimlens.verdict.VerdictFeatures;
import io.claimlens.verdict.VerdictModel;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Runs {@link DegenerateInputs} through every user-facing stage and counts what happened to each input.
 *
 * <p>Per input: read (all records), then for up to {@code maxArticles} of its articles: analyse and render the
 * quotations ({@code quotes}), detect check-worthy claims and render them ({@code detect}), add to an index. Then
 * the index is finished and each input's first 400 characters (its first article's text, or the raw file decoded
 * leniently, so that rejected inputs become degenerate claims too) are checked against it and the report rendered
 * as JSON, Markdown and HTML ({@code check}). Every step runs under a time limit.
 *
 * <p>An input is <em>reported</em> when reading named a problem with it, or a stage refused it with a clear
 * error ({@link IllegalArgumentException}). Anything else thrown is an <em>uncaught exception</em>, a step over
 * its limit is a <em>hang</em>; both are listed in {@code uncaught.jsonl}. Inputs of the kinds that hold nothing
 * usable must each be reported by the reader: the count of those that were not is {@code must_report_silent}.
 */
public final class FuzzBench {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /**
     * What to run.
     *
     * @param out         where inputs, metrics.json, problems.jsonl and uncaught.jsonl go
     * @param count       inputs to generate
     * @param seed        generator seed
     * @param stepTimeout limit per step (read one file, analyse one article, check one claim)
     * @param maxArticles articles per input taken through the stages (all are read)
     * @param threads     inputs processed at once, sharing the engine (the counts do not depend on it)
     */
    public record Options(Path out, int count, long seed, Duration stepTimeout, int maxArticles, int threads) {
    }

    /** What happened to one input. */
    private static final class Outcome {
        final DegenerateInputs.Input input;
        final List<InputProblem> problems = new ArrayList<>();
        final List<String> refused = new ArrayList<>();
        final List<String> uncaught = new ArrayList<>();
        final List<String> hangs = new ArrayList<>();
        String claim;

        Outcome(DegenerateInputs.Input input) {
            this.input = input;
        }
    }

    private final ClaimEngine engine;
    private final ClaimDetector detector;

    public FuzzBench(ClaimEngine engine, ClaimDetector detector) {
        this.engine = engine;
        this.detector = detector;
    }

    /**
     * A detector with a fixed hand-made head (scores by the digits feature), for runs where robustness, not the
     * scores, is the subject and no trained check-worthiness model is at hand. Written under {@code dir}.
     */
    public static ClaimDetector toyDetector(SentenceEncoder encoder, Path dir) throws IOException {
        int dim = encoder.dimension();
        int d = dim + CheckworthinessFeatures.NAMES.size();
        double[] mean = new double[d];
        double[] scale = new double[d];
        Arrays.fill(scale, 1);
        double[][] w = new double[2][d];
        w[1][dim + CheckworthinessFeatures.NAMES.indexOf("digits")] = 2;
        CheckworthinessModel m = new CheckworthinessModel(CheckworthinessModel.SOFTMAX,
                CheckworthinessModel.EMBEDDING_FEATURES, CheckworthinessFeatures.LAYOUT_VERSION, dim,
                CheckworthinessFeatures.NAMES, mean, scale,
                List.of(new CheckworthinessModel.Member(w, new double[] {0, -1}, null, null)), 1, 0);
        ModelCard card = new ModelCard("toy-checkworthiness", "checkworthiness", "2026-11-23",
                "claimlens bench fuzz --detect-model toy", 0, encoder.modelRef().id(), encoder.modelRef().sha256(),
                Map.of(), List.of(), Map.of(), Map.of(), "A fixed head for robustness runs; its scores mean nothing.");
        ModelStore.write(dir, card, Map.of("model.json", ModelStore.toJson(m)));
        return new ClaimDetector(new CheckworthinessClassifier(encoder, ModelStore.load(dir.toString())));
    }

    /**
     * A verdict head with zero weights (a uniform distribution before the engine's rules), for robustness runs on a
     * checkout whose shipped verdict model does not load; written under {@code dir}, which is returned.
     */
    public static Path toyVerdictModel(SentenceEncoder encoder, Path dir) throws IOException {
        int k = VerdictLabel.values().length;
        int f = VerdictFeatures.NAMES.size();
        double[] scale = new double[f];
        Arrays.fill(scale, 1);
        boolean[] allowed = new boolean[k];
        Arrays.fill(allowed, true);
        VerdictModel m = new VerdictModel(Arrays.stream(VerdictLabel.values()).map(Enum::name).toArray(String[]::new),
                List.of("evidence"), VerdictFeatures.NAMES.toArray(new String[0]), VerdictFeatures.LAYOUT_VERSION,
                new double[f], scale, new double[k][f], new double[k], Calibrator.identity(k), "none", allowed, 0, 0);
        ModelCard card = new ModelCard("toy-verdict", "verdict", "2026-11-23",
                "claimlens bench fuzz --verdict-model toy", 0, encoder.modelRef().id(), encoder.modelRef().sha256(),
                Map.of(), List.of(), Map.of(), Map.of(),
                "Zero weights, for robustness runs; its verdicts mean nothing.");
        ModelStore.write(dir, card, Map.of("model.json", ModelStore.toJson(m)));
        return dir;
    }

    public Map<String, Object> run(Options o, PrintStream log) throws IOException {
        long t0 = System.nanoTime();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        Files.createDirectories(o.out());
        List<DegenerateInputs.Input> inputs = DegenerateInputs.write(o.out().resolve("inputs"), o.count(), o.seed());
        double genSeconds = (System.nanoTime() - t0) / 1e9;
        log.printf(Locale.ROOT, "generated %,d inputs in %.1f s%n", inputs.size(), genSeconds);
        List<Outcome> outcomes = new ArrayList<>(inputs.size());
        for (DegenerateInputs.Input in : inputs) {
            outcomes.add(new Outcome(in));
        }
        AtomicLong[] counts = {new AtomicLong(), new AtomicLong(), new AtomicLong(), new AtomicLong()};
        long t1 = System.nanoTime();
        Corpus corpus;
        ExecutorService pool = Executors.newFixedThreadPool(o.threads(), r -> {
            Thread t = new Thread(r, "claimlens-fuzz-worker");
            t.setDaemon(true);
            return t;
        });
        try (TimeLimit limit = new TimeLimit("claimlens-fuzz")) {
            CorpusWriter writer = CorpusWriter.inMemory();
            forAll(pool, outcomes, out -> readAndAnalyse(out.input, out, writer, limit, o, counts),
                    "inputs read and analysed", t1, log);
            corpus = writer.finish();
            double analyseSeconds = (System.nanoTime() - t1) / 1e9;
            long t2 = System.nanoTime();
            try (corpus) {
                forAll(pool, outcomes, out -> check(out, corpus, limit, o, counts), "claims checked", t2, log);
                double checkSeconds = (System.nanoTime() - t2) / 1e9;
                return summarise(o, outcomes, counts, corpus.articleCount(), genSeconds, analyseSeconds,
                        checkSeconds, loadBefore, log);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs {@code work} on every outcome on the pool and waits; work records its own failures. */
    private static void forAll(ExecutorService pool, List<Outcome> outcomes, java.util.function.Consumer<Outcome> work,
                               String what, long t0, PrintStream log) {
        AtomicLong done = new AtomicLong();
        List<Future<?>> futures = new ArrayList<>(outcomes.size());
        for (Outcome out : outcomes) {
            futures.add(pool.submit(() -> {
                work.accept(out);
                long n = done.incrementAndGet();
                if (n % 500 == 0) {
                    log.printf(Locale.ROOT, "  %,d %s (%.0f s)%n", n, what, (System.nanoTime() - t0) / 1e9);
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("fuzz worker failed", e.getCause());
            }
        }
    }

    private void readAndAnalyse(DegenerateInputs.Input in, Outcome out, CorpusWriter writer, TimeLimit limit,
                                Options o, AtomicLong[] counts) {
        List<Ingested> items = step(out, "read", limit, o, () -> {
            try (Stream<Ingested> s = engine.reader().readFile(in.file())) {
                return s.toList();
            }
        });
        if (items == null) {
            out.claim = lenientHead(in.file());
            return;
        }
        int taken = 0;
        for (Ingested item : items) {
            if (item instanceof Ingested.Rejected r) {
                out.problems.add(r.problem());
                continue;
            }
            Article a = ((Ingested.Read) item).article();
            counts[0].incrementAndGet();
            if (out.claim == null) {
                out.claim = head(a.text());
            }
            if (taken++ >= o.maxArticles()) {
                continue;
            }
            AnalyzedArticle analyzed = step(out, "quotes", limit, o, () -> {
                AnalyzedArticle x = engine.analyze(a);
                JsonReports.toJson(JsonReports.quotes(x), false);
                return x;
            });
            if (analyzed == null) {
                continue;
            }
            counts[1].incrementAndGet();
            List<DetectedClaim> found = step(out, "detect", limit, o, () -> {
                List<DetectedClaim> d = detector.detect(analyzed);
                DetectionReports.claimsJsonl(d);
                return d;
            });
            counts[2].addAndGet(found == null ? 0 : found.size());
            if (NlpPipeline.ENGLISH.equals(analyzed.language())) {
                step(out, "index", limit, o, () -> writer.add(analyzed));
            }
        }
        if (out.claim == null) {
            out.claim = lenientHead(in.file());
        }
    }

    private void check(Outcome out, Corpus corpus, TimeLimit limit, Options o, AtomicLong[] counts) {
        String claim = out.claim;
        Report r = step(out, "check", limit, o, () -> {
            Report report = engine.check(claim, corpus);
            JsonReports.toJson(JsonReports.report(report, true), true);
            MarkdownReport.render(report, true);
            HtmlReport.render(report, RenderOptions.defaults());
            return report;
        });
        if (r != null) {
            counts[3].incrementAndGet();
        }
    }

    /** Runs one step; records a clear refusal, an uncaught exception or a hang, and returns null for them. */
    private static <T> T step(Outcome out, String stage, TimeLimit limit, Options o,
                              java.util.concurrent.Callable<T> work) {
        try {
            return limit.call(work, o.stepTimeout());
        } catch (TimeLimit.TimedOutException e) {
            out.hangs.add(stage + ": " + e.getMessage());
        } catch (IllegalArgumentException e) {
            out.refused.add(stage + ": " + e.getMessage());
        } catch (Throwable t) {
            StackTraceElement[] st = t.getStackTrace();
            out.uncaught.add(stage + ": " + t + (st.length > 0 ? " at " + st[0] : ""));
        }
        return null;
    }

    private static String head(String text) {
        String s = text.length() > 400 ? text.substring(0, 400) : text;
        // do not cut a surrogate pair in two: the cut would itself be a degenerate input of our making
        if (!s.isEmpty() && Character.isHighSurrogate(s.charAt(s.length() - 1))) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }

    private static String lenientHead(Path file) {
        try {
            byte[] b = new byte[400];
            int n;
            try (var in = Files.newInputStream(file)) {
                n = in.readNBytes(b, 0, b.length);
            }
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                    .onUnmappableCharacter(CodingErrorAction.REPLACE).decode(ByteBuffer.wrap(b, 0, n)).toString();
        } catch (IOException e) {
            return "";
        }
    }

    private Map<String, Object> summarise(Options o, List<Outcome> outcomes, AtomicLong[] c, int indexed,
                                          double genSeconds, double analyseSeconds, double checkSeconds,
                                          double loadBefore, PrintStream log) throws IOException {
        long reported = 0;
        long problems = 0;
        long refused = 0;
        long uncaught = 0;
        long hangs = 0;
        long mustReport = 0;
        long silent = 0;
        Map<DegenerateInputs.Kind, Long> byKind = new EnumMap<>(DegenerateInputs.Kind.class);
        try (BufferedWriter pw = Files.newBufferedWriter(o.out().resolve("problems.jsonl"));
             BufferedWriter uw = Files.newBufferedWriter(o.out().resolve("uncaught.jsonl"))) {
            for (Outcome out : outcomes) {
                byKind.merge(out.input.kind(), 1L, Long::sum);
                problems += out.problems.size();
                refused += out.refused.size();
                uncaught += out.uncaught.size();
                hangs += out.hangs.size();
                if (!out.problems.isEmpty() || !out.refused.isEmpty()) {
                    reported++;
                }
                if (out.input.kind().mustBeReported()) {
                    mustReport++;
                    if (out.problems.isEmpty()) {
                        silent++;
                        uw.write(line(out, "silent", "no problem reported for an input with nothing usable"));
                    }
                }
                for (InputProblem p : out.problems) {
                    pw.write(line(out, "problem", p.describe()));
                }
                for (String s : out.refused) {
                    pw.write(line(out, "refused", s));
                }
                for (String s : out.uncaught) {
                    uw.write(line(out, "uncaught", s));
                }
                for (String s : out.hangs) {
                    uw.write(line(out, "hang", s));
                }
            }
        }
        long[] counts = {c[0].get(), c[1].get(), c[2].get(), c[3].get()};
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inputs", outcomes.size());
        m.put("threads", o.threads());
        m.put("seed", o.seed());
        m.put("mode", engine.nlp().config().mode().name());
        m.put("step_timeout_s", o.stepTimeout().toMillis() / 1000.0);
        m.put("max_articles_per_input", o.maxArticles());
        m.put("inputs_reported", reported);
        m.put("problems_reported", problems);
        m.put("claims_refused_with_clear_error", refused);
        m.put("must_report_inputs", mustReport);
        m.put("must_report_silent", silent);
        m.put("uncaught_exceptions", uncaught);
        m.put("hangs", hangs);
        m.put("articles_read", counts[0]);
        m.put("articles_analysed", counts[1]);
        m.put("articles_indexed", indexed);
        m.put("claims_detected", counts[2]);
        m.put("claims_checked", counts[3]);
        m.put("generate_seconds", round(genSeconds));
        m.put("read_analyse_detect_seconds", round(analyseSeconds));
        m.put("check_seconds", round(checkSeconds));
        m.put("load_average_before", loadBefore);
        m.put("load_average_after", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        Map<String, Long> kinds = new LinkedHashMap<>();
        byKind.forEach((k, v) -> kinds.put(k.name().toLowerCase(Locale.ROOT), v));
        m.put("inputs_by_kind", kinds);
        Files.writeString(o.out().resolve("metrics.json"), JSON.writeValueAsString(m) + "\n");
        log.printf(Locale.ROOT, "%,d inputs: %,d reported (%,d problems, %,d claims refused), %,d of %,d must-report "
                        + "inputs silent, %,d uncaught exceptions, %,d hangs; %,d articles read, %,d analysed, %,d "
                        + "claims detected, %,d checked; %.0f s + %.0f s%n", outcomes.size(), reported, problems,
                refused, silent, mustReport, uncaught, hangs, counts[0], counts[1], counts[2], counts[3],
                analyseSeconds, checkSeconds);
        return m;
    }

    private static String line(Outcome out, String what, String message) {
        ObjectNode n = JSON.createObjectNode();
        n.put("input", out.input.file().getFileName().toString());
        n.put("kind", out.input.kind().name().toLowerCase(Locale.ROOT));
        n.put(what, message);
        return n.toString() + "\n";
    }

    private static double round(double s) {
        return Math.round(s * 10) / 10.0;
    }
}
