package io.claimlens.spark;

import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.batch.BatchSummary;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.testing.Fixtures;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Spark job in local[2] gives the same records as the CLI batch on the same input. Both use the shared test
 * engine (LIGHT CoreNLP, MiniLM): registered as the executor engine of the default spec, it is what
 * {@link SparkEngines} would otherwise build once for this JVM.
 */
class SparkJobTest {

    @TempDir
    static Path dir;

    private static SparkSession spark;

    @BeforeAll
    static void startSpark() {
        // Spark logs through SLF4J, which is slf4j-simple in this class path: keep it to warnings
        for (String logger : List.of("org.apache.spark", "org.sparkproject", "org.apache.hadoop", "org.apache.parquet",
                "org.apache.spark.sql")) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
        spark = SparkSession.builder().master("local[2]").appName("claimlens-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.local.dir", dir.resolve("spark-local").toString())
                .getOrCreate();
        SparkEngines.register(EngineSpec.defaults(), Fixtures.engine());
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void sparkCheckEqualsTheCliBatch() throws IOException {
        Path claims = dir.resolve("claims.jsonl");
        Files.write(claims, List.of(
                "{\"claim\": \"Norland and Estovia are 'brothers in every storm,' says ambassador.\"}",
                "{\"id\": \"bridge\", \"claim\": \"The bridge will open in May.\"}",
                "not json at all",
                "{\"id\": \"bridge\", \"claim\": \"The same id again.\"}",
                "{\"claim\": \"The ministry denied that the talks had failed.\", \"detector\": \"x\"}",
                "{\"claim\": \"Estovia won the football match against Norland.\"}"), StandardCharsets.UTF_8);
        List<String> articles = List.of(Fixtures.examples().toString());

        ClaimEngine engine = SparkEngines.engine(EngineSpec.defaults());
        Path cliOut = dir.resolve("cli");
        BatchSummary cli = BatchRunner.run(engine, BatchOptions.builder().setClaims(claims.toString())
                .setArticles(List.of(Fixtures.examples())).setOut(cliOut).optThreads(2).build(), BatchListener.NONE);

        String sparkOut = dir.resolve("spark").toString();
        ClaimLensSparkJob.Summary s = ClaimLensSparkJob.check(spark, new ClaimLensSparkJob.CheckJob(articles,
                claims.toString(), sparkOut, "jsonl", EngineSpec.defaults(), 2, true));

        assertEquals(cli.corpusChecksum(), s.corpusChecksum());
        assertEquals(cli.corpusArticles(), s.corpusArticles());
        List<String> cliResults = Files.readAllLines(cliOut.resolve("results.jsonl"));
        List<String> sparkResults = partLines(Path.of(sparkOut, "results"));
        assertEquals(4, cliResults.size());
        assertEquals(new TreeSet<>(cliResults), new TreeSet<>(sparkResults), "the same records, byte for byte");
        assertEquals(cliResults.size(), sparkResults.size());
        assertEquals(new TreeSet<>(Files.readAllLines(cliOut.resolve("errors.jsonl"))),
                new TreeSet<>(partLines(Path.of(sparkOut, "errors"))), "the same errors");
        assertEquals(cli.verdicts(), s.verdicts());
        assertFalse(partLines(Path.of(sparkOut, "summary")).isEmpty());
    }

    @Test
    void quotesToParquet() {
        Path file = Fixtures.examples().resolve("2025-03-03-trade.jsonl");
        long expected = 0;
        for (Article a : new ArticleReader().readAll(List.of(file)).articles()) {
            expected += Fixtures.engine().analyze(a).attributions().size();
        }
        assertTrue(expected > 0);
        String out = dir.resolve("quotes").toString();
        long n = ClaimLensSparkJob.quotes(spark, List.of(file.toString()), out, "parquet", EngineSpec.defaults(), 2);
        assertEquals(expected, n, "one record per quotation the engine finds");
        List<Row> rows = spark.read().parquet(out + "/quotes.parquet").select("article", "speaker", "reason")
                .collectAsList();
        assertEquals(expected, rows.size());
        assertTrue(rows.stream().anyMatch(r -> r.getString(1) != null), "some quotations have speakers");
    }

    @Test
    void analysedArticlesSurviveTheTripToTheDriver() {
        for (Article a : new ArticleReader().readAll(List.of(Fixtures.examples().resolve("2025-03-03-trade.jsonl")))
                .articles()) {
            AnalyzedArticle analyzed = Fixtures.engine().analyze(a);
            Records.Decoded back = Records.read(Records.analyzed(analyzed));
            assertEquals(analyzed, back.analyzed(), a.origin());
            assertEquals(a, Records.read(Records.article(a, 7)).article());
        }
    }

    private static List<String> partLines(Path dir) throws IOException {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir)) {
            for (Path p : parts.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList()) {
                lines.addAll(Files.readAllLines(p));
            }
        }
        return lines;
    }
}
