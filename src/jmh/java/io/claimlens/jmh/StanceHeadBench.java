package io.claimlens.jmh;

import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.engine.EngineConfig;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.StanceResult;
import io.claimlens.stance.EmbeddingStanceClassifier;
import io.claimlens.stance.TextFeatures;
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
 * The stance head: the shipped stance head (MLP) over precomputed embeddings and lexical features, for one claim and
 * its 10 evidence sentences (what {@code check} classifies per claim), against the baseline of the whole stance
 * step, which embeds the 11 texts first (no cache).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
public class StanceHeadBench {

    private DjlSentenceEncoder encoder;
    private EmbeddingStanceClassifier classifier;
    private String claim;
    private List<String> evidence;
    private float[] claimVec;
    private TextFeatures claimFeatures;
    private float[][] evidenceVecs;
    private final List<TextFeatures> evidenceFeatures = new ArrayList<>();

    @Setup
    public void setUp() throws IOException {
        BenchData data = BenchData.generate(20, 5);
        encoder = DjlSentenceEncoder.create(EncoderConfig.defaults());
        classifier = new EmbeddingStanceClassifier(encoder, ModelStore.load(EngineConfig.DEFAULT_STANCE_MODEL));
        claim = data.claims.get(0);
        evidence = data.sentences(10);
        claimVec = encoder.encode(List.of(claim))[0];
        claimFeatures = TextFeatures.of(claim);
        evidenceVecs = encoder.encode(evidence);
        for (String e : evidence) {
            evidenceFeatures.add(TextFeatures.of(e));
        }
    }

    @TearDown
    public void tearDown() {
        encoder.close();
    }

    @Benchmark
    public StanceResult[] headOnly10() {
        StanceResult[] out = new StanceResult[evidence.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = classifier.classify(claimVec, claimFeatures, evidenceVecs[i], evidenceFeatures.get(i));
        }
        return out;
    }

    @Benchmark
    public List<StanceResult> withEmbedding10() {
        return classifier.classify(claim, evidence);
    }
}
