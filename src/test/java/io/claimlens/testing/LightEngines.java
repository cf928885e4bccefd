package io.claimlens.testing;

import io.claimlens.bench.FuzzBench;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.EngineConfig;
import io.claimlens.model.Distribution;
import io.claimlens.model.ModelRef;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;
import io.claimlens.stance.StanceClassifier;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Engines for tests where the models are not the subject (robustness, faults, security): FAST NLP, the fake
 * encoder, a fixed stance classifier and a zero-weight verdict head written by {@link FuzzBench#toyVerdictModel}.
 * Cheap to build (no CoreNLP, no ONNX), so each test may build its own.
 */
public final class LightEngines {

    private static NlpPipeline fastPipeline;

    private LightEngines() {
    }

    /** One FAST pipeline (OpenNLP only) for all tests; thread-safe. */
    public static synchronized NlpPipeline fastPipeline() {
        if (fastPipeline == null) {
            fastPipeline = new NlpPipeline(NlpConfig.of(NlpMode.FAST));
        }
        return fastPipeline;
    }

    /** Every evidence sentence gets the same stance: mostly neutral. */
    public static final class FixedStance implements StanceClassifier {
        @Override
        public List<StanceResult> classify(String claim, List<String> evidence) {
            return evidence.stream().map(e -> StanceResult.of(Distribution.of(StanceLabel.class,
                    new double[] {0.2, 0.1, 0.6, 0.1}))).toList();
        }

        @Override
        public ModelRef modelRef() {
            return new ModelRef("stance", "fixed-test-stance", "0".repeat(64));
        }
    }

    /** A FAST engine with fakes; {@code dir} receives the toy verdict model. */
    public static ClaimEngine fast(Path dir) throws IOException {
        FakeEncoder encoder = new FakeEncoder();
        Path verdict = FuzzBench.toyVerdictModel(encoder, dir.resolve("toy-verdict"));
        return ClaimEngine.builder().optNlpPipeline(fastPipeline()).optEncoder(encoder)
                .optStanceClassifier(new FixedStance())
                .optModels(EngineConfig.DEFAULT_STANCE_MODEL, verdict.toString()).build();
    }
}
