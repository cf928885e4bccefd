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
    private static final Map<String, Path> UNPACKED = new HashMap<>();

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

    /**
     * The corpus in an index shipped as a zip file (see {@link IndexZip}): unpacked into a temporary directory and
     * opened on first use in this JVM, then shared.
     */
    public static synchronized Corpus corpus(String zip) {
        return CORPORA.computeIfAbsent(zip, z -> {
            try {
                Path dir = IndexZip.unzip(Path.of(z));
                UNPACKED.put(z, dir);
                return CorpusWriter.open(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the index shipped as " + z, e);
            }
        });
    }

    /** Closes and forgets the corpus of {@code zip} and deletes its unpacked copy (when a job is done with it). */
    public static synchronized void release(String zip) {
        Corpus c = CORPORA.remove(zip);
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // releasing a read-only index: nothing to recover
            }
        }
        Path dir = UNPACKED.remove(zip);
        if (dir != null) {
            IndexZip.deleteTree(dir);
        }
    }
}
