package io.claimlens.jmh;

import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.model.Claim;
import io.claimlens.nlp.NlpMode;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.EvidenceRetriever;
import io.claimlens.retrieve.RetrievalConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Retrieval on a 2,000-article synthetic corpus (in memory, FAST NLP): BM25 over sentences with the claim's phrases
 * (the first stage alone), against the full retrieval that also embeds the claim and its 50 candidates and re-ranks
 * them (no embedding cache, so every call embeds). The claims rotate over 50 different ones.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
public class RetrievalBench {

    private DjlSentenceEncoder encoder;
    private ClaimEngine engine;
    private Corpus corpus;
    private EvidenceRetriever retriever;
    private final List<Claim> claims = new ArrayList<>();
    private int next;

    @Setup
    public void setUp() throws IOException {
        BenchData data = BenchData.generate(2000, 50);
        encoder = DjlSentenceEncoder.create(EncoderConfig.defaults());
        engine = ClaimEngine.builder().optNlpMode(NlpMode.FAST).optEncoder(encoder).build();
        corpus = engine.index(List.of(data.dir.resolve("articles/articles-00000.jsonl")), null, IndexListener.NONE, 2)
                .corpus();
        retriever = new EvidenceRetriever(encoder, RetrievalConfig.defaults());
        for (String c : data.claims) {
            claims.add(engine.parseClaim(c));
        }
    }

    @TearDown
    public void tearDown() throws IOException {
        corpus.close();
        engine.close();
        encoder.close();
    }

    private Claim nextClaim() {
        Claim c = claims.get(next);
        next = (next + 1) % claims.size();
        return c;
    }

    @Benchmark
    public Object bm25Candidates() {
        Claim c = nextClaim();
        return corpus.searchSentences(c.text(), c.quotedPhrases(), 50);
    }

    @Benchmark
    public Object retrieveAndRerank() {
        return retriever.retrieve(corpus, nextClaim());
    }
}
