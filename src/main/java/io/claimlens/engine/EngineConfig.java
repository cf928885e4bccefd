package io.claimlens.engine;

import io.claimlens.embed.EncoderConfig;
import io.claimlens.ingest.IngestOptions;
import io.claimlens.nlp.NlpConfig;
import io.claimlens.nlp.NlpMode;
import io.claimlens.retrieve.RetrievalConfig;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Everything that configures an engine, typed. Models are located as {@code classpath:models/<id>} (the shipped
 * ones) or a directory path.
 *
 * @param nlp          NLP stage configuration
 * @param encoder      sentence encoder
 * @param retrieval    evidence retrieval
 * @param ingest       input limits
 * @param stanceModel  location of the stance model
 * @param verdictModel location of the verdict model
 */
public record EngineConfig(NlpConfig nlp, EncoderConfig encoder, RetrievalConfig retrieval, IngestOptions ingest,
                           String stanceModel, String verdictModel) {

    public static final String DEFAULT_STANCE_MODEL = "classpath:models/stance-v2";
    public static final String DEFAULT_VERDICT_MODEL = "classpath:models/verdict-v2";

    public static EngineConfig defaults() {
        return new EngineConfig(NlpConfig.of(NlpMode.LIGHT), EncoderConfig.defaults(), RetrievalConfig.defaults(),
                IngestOptions.defaults(), DEFAULT_STANCE_MODEL, DEFAULT_VERDICT_MODEL);
    }

    /** The configuration as ordered name/value pairs, for provenance. */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("nlp.mode", nlp.mode().name());
        m.put("nlp.maxSentenceChars", Integer.toString(nlp.maxSentenceChars()));
        m.put("encoder.model", encoder.model().id());
        m.put("encoder.pooling", encoder.model().pooling().name());
        m.put("encoder.batchSize", Integer.toString(encoder.effectiveBatchSize()));
        m.put("retrieval.candidates", Integer.toString(retrieval.candidates()));
        m.put("retrieval.evidence", Integer.toString(retrieval.evidence()));
        m.put("retrieval.similarityWeight", Double.toString(retrieval.similarityWeight()));
        m.put("ingest.maxArticleChars", Integer.toString(ingest.maxArticleChars()));
        m.put("stance.model", stanceModel);
        m.put("verdict.model", verdictModel);
        return m;
    }
}
