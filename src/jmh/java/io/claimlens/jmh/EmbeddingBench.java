package io.claimlens.jmh;

import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
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
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The embedding batch: 32 news sentences through the default encoder (fp32 MiniLM-L6, ONNX Runtime) in one
 * {@code encode} call (length-sorted batches of 32), against the baseline of 32 calls of one sentence each. The
 * ratio is what batching buys on this machine.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g", "-Dai.djl.offline=true"})
public class EmbeddingBench {

    private DjlSentenceEncoder encoder;
    private List<String> sentences;

    @Setup
    public void setUp() throws IOException {
        encoder = DjlSentenceEncoder.create(EncoderConfig.defaults());
        sentences = BenchData.generate(20, 1).sentences(32);
    }

    @TearDown
    public void tearDown() {
        encoder.close();
    }

    @Benchmark
    public float[][] batchOf32() {
        return encoder.encode(sentences);
    }

    @Benchmark
    public float[][] oneByOne32() {
        float[][] out = new float[sentences.size()][];
        for (int i = 0; i < sentences.size(); i++) {
            out[i] = encoder.encode(List.of(sentences.get(i)))[0];
        }
        return out;
    }
}
