package io.claimlens.cli;

import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.EngineConfig;
import io.claimlens.ingest.IngestOptions;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;

/** Options shared by the commands that build an engine. */
final class EngineOptions {

    @Option(names = "--mode", defaultValue = "light", paramLabel = "fast|light|full",
            description = "NLP depth: light (default; CoreNLP 4-class NER, ~5 s to load), full (fine-grained NER,"
                    + " ~15 s to load, ~3x slower), fast (sentences only: no entities or speakers).")
    String mode;

    @Option(names = "--encoder", defaultValue = "all-minilm-l6-v2", paramLabel = "ID",
            description = "Sentence encoder: all-minilm-l6-v2 (default), all-minilm-l6-v2-q, bge-small-en-v1.5-q, "
                    + "e5-small-v2-q.")
    String encoder;

    @Option(names = "--stance-model", defaultValue = EngineConfig.DEFAULT_STANCE_MODEL, paramLabel = "DIR",
            description = "Stance model directory (default: the shipped ${DEFAULT-VALUE}).")
    String stanceModel;

    @Option(names = "--verdict-model", defaultValue = EngineConfig.DEFAULT_VERDICT_MODEL, paramLabel = "DIR",
            description = "Verdict model directory (default: the shipped ${DEFAULT-VALUE}).")
    String verdictModel;

    @Option(names = "--max-article-chars", defaultValue = "" + IngestOptions.DEFAULT_MAX_ARTICLE_CHARS,
            paramLabel = "N", description = "Articles longer than this are skipped with a message "
            + "(default ${DEFAULT-VALUE}).")
    int maxArticleChars;

    NlpMode nlpMode() {
        try {
            return NlpMode.valueOf(mode.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode must be fast, light or full, not '" + mode + "'");
        }
    }

    EngineConfig config() {
        EngineConfig d = EngineConfig.defaults();
        return new EngineConfig(NlpConfig.of(nlpMode()),
                EncoderConfig.builder().setModel(EncoderModel.byId(encoder)).build(), d.retrieval(),
                new IngestOptions(maxArticleChars, true), stanceModel, verdictModel);
    }

    ClaimEngine build(PrintStream err) {
        long t0 = System.nanoTime();
        err.printf(Locale.ROOT, "loading models (%s NLP, %s encoder)...%n", mode, encoder);
        ClaimEngine e = ClaimEngine.builder().optConfig(config()).build();
        err.printf(Locale.ROOT, "models loaded in %.1f s%n", (System.nanoTime() - t0) / 1e9);
        return e;
    }
}
