package io.claimlens.embed;

import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.translate.NoBatchifyTranslator;
import ai.djl.translate.TranslateException;
import ai.djl.translate.TranslatorContext;
import io.claimlens.model.ContentHash;
import io.claimlens.model.ModelRef;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A {@link SentenceEncoder} running an ONNX sentence-transformer through DJL's ONNX Runtime engine, with the
 * model's Hugging Face tokenizer (DJL's Rust binding).
 *
 * <p>Weights and tokenizer are read from the classpath (a LangChain4j embeddings jar from Maven Central); nothing is
 * downloaded. A missing jar is an {@link IllegalStateException} naming the artifact.
 *
 * <p>Per call: texts are sorted by length and encoded in batches of {@link EncoderConfig#effectiveBatchSize()} padded to the
 * batch's longest (far less padding than one big batch); the model's {@code last_hidden_state} is pooled in Java
 * (mean under the attention mask, or CLS) and L2-normalised, then results are put back in input order.
 *
 * <p>Thread-safe: the ONNX session is shared; DJL predictors, which are not thread-safe, come from a pool.
 * Closing releases the native session and tokenizer.
 */
public final class DjlSentenceEncoder implements TokenStateEncoder {

    static {
        DjlEnvironment.init();
    }

    private final EncoderConfig config;
    private final EncoderModel spec;
    private final Model model;
    private final HuggingFaceTokenizer tokenizer;
    private final BlockingQueue<Predictor<Batch, float[][]>> predictors;
    private final BlockingQueue<Predictor<Batch, float[][][]>> tokenPredictors;
    private final List<Predictor<Batch, ?>> allPredictors = new ArrayList<>();
    private final ModelRef ref;
    private volatile boolean closed;

    private DjlSentenceEncoder(EncoderConfig config) {
        this.config = config;
        this.spec = config.model();
        byte[] onnx = readResource(spec.onnxResource());
        byte[] tokenizerJson = readResource(spec.tokenizerResource());
        this.ref = new ModelRef("embedding", spec.id(), ContentHash.sha256Hex(onnx));
        try {
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(tokenizerJson), Map.of(
                    "maxLength", Integer.toString(spec.maxTokens()),
                    "truncation", "true",
                    "padding", "true",
                    "addSpecialTokens", "true"));
            this.model = Model.newInstance(spec.id(), "OnnxRuntime");
            model.load(new ByteArrayInputStream(onnx), Map.of(
                    "interOpNumThreads", "1",
                    "intraOpNumThreads", Integer.toString(config.intraOpThreads())));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load embedding model " + spec.id(), e);
        } catch (MalformedModelException e) {
            throw new IllegalStateException("embedding model " + spec.id() + " is not a valid ONNX model", e);
        }
        this.predictors = new ArrayBlockingQueue<>(config.predictors());
        this.tokenPredictors = new ArrayBlockingQueue<>(config.predictors());
        for (int i = 0; i < config.predictors(); i++) {
            Predictor<Batch, float[][]> p = model.newPredictor(new PoolingTranslator(spec.pooling()));
            predictors.add(p);
            allPredictors.add(p);
            Predictor<Batch, float[][][]> t = model.newPredictor(new TokenTranslator());
            tokenPredictors.add(t);
            allPredictors.add(t);
        }
    }

    /** Loads the configured model. Expect ~0.5-2 s. */
    public static DjlSentenceEncoder create(EncoderConfig config) {
        return new DjlSentenceEncoder(config);
    }

    private static byte[] readResource(String name) {
        try (InputStream in = DjlSentenceEncoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("embedding model resource '" + name + "' not found on the classpath;"
                        + " it ships in the Maven artifact for " + name.replaceAll("(-tokenizer)?\\.(onnx|json)$", "")
                        + " (see pom.xml); run mvn package");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read embedding model resource " + name, e);
        }
    }

    @Override
    public float[][] encode(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("encoder is closed");
        }
        return inLengthSortedBatches(texts, config.effectiveBatchSize(), this::runBatch, float[][]::new);
    }

    /**
     * Encodes {@code texts} in length-sorted batches of {@code batchSize} (less padding) and returns one result per
     * text in input order. Ties keep input order, so the batching is deterministic. Shared by the vectors, the token
     * states and the bare ONNX Runtime baseline, so that all run the same batches.
     */
    static <R> R[] inLengthSortedBatches(List<String> texts, int batchSize,
                                         java.util.function.Function<List<String>, R[]> runBatch,
                                         java.util.function.IntFunction<R[]> newArray) {
        int n = texts.size();
        R[] out = newArray.apply(n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        for (int from = 0; from < n; from += batchSize) {
            int to = Math.min(n, from + batchSize);
            List<String> batch = new ArrayList<>(to - from);
            for (int k = from; k < to; k++) {
                batch.add(texts.get(order[k]));
            }
            R[] results = runBatch.apply(batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = results[k - from];
            }
        }
        return out;
    }

    /** Tokenises and runs one batch; returns pooled, normalised vectors in batch order. */
    float[][] runBatch(List<String> texts) {
        return runBatch(predictors, texts);
    }

    /** Tokenises and runs one batch on a predictor from {@code pool}, returning it after. */
    private <R> R runBatch(BlockingQueue<Predictor<Batch, R>> pool, List<String> texts) {
        List<String> input = texts;
        if (!spec.inputPrefix().isEmpty()) {
            input = new ArrayList<>(texts.size());
            for (String t : texts) {
                input.add(spec.inputPrefix() + t);
            }
        }
        Batch batch = Batch.of(tokenizer.batchEncode(input));
        Predictor<Batch, R> p;
        try {
            p = pool.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an encoder", e);
        }
        try {
            return p.predict(batch);
        } catch (TranslateException e) {
            throw new IllegalStateException("embedding model " + spec.id() + " failed on a batch of " + batch.b(), e);
        } finally {
            pool.add(p);
        }
    }

    /**
     * The model's {@code last_hidden_state} for each text, unpooled and unnormalised: {@code [text][token][d]}, with
     * the padding removed (the token count is the text's own, special tokens included). Same batching as
     * {@link #encode}, so the states a text gets do not depend on the other texts unless the model is batch-variant.
     * A model that reads padding (none of ours) would pool differently here than in a padded batch.
     */
    public float[][][] tokenStates(List<String> texts) {
        return encodeWithStates(texts).states();
    }

    @Override
    public Encoded encodeWithStates(List<String> texts) {
        if (closed) {
            throw new IllegalStateException("encoder is closed");
        }
        int n = texts.size();
        float[][][] out = inLengthSortedBatches(texts, config.effectiveBatchSize(),
                batch -> runBatch(tokenPredictors, batch), float[][][]::new);
        float[][] vectors = new float[n][];
        for (int i = 0; i < n; i++) {
            vectors[i] = poolOne(out[i], spec.pooling());
        }
        return new Encoded(vectors, out);
    }

    /** Pools one text's unpadded token states as {@link #encode} pools a padded batch (same order of sums). */
    static float[] poolOne(float[][] states, Pooling pooling) {
        int t = states.length;
        int d = states[0].length;
        float[] flat = new float[t * d];
        long[] mask = new long[t];
        for (int j = 0; j < t; j++) {
            System.arraycopy(states[j], 0, flat, j * d, d);
            mask[j] = 1;
        }
        return pool(flat, mask, 1, t, d, pooling)[0];
    }

    @Override
    public int dimension() {
        return spec.dimension();
    }

    @Override
    public ModelRef modelRef() {
        return ref;
    }

    public EncoderConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Predictor<Batch, ?> p : allPredictors) {
            p.close();
        }
        model.close();
        tokenizer.close();
    }

    /** Token ids, attention mask and type ids of a padded batch, row-major [b, t]. */
    record Batch(long[] ids, long[] mask, long[] types, int b, int t) {

        /** Packs a tokenizer's padded encodings (all of one length) into row-major arrays. */
        static Batch of(Encoding[] enc) {
            int b = enc.length;
            int t = enc[0].getIds().length;
            long[] ids = new long[b * t];
            long[] mask = new long[b * t];
            long[] types = new long[b * t];
            for (int i = 0; i < b; i++) {
                System.arraycopy(enc[i].getIds(), 0, ids, i * t, t);
                System.arraycopy(enc[i].getAttentionMask(), 0, mask, i * t, t);
                System.arraycopy(enc[i].getTypeIds(), 0, types, i * t, t);
            }
            return new Batch(ids, mask, types, b, t);
        }
    }

    /** Feeds a batch to the ONNX graph and pools its last_hidden_state in Java. */
    private static final class PoolingTranslator implements NoBatchifyTranslator<Batch, float[][]> {

        private final Pooling pooling;

        PoolingTranslator(Pooling pooling) {
            this.pooling = pooling;
        }

        @Override
        public NDList processInput(TranslatorContext ctx, Batch in) {
            ctx.setAttachment("mask", in.mask());
            NDManager m = ctx.getNDManager();
            Shape shape = new Shape(in.b(), in.t());
            NDArray ids = m.create(in.ids(), shape);
            ids.setName("input_ids");
            NDArray mask = m.create(in.mask(), shape);
            mask.setName("attention_mask");
            NDArray types = m.create(in.types(), shape);
            types.setName("token_type_ids");
            return new NDList(ids, mask, types);
        }

        @Override
        public float[][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray hidden = list.get(0);
            long[] s = hidden.getShape().getShape();
            int b = (int) s[0];
            int t = (int) s[1];
            int d = (int) s[2];
            return pool(hidden.toFloatArray(), (long[]) ctx.getAttachment("mask"), b, t, d, pooling);
        }
    }

    /** Feeds a batch to the ONNX graph and returns each text's unpadded token states. */
    private static final class TokenTranslator implements NoBatchifyTranslator<Batch, float[][][]> {

        private final PoolingTranslator inputs = new PoolingTranslator(Pooling.MEAN);

        @Override
        public NDList processInput(TranslatorContext ctx, Batch in) {
            return inputs.processInput(ctx, in);
        }

        @Override
        public float[][][] processOutput(TranslatorContext ctx, NDList list) {
            NDArray hidden = list.get(0);
            long[] s = hidden.getShape().getShape();
            int b = (int) s[0];
            int t = (int) s[1];
            int d = (int) s[2];
            float[] h = hidden.toFloatArray();
            long[] mask = (long[]) ctx.getAttachment("mask");
            float[][][] out = new float[b][][];
            for (int i = 0; i < b; i++) {
                int len = 0;
                for (int j = 0; j < t; j++) {
                    len += mask[i * t + j] != 0 ? 1 : 0;
                }
                out[i] = new float[len][d];
                int r = 0;
                for (int j = 0; j < t; j++) {
                    if (mask[i * t + j] != 0) {
                        System.arraycopy(h, (i * t + j) * d, out[i][r++], 0, d);
                    }
                }
            }
            return out;
        }
    }

    /** Pools [b, t, d] token states to [b, d] unit vectors. */
    static float[][] pool(float[] h, long[] mask, int b, int t, int d, Pooling pooling) {
        float[][] out = new float[b][d];
        for (int i = 0; i < b; i++) {
            float[] v = out[i];
            if (pooling == Pooling.CLS) {
                System.arraycopy(h, i * t * d, v, 0, d);
            } else {
                int count = 0;
                for (int j = 0; j < t; j++) {
                    if (mask[i * t + j] == 0) {
                        continue;
                    }
                    count++;
                    int base = (i * t + j) * d;
                    for (int k = 0; k < d; k++) {
                        v[k] += h[base + k];
                    }
                }
                if (count > 0) {
                    for (int k = 0; k < d; k++) {
                        v[k] /= count;
                    }
                }
            }
            double norm = 0;
            for (int k = 0; k < d; k++) {
                norm += (double) v[k] * v[k];
            }
            norm = Math.sqrt(norm);
            if (norm > 0) {
                for (int k = 0; k < d; k++) {
                    v[k] = (float) (v[k] / norm);
                }
            }
        }
        return out;
    }
}
