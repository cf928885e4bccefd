package io.claimlens.jmh;

import io.claimlens.batch.ClaimSource;
import io.claimlens.bench.SyntheticCollection;
import io.claimlens.ingest.ArticleReader;
import io.claimlens.model.Article;
import io.claimlens.model.InputProblem;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The synthetic collection (our own templates) the micro-benchmarks run on. */
final class BenchData {

    /** Where the collection is written: articles/articles-00000.jsonl and claims.jsonl. */
    final Path dir;
    final List<Article> articles;
    final List<String> claims;

    private BenchData(Path dir, List<Article> articles, List<String> claims) {
        this.dir = dir;
        this.articles = articles;
        this.claims = claims;
    }

    static BenchData generate(int articles, int claims) throws IOException {
        Path dir = Files.createTempDirectory("claimlens-jmh");
        SyntheticCollection.write(dir, articles, claims, 42, 1_000_000, false, null);
        List<Article> read = new ArticleReader().readAll(List.of(dir.resolve("articles/articles-00000.jsonl")))
                .articles();
        List<String> texts = new ArrayList<>();
        ClaimSource.read(dir.resolve("claims.jsonl").toString(), new ClaimSource.Sink() {
            @Override
            public void claim(ClaimSource.Input in) {
                texts.add(in.text());
            }

            @Override
            public void problem(InputProblem p) {
                throw new IllegalStateException(p.describe());
            }
        });
        return new BenchData(dir, read, texts);
    }

    /** The first {@code n} sentences-ish of the collection: paragraph texts, cut to sentence length. */
    List<String> sentences(int n) {
        List<String> out = new ArrayList<>();
        for (Article a : articles) {
            for (String p : a.text().split("\n\n")) {
                for (String s : p.split("(?<=[.\u201D])\\s+(?=[A-Z\u201C])")) {
                    out.add(s);
                    if (out.size() == n) {
                        return out;
                    }
                }
            }
        }
        return out;
    }
}
