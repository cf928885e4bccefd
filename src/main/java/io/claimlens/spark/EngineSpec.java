package io.claimlens.spark;

import io.claimlens.embed.EncoderConfig;
import io.claimlens.embed.EncoderModel;
import io.claimlens.engine.EngineConfig;
import io.claimlens.ingest.IngestOptions;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;

import java.io.Serializable;

/**
 * The engine a Spark job uses, in a form that travels to executors with the job's functions (Java-serialisable
 * strings and numbers; {@link EngineConfig} itself is not serialisable). Executors build the engine from it once
 * ({@link SparkEngines}).
 *
 * @param nlpMode         FAST, LIGHT or FULL
 * @param encoder         encoder id ({@link EncoderModel#byId})
 * @param stanceModel     stance model location
 * @param verdictModel    verdict model location
 * @param maxArticleChars longest article read
 */
public record EngineSpec(String nlpMode, String encoder, String stanceModel, String verdictModel,
                         int maxArticleChars) implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The default engine (LIGHT NLP, MiniLM, the shipped models), as the CLI builds it. */
    public static EngineSpec defaults() {
        return of(NlpMode.LIGHT);
    }

    public static EngineSpec of(NlpMode mode) {
        EngineConfig d = EngineConfig.defaults();
        return new EngineSpec(mode.name(), d.encoder().model().id(), d.stanceModel(), d.verdictModel(),
                d.ingest().maxArticleChars());
    }

    /** The typed configuration (as {@code EngineOptions.config()} in the CLI makes it from the same values). */
    public EngineConfig config() {
        EngineConfig d = EngineConfig.defaults();
        return new EngineConfig(NlpConfig.of(NlpMode.valueOf(nlpMode)),
                EncoderConfig.builder().setModel(EncoderModel.byId(encoder)).build(), d.retrieval(),
                new IngestOptions(maxArticleChars, true), stanceModel, verdictModel);
    }
}
