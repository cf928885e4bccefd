package io.claimlens.nlp;

import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Article;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * One shared LIGHT pipeline (one StanfordCoreNLP instance: tokenize, ssplit, pos, lemma, ner) analysing articles
 * from several threads at once gives exactly what it gives on one thread: the finding that lets the engine share
 * it rather than pool a pipeline per thread.
 */
class NlpConcurrencyTest {

    @Test
    void concurrentAnalysisEqualsSequential() throws Exception {
        List<Path> inputs = new ArrayList<>(List.of(Fixtures.examples()));
        if (Fixtures.seeds() != null) { // a real news article full of names and quotations
            inputs.add(Fixtures.seeds().resolve("002_9de839d246a8e677.txt"));
        }
        List<Article> articles = new ArticleReader().readAll(inputs).articles();
        NlpPipeline nlp = Fixtures.lightPipeline();
        List<AnalyzedArticle> sequential = new ArrayList<>();
        for (Article a : articles) {
            sequential.add(nlp.analyze(a));
        }
        assertFalse(sequential.stream().allMatch(a -> a.entities().isEmpty()), "the real NER ran");

        int threads = 3;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<List<AnalyzedArticle>>> runs = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                List<Integer> order = new ArrayList<>();
                for (int i = 0; i < articles.size(); i++) {
                    order.add(i);
                }
                Collections.shuffle(order, new Random(t)); // threads hit different articles at the same time
                runs.add(pool.submit(() -> {
                    AnalyzedArticle[] out = new AnalyzedArticle[articles.size()];
                    for (int i : order) {
                        out[i] = nlp.analyze(articles.get(i));
                    }
                    return List.of(out);
                }));
            }
            for (Future<List<AnalyzedArticle>> run : runs) {
                List<AnalyzedArticle> got = run.get();
                for (int i = 0; i < articles.size(); i++) {
                    assertEquals(sequential.get(i), got.get(i), "article " + articles.get(i).origin());
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
