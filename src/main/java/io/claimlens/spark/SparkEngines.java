package io.claimlens.spark;

import io.claimlens.engine.ClaimEngine;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * One engine (and one open corpus per index) per JVM: on a Spark executor every partition and every task thread
 * shares them. Built lazily by the first partition that needs them (loading CoreNLP takes seconds and a gigabyte,
 * so it must not happen per partition, let alone per record), kept until the JVM exits. The engine and corpus are
 * thread-safe, so concurrent tasks of one executor share them safely.
 */
public final class SparkEngines {

    private static final Map<EngineSpec, ClaimEngine> ENGINES = new HashMap<>();
    private static final Map<String, Corpus> CORPORA = new HashMap<>();

    private SparkEngines() {
    }

    /** The engine for {@code spec}, built on first use in this JVM. */
    public static synchronized ClaimEngine engine(EngineSpec spec) {
        return ENGINES.computeIfAbsent(spec, s -> ClaimEngine.builder().optConfig(s.config()).build());
    }

    /**
     * Uses an already built engine for {@code spec} in this JVM (a server or a test that has one). Its configuration
     * must be the spec's.
     */
    public static synchronized void register(EngineSpec spec, ClaimEngine engine) {
        if (!engine.config().equals(spec.config())) {
            throw new IllegalArgumentException("the engine's configuration is not the spec's: " + spec);
        }
        ENGINES.put(spec, engine);
    }

    /** The corpus in the index directory {@code dir}, opened on first use in this JVM. */
    public static synchronized Corpus corpus(String dir) {
        return CORPORA.computeIfAbsent(dir, d -> {
            try {
                return CorpusWriter.open(Path.of(d));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index " + d, e);
            }
        });
    }

    /** Closes and forgets the corpus of {@code dir} (when a job is done with an index it will delete). */
    public static synchronized void release(String dir) {
        Corpus c = CORPORA.remove(dir);
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // releasing a read-only index: nothing to recover
            }
        }
    }
}
