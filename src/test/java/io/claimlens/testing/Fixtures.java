package io.claimlens.testing;

import io.claimlens.embed.DjlSentenceEncoder;
import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.SentenceEncoder;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.nlp.NlpPipeline;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Heavy components shared by every test in the JVM (surefire runs one fork): CoreNLP takes seconds and a gigabyte
 * to load, so it is loaded once, lazily, by the first test that needs it. Shared instances are thread-safe and
 * never closed by tests (the JVM exit releases them).
 */
public final class Fixtures {

    private static NlpPipeline light;
    private static SentenceEncoder encoder;
    private static ClaimEngine engine;

    private Fixtures() {
    }

    public static synchronized NlpPipeline lightPipeline() {
        if (light == null) {
            light = new NlpPipeline(NlpConfig.of(NlpMode.LIGHT));
        }
        return light;
    }

    public static synchronized SentenceEncoder encoder() {
        if (encoder == null) {
            encoder = DjlSentenceEncoder.create(EncoderConfig.defaults());
        }
        return encoder;
    }

    /** An engine with the shipped models, sharing the pipeline and encoder above. */
    public static synchronized ClaimEngine engine() {
        if (engine == null) {
            engine = ClaimEngine.builder().optNlpPipeline(lightPipeline()).optEncoder(encoder()).build();
        }
        return engine;
    }

    /** The seed collection beside the project, or null when this checkout has no ../shared. */
    public static Path seeds() {
        Path p = Path.of("..", "shared", "seeds");
        return Files.isDirectory(p) ? p : null;
    }

    /** The public datasets beside the project, or null. */
    public static Path datasets() {
        Path p = Path.of("..", "shared", "datasets");
        return Files.isDirectory(p) ? p : null;
    }

    public static Path examples() {
        return Path.of("examples");
    }
}
