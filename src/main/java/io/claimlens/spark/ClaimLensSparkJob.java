package io.claimlens.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.claimlens.batch.ClaimSource;
import io.claimlens.batch.ResultRecords;
import io.claimlens.embed.DjlEnvironment;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.ingest.HtmlText;
import io.claimlens.ingest.Ingested;
import io.claimlens.ingest.Paragraphs;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.model.Attribution;
import io.claimlens.model.ContentHash;
import io.claimlens.model.InputProblem;
import io.claimlens.model.Report;
import io.claimlens.nlp.NlpMode;
import io.claimlens.report.JsonReports;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import scala.Tuple2;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * ClaimLens on Apache Spark: checks a Dataset of claims against a Dataset of articles ({@code check}), or lists every
 * quotation with its speaker ({@code quotes}), with the engine built once per executor ({@link SparkEngines}) and
 * the work done in {@code mapPartitions}.
 *
 * <p>{@code check} runs in three stages, giving the same records as {@code claimlens batch} on the same input:
 * <ol>
 *   <li>executors read and analyse the articles (NLP, the expensive part), one engine per executor;</li>
 *   <li>the driver streams the analysed articles ({@code toLocalIterator}, one partition in memory at a time) into
 *       one Lucene index, so BM25 statistics are those of the whole collection, then ships the index to every
 *       executor as one zip file ({@code SparkContext.addFile}, served by the driver);</li>
 *   <li>executors check the claims against it, one open corpus per executor.</li>
 * </ol>
 *
 * <p>Input: {@code --articles} takes files and directories in any format the CLI reads (read by the executors, so
 * the paths must be visible to all of them: a shared filesystem, or local mode), or {@code .parquet} tables with
 * columns {@code id, title, url, published, source, text} (read by Spark from any filesystem it supports; the row's
 * optional {@code origin} column names it in reports). Claims: JSONL as for {@code claimlens batch}, or a Parquet
 * table with columns {@code claim} and optional {@code id}. Output under {@code --out}: {@code results/} and
 * {@code errors/} (JSONL part files; the records of results.jsonl and errors.jsonl) or, with {@code --format
 * parquet}, {@code results.parquet} (claimId, verdict, confidence, report as JSON) and {@code errors.parquet};
 * and {@code summary/} (one JSON line).
 *
 * <p>Run with spark-submit (Spark 3.5, Scala 2.13, Java 17); see the README section "Spark".
 */
@Command(name = "claimlens-spark", mixinStandardHelpOptions = true,
        description = {"ClaimLens on Apache Spark (run it with spark-submit; see the README section 'Spark')."},
        subcommands = {ClaimLensSparkJob.CheckCommand.class, ClaimLensSparkJob.QuotesCommand.class})
public final class ClaimLensSparkJob implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) {
        DjlEnvironment.init();
        int code = new CommandLine(new ClaimLensSparkJob()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(new CommandLine(this), "say which job: check or quotes");
    }

    /** Options both jobs share. */
    static class Common {
        @Option(names = "--articles", required = true, arity = "1..*", paramLabel = "PATH",
                description = "Article files/directories (shared filesystem) or .parquet tables.")
        List<String> articles;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output directory (any "
                + "filesystem Spark writes to); replaced if it exists.")
        String out;

        @Option(names = "--format", defaultValue = "jsonl", paramLabel = "jsonl|parquet",
                description = "Output format (default ${DEFAULT-VALUE}).")
        String format;

        @Option(names = "--mode", defaultValue = "light", paramLabel = "fast|light|full", description = "NLP depth.")
        String mode;

        @Option(names = "--partitions", paramLabel = "N", description = "Partitions for analysis and checking "
                + "(default: Spark's default parallelism).")
        Integer partitions;

        @Option(names = "--master", paramLabel = "URL", description = "Spark master, when not run by spark-submit "
                + "(e.g. local[2]).")
        String master;

        EngineSpec spec() {
            return EngineSpec.of(NlpMode.valueOf(mode.toUpperCase(Locale.ROOT)));
        }

        SparkSession session() {
            SparkSession.Builder b = SparkSession.builder().appName("claimlens");
            if (master != null) {
                b.master(master);
            }
            return b.getOrCreate();
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = {"Checks every claim against the article collection; the records of claimlens batch.",
                    "",
                    "Example:",
                    "  spark-submit --class io.claimlens.spark.ClaimLensSparkJob ... target/claimlens.jar check \\",
                    "    --articles /shared/archive --claims /shared/claims.jsonl --out /shared/run1"})
    static final class CheckCommand extends Common implements Callable<Integer> {
        @Option(names = "--claims", required = true, paramLabel = "FILE", description = "Claims JSONL or .parquet.")
        String claims;

        @Option(names = "--strip-provenance", description = "Leave provenance out of each result.")
        boolean stripProvenance;

        @Override
        public Integer call() throws IOException {
            SparkSession spark = session();
            try {
                Summary s = check(spark, new CheckJob(articles, claims, out, format, spec(),
                        partitions == null ? 0 : partitions, !stripProvenance));
                System.err.println("claimlens-spark: " + s);
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    @Command(name = "quotes", mixinStandardHelpOptions = true,
            description = {"Lists every quotation with its speaker (the records of claimlens quotes, with speakers",
                    "resolved within each article).",
                    "",
                    "Example:",
                    "  spark-submit --class io.claimlens.spark.ClaimLensSparkJob ... target/claimlens.jar quotes \\",
                    "    --articles /shared/archive --out /shared/quotes"})
    static final class QuotesCommand extends Common implements Callable<Integer> {
        @Override
        public Integer call() {
            SparkSession spark = session();
            try {
                long n = quotes(spark, articles, out, format, spec(), partitions == null ? 0 : partitions);
                System.err.println("claimlens-spark: " + n + " quotations");
                return 0;
            } finally {
                spark.stop();
            }
        }
    }

    /**
     * A check job.
     *
     * @param articles       article paths or .parquet tables
     * @param claims         claims JSONL or .parquet
     * @param out            output directory
     * @param format         jsonl or parquet
     * @param spec           the engine
     * @param partitions     partitions for analysis and checking; 0: the default parallelism
     * @param withProvenance provenance in each result
     */
    public record CheckJob(List<String> articles, String claims, String out, String format, EngineSpec spec,
                           int partitions, boolean withProvenance) {
    }

    /** What a check job did. */
    public record Summary(long articlesIndexed, long articleProblems, long corpusArticles, String corpusChecksum,
                          long results, long errors, Map<String, Long> verdicts, double indexSeconds,
                          double seconds) {
    }

    // ---------------------------------------------------------------------------------------------------------------
    // check

    /** Runs a check job in {@code spark}; returns its summary (also written to {@code out/summary}). */
    public static Summary check(SparkSession spark, CheckJob job) throws IOException {
        long t0 = System.nanoTime();
        boolean parquet = parseFormat(job.format());
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int partitions = job.partitions() > 0 ? job.partitions() : jsc.defaultParallelism();

        // 1. read and analyse on the executors
        List<String> driverErrors = new ArrayList<>();
        JavaRDD<String> articles = readArticles(spark, job.articles(), job.spec(), partitions, driverErrors);
        JavaRDD<String> analysed = articles.mapPartitions(new Analyse(job.spec()));

        // 2. one index, on the driver, from a stream of analysed articles
        Path index = Files.createTempDirectory("claimlens-spark-index");
        long added = 0;
        long problems = driverErrors.size();
        String checksum;
        int corpusArticles;
        try (CorpusWriter writer = CorpusWriter.onDisk(index)) {
            Iterator<String> it = analysed.toLocalIterator();
            while (it.hasNext()) {
                Records.Decoded d = Records.read(it.next());
                if (d.problem() != null) {
                    driverErrors.add(ResultRecords.errorLine("article", d.problem(), null));
                    problems++;
                } else if (writer.add(d.analyzed())) {
                    added++;
                }
            }
            try (Corpus corpus = writer.finish()) {
                checksum = corpus.checksum();
                corpusArticles = corpus.articleCount();
            }
        }
        double indexSeconds = (System.nanoTime() - t0) / 1e9;
        if (corpusArticles == 0) {
            throw new IllegalStateException("no article could be read from " + job.articles());
        }
        // one file, served by the driver to every executor (a directory would need a shared filesystem)
        String indexName = "claimlens-index-" + checksum.substring(0, 16) + ".zip";
        Path zip = index.resolveSibling(indexName);
        IndexZip.zip(index, zip);
        IndexZip.deleteTree(index);
        spark.sparkContext().addFile(zip.toString());

        try {
            // 3. check on the executors
            JavaRDD<String> claims = readClaims(spark, jsc, job.claims());
            JavaRDD<String> firstOfEachId = dedupe(claims, partitions);
            JavaRDD<String> out = firstOfEachId
                    .mapPartitions(new Check(job.spec(), indexName, job.withProvenance()))
                    .cache();
            JavaRDD<String> results = out.filter(s -> s.startsWith("{\"claimId\""));
            JavaRDD<String> errors = out.filter(s -> !s.startsWith("{\"claimId\""))
                    .union(jsc.parallelize(driverErrors, 1));
            write(spark, results, errors, job.out(), parquet);
            long nResults = results.count();
            long nErrors = errors.count();
            Map<String, Long> verdicts = new TreeMap<>(results.map(ClaimLensSparkJob::verdictOf).countByValue());
            out.unpersist();
            Summary s = new Summary(added, problems, corpusArticles, checksum, nResults, nErrors, verdicts,
                    indexSeconds, (System.nanoTime() - t0) / 1e9);
            spark.createDataset(List.of(JSON.writeValueAsString(s)), Encoders.STRING()).coalesce(1).write()
                    .mode(SaveMode.Overwrite).text(job.out() + "/summary");
            return s;
        } finally {
            SparkEngines.release(SparkFiles.get(indexName));
            Files.deleteIfExists(zip);
        }
    }

    private static boolean parseFormat(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "jsonl" -> false;
            case "parquet" -> true;
            default -> throw new IllegalArgumentException("--format must be jsonl or parquet, not '" + format + "'");
        };
    }

    private static String verdictOf(String resultLine) throws IOException {
        return JSON.readTree(resultLine).path("verdict").path("label").asText();
    }

    private static void write(SparkSession spark, JavaRDD<String> results, JavaRDD<String> errors, String out,
                              boolean parquet) {
        if (!parquet) {
            spark.createDataset(results.rdd(), Encoders.STRING()).write().mode(SaveMode.Overwrite)
                    .text(out + "/results");
            spark.createDataset(errors.rdd(), Encoders.STRING()).write().mode(SaveMode.Overwrite)
                    .text(out + "/errors");
            return;
        }
        StructType resultSchema = new StructType()
                .add("claimId", DataTypes.StringType, false)
                .add("verdict", DataTypes.StringType, false)
                .add("confidence", DataTypes.DoubleType, false)
                .add("report", DataTypes.StringType, false);
        JavaRDD<Row> rows = results.map(line -> {
            JsonNode n = JSON.readTree(line);
            JsonNode v = n.path("verdict");
            return RowFactory.create(n.get("claimId").asText(), v.path("label").asText(),
                    v.path("confidence").asDouble(), line);
        });
        spark.createDataFrame(rows, resultSchema).write().mode(SaveMode.Overwrite).parquet(out + "/results.parquet");
        StructType errorSchema = new StructType()
                .add("kind", DataTypes.StringType, false)
                .add("claimId", DataTypes.StringType, true)
                .add("file", DataTypes.StringType, true)
                .add("line", DataTypes.IntegerType, false)
                .add("field", DataTypes.StringType, true)
                .add("stage", DataTypes.StringType, true)
                .add("message", DataTypes.StringType, true);
        JavaRDD<Row> errorRows = errors.map(line -> {
            JsonNode n = JSON.readTree(line);
            return RowFactory.create(n.path("kind").asText(), text(n, "claimId"), text(n, "file"),
                    n.path("line").asInt(), text(n, "field"), text(n, "stage"), text(n, "message"));
        });
        spark.createDataFrame(errorRows, errorSchema).write().mode(SaveMode.Overwrite).parquet(out + "/errors.parquet");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    // ---------------------------------------------------------------------------------------------------------------
    // quotes

    /** Runs a quotes job; returns the number of quotations written. */
    public static long quotes(SparkSession spark, List<String> paths, String out, String format, EngineSpec spec,
                              int partitions) {
        boolean parquet = parseFormat(format);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        int n = partitions > 0 ? partitions : jsc.defaultParallelism();
        List<String> driverErrors = new ArrayList<>();
        JavaRDD<String> analysed = readArticles(spark, paths, spec, n, driverErrors).mapPartitions(new Analyse(spec));
        JavaRDD<String> quotes = analysed.flatMap(record -> {
            Records.Decoded d = Records.read(record);
            if (d.analyzed() == null) {
                return List.<String>of().iterator();
            }
            List<String> lines = new ArrayList<>();
            for (Attribution a : d.analyzed().attributions()) {
                lines.add(JsonReports.toJson(JsonReports.attribution(a, d.analyzed().article().origin()), false));
            }
            return lines.iterator();
        }).cache();
        if (parquet) {
            spark.read().json(spark.createDataset(quotes.rdd(), Encoders.STRING())).write().mode(SaveMode.Overwrite)
                    .parquet(out + "/quotes.parquet");
        } else {
            spark.createDataset(quotes.rdd(), Encoders.STRING()).write().mode(SaveMode.Overwrite)
                    .text(out + "/quotes");
        }
        long count = quotes.count();
        quotes.unpersist();
        return count;
    }

    // ---------------------------------------------------------------------------------------------------------------
    // reading

    /**
     * Articles as job records, spread over {@code partitions}. Files are read by the executors with the CLI's reader
     * (so origins, ids and problems are the CLI's); duplicate ids are resolved as the CLI resolves them (the first in
     * reading order wins; a later copy with other text is a problem, an identical copy is dropped).
     */
    static JavaRDD<String> readArticles(SparkSession spark, List<String> paths, EngineSpec spec, int partitions,
                                        List<String> driverErrors) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        List<Path> files = new ArrayList<>();
        List<String> tables = new ArrayList<>();
        for (String p : paths) {
            if (p.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
                tables.add(p);
            } else {
                files.add(Path.of(p));
            }
        }
        JavaRDD<String> records = jsc.emptyRDD();
        if (!files.isEmpty()) {
            ArticleReader.Listing listing = new ArticleReader(spec.config().ingest()).list(files);
            for (InputProblem p : listing.problems()) {
                driverErrors.add(ResultRecords.errorLine("article", p, null));
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < listing.files().size(); i++) {
                names.add(i + "\t" + listing.files().get(i));
            }
            if (!names.isEmpty()) {
                records = jsc.parallelize(names, Math.min(names.size(), partitions)).flatMap(new ReadFile(spec));
            }
        }
        for (int t = 0; t < tables.size(); t++) {
            long base = (long) (files.size() + t) << 32;
            String table = tables.get(t);
            int maxChars = spec.maxArticleChars();
            JavaRDD<String> rows = spark.read().parquet(table).toJSON().javaRDD().zipWithIndex()
                    .map(x -> rowRecord(JSON.readTree(x._1()), table, x._2(), base + x._2(), maxChars));
            records = records.union(rows);
        }
        return resolveDuplicates(records, partitions);
    }

    /** A Parquet row as an article record, or the problem with it. */
    private static String rowRecord(JsonNode n, String table, long row, long ordinal, int maxChars) {
        String text = n.path("text").asText(null);
        String title = n.path("title").asText(null);
        if (text == null && n.hasNonNull("html")) {
            HtmlText.Extracted x = HtmlText.extract(n.get("html").asText());
            text = x.text();
            title = title == null ? x.title() : title;
        }
        String origin = n.hasNonNull("origin") ? n.get("origin").asText() : table + "#" + row;
        if (text == null || text.isBlank()) {
            return Records.problem("article", new InputProblem(origin, 0, "text", "ingest",
                    "no text: each row needs \"text\" or \"html\""));
        }
        if (text.length() > maxChars) {
            return Records.problem("article", new InputProblem(origin, 0, "text", "ingest", "article too long ("
                    + text.length() + " characters; limit " + maxChars + ")"));
        }
        String id = n.hasNonNull("id") && !n.get("id").asText().isBlank() ? n.get("id").asText().strip()
                : ContentHash.articleId(text);
        return Records.article(new Article(id, origin, title, n.path("url").asText(null),
                n.path("published").asText(null), n.path("source").asText(null), text, Paragraphs.split(text)),
                ordinal);
    }

    /** Keeps, per article id, the first record in reading order; later copies drop out as the CLI drops them. */
    private static JavaRDD<String> resolveDuplicates(JavaRDD<String> records, int partitions) {
        JavaPairRDD<String, String> keyed = records.mapToPair(r -> {
            Records.Decoded d = Records.read(r);
            return new Tuple2<>(d.article() == null ? "\u0000" + r : d.article().id(), r);
        });
        // grouping by id also spreads the articles over the partitions (by hash), ready for analysis
        return keyed.groupByKey(partitions).flatMap(group -> {
            List<String> copies = new ArrayList<>();
            group._2().forEach(copies::add);
            if (copies.size() == 1) {
                return copies.iterator();
            }
            copies.sort(Comparator.comparingLong(Records::ordinal));
            Article first = Records.read(copies.get(0)).article();
            List<String> out = new ArrayList<>();
            out.add(copies.get(0));
            for (String c : copies.subList(1, copies.size())) {
                Article a = Records.read(c).article();
                if (!a.textHash().equals(first.textHash())) {
                    out.add(Records.problem("article", new InputProblem(a.origin(), 0, "id", "ingest",
                            "article id '" + a.id() + "' was already used by another article with different text;"
                                    + " this one is skipped")));
                }
            }
            return out.iterator();
        });
    }

    /** Claims as {@code {"line": n, "text": "..."}} records, line numbers as the CLI counts them. */
    private static JavaRDD<String> readClaims(SparkSession spark, JavaSparkContext jsc, String claims) {
        if (claims.toLowerCase(Locale.ROOT).endsWith(".parquet")) {
            return spark.read().parquet(claims).toJSON().javaRDD().zipWithIndex().map(x -> {
                ObjectNode o = JSON.createObjectNode();
                o.put("origin", claims + "#" + x._2());
                o.put("line", x._2() + 1);
                o.put("text", x._1());
                return JSON.writeValueAsString(o);
            });
        }
        return jsc.textFile(claims).zipWithIndex().filter(x -> !x._1().isBlank()).map(x -> {
            ObjectNode o = JSON.createObjectNode();
            o.put("origin", claims);
            o.put("line", x._2() + 1);
            o.put("text", x._1());
            return JSON.writeValueAsString(o);
        });
    }

    /** Parses claim lines; keeps the first line of each id; bad lines and later duplicates become error records. */
    private static JavaRDD<String> dedupe(JavaRDD<String> lines, int partitions) {
        JavaPairRDD<String, String> keyed = lines.flatMapToPair(raw -> {
            JsonNode r = JSON.readTree(raw);
            List<Tuple2<String, String>> out = new ArrayList<>();
            ClaimSource.parse(r.get("text").asText(), r.get("origin").asText(), r.get("line").asInt(),
                    new ClaimSource.Sink() {
                        @Override
                        public void claim(ClaimSource.Input in) {
                            ObjectNode o = JSON.createObjectNode();
                            o.put("id", in.id());
                            o.put("claim", in.text());
                            o.put("origin", in.origin());
                            o.put("line", in.line());
                            out.add(new Tuple2<>(in.id(), o.toString()));
                        }

                        @Override
                        public void problem(InputProblem p) {
                            out.add(new Tuple2<>("\u0000" + p.line(), ResultRecords.errorLine("claim", p, null)));
                        }
                    });
            return out.iterator();
        });
        return keyed.groupByKey(partitions).flatMap(group -> {
            List<JsonNode> copies = new ArrayList<>();
            List<String> out = new ArrayList<>();
            for (String s : group._2()) {
                if (s.startsWith("{\"kind\"")) {
                    out.add(s);
                } else {
                    copies.add(JSON.readTree(s));
                }
            }
            copies.sort(Comparator.comparingInt(n -> n.get("line").asInt()));
            for (int i = 0; i < copies.size(); i++) {
                JsonNode c = copies.get(i);
                if (i == 0) {
                    out.add(c.toString());
                } else {
                    InputProblem p = new InputProblem(c.get("origin").asText(), c.get("line").asInt(), "id",
                            "claims", "claim id '" + c.get("id").asText() + "' already used on line "
                            + copies.get(0).get("line").asInt() + "; this one is skipped");
                    out.add(ResultRecords.errorLine("claim", p, c.get("id").asText()));
                }
            }
            return out.iterator();
        });
    }

    // ---------------------------------------------------------------------------------------------------------------
    // executor-side functions (serialisable; the engine is looked up per JVM, never shipped)

    /** Reads one file (given as "ordinal\tpath") with the CLI's reader. */
    static final class ReadFile implements FlatMapFunction<String, String> {
        private static final long serialVersionUID = 1L;
        private final EngineSpec spec;

        ReadFile(EngineSpec spec) {
            this.spec = spec;
        }

        @Override
        public Iterator<String> call(String numbered) {
            int tab = numbered.indexOf('\t');
            long fileIndex = Long.parseLong(numbered.substring(0, tab));
            Path file = Path.of(numbered.substring(tab + 1));
            Stream<Ingested> items = new ArticleReader(spec.config().ingest()).readFile(file);
            long[] n = {0};
            Iterator<Ingested> it = items.iterator(); // lazy: one record of the file in memory at a time
            return new MappingIterator<>(it, item -> {
                long ordinal = (fileIndex << 32) + n[0]++;
                return item instanceof Ingested.Read r ? Records.article(r.article(), ordinal)
                        : Records.problem("article", ((Ingested.Rejected) item).problem());
            }, items::close);
        }
    }

    /** Analyses articles with the executor's engine; problems pass through. */
    static final class Analyse implements FlatMapFunction<Iterator<String>, String> {
        private static final long serialVersionUID = 1L;
        private final EngineSpec spec;

        Analyse(EngineSpec spec) {
            this.spec = spec;
        }

        @Override
        public Iterator<String> call(Iterator<String> records) {
            ClaimEngine engine = SparkEngines.engine(spec);
            return new MappingIterator<>(records, r -> {
                Records.Decoded d = Records.read(r);
                if (d.article() == null) {
                    return r;
                }
                ClaimEngine.Prepared p = engine.prepare(d.article());
                return p.problem() != null ? Records.problem("article", p.problem()) : Records.analyzed(p.analyzed());
            }, () -> { });
        }
    }

    /** Checks claims with the executor's engine against the shipped index; one result or error line each. */
    static final class Check implements FlatMapFunction<Iterator<String>, String> {
        private static final long serialVersionUID = 1L;
        private final EngineSpec spec;
        private final String indexName;
        private final boolean withProvenance;

        Check(EngineSpec spec, String indexName, boolean withProvenance) {
            this.spec = spec;
            this.indexName = indexName;
            this.withProvenance = withProvenance;
        }

        @Override
        public Iterator<String> call(Iterator<String> claims) {
            ClaimEngine engine = SparkEngines.engine(spec);
            Corpus corpus = SparkEngines.corpus(SparkFiles.get(indexName));
            return new MappingIterator<>(claims, line -> {
                if (line.startsWith("{\"kind\"")) {
                    return line; // a bad claim line, already an error record
                }
                JsonNode c;
                try {
                    c = JSON.readTree(line);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                String id = c.get("id").asText();
                try {
                    Report r = engine.check(c.get("claim").asText(), corpus);
                    return ResultRecords.resultLine(id, r, withProvenance);
                } catch (RuntimeException e) {
                    InputProblem p = new InputProblem(c.get("origin").asText(), c.get("line").asInt(), null,
                            "check", "cannot be checked: " + e);
                    return ResultRecords.errorLine("claim", p, id);
                }
            }, () -> { });
        }
    }

    /** A lazy mapping iterator (a partition is never materialised), closing its source at the end. */
    static final class MappingIterator<A, B> implements Iterator<B> {
        private final Iterator<A> in;
        private final Function<A, B> f;
        private final Runnable onEnd;
        private boolean ended;

        MappingIterator(Iterator<A> in, Function<A, B> f, Runnable onEnd) {
            this.in = in;
            this.f = f;
            this.onEnd = onEnd;
        }

        @Override
        public boolean hasNext() {
            boolean more = in.hasNext();
            if (!more && !ended) {
                ended = true;
                onEnd.run();
            }
            return more;
        }

        @Override
        public B next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return f.apply(in.next());
        }
    }
}
