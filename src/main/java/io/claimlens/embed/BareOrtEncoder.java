package io.claimlens.embed;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/**
 * The baseline for the embedding benchmark: the same ONNX file run by a bare ONNX Runtime session (no DJL), with
 * the same tokenizer, batching and pooling, so that the difference measures what DJL adds. Not used by the engine.
 * Not thread-safe; close it.
 */
public final class BareOrtEncoder implements AutoCloseable {

    private final EncoderConfig config;
    private final OrtEnvironment env;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;

    public BareOrtEncoder(EncoderConfig config) {
        this.config = config;
        EncoderModel spec = config.model();
        try {
            byte[] onnx = read(spec.onnxResource());
            this.tokenizer = HuggingFaceTokenizer.newInstance(new ByteArrayInputStream(read(spec.tokenizerResource())),
                    Map.of("maxLength", Integer.toString(spec.maxTokens()), "truncation", "true",
                            "padding", "true", "addSpecialTokens", "true"));
            this.env = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions so = new OrtSession.SessionOptions();
            so.setInterOpNumThreads(1);
            so.setIntraOpNumThreads(config.intraOpThreads());
            this.session = env.createSession(onnx, so);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not load " + spec.id(), e);
        }
    }

    private static byte[] read(String name) throws IOException {
        try (InputStream in = BareOrtEncoder.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("model resource not on the classpath: " + name);
            }
            return in.readAllBytes();
        }
    }

    public float[][] encode(List<String> texts) {
        return DjlSentenceEncoder.inLengthSortedBatches(texts, config.effectiveBatchSize(), this::run, float[][]::new);
    }

    private float[][] run(List<String> texts) {
        DjlSentenceEncoder.Batch batch = DjlSentenceEncoder.Batch.of(tokenizer.batchEncode(texts));
        long[] shape = {batch.b(), batch.t()};
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.ids()), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.mask()), shape);
             OnnxTensor y = OnnxTensor.createTensor(env, LongBuffer.wrap(batch.types()), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", y))) {
            OnnxTensor h = (OnnxTensor) r.get(0);
            long[] s = h.getInfo().getShape();
            float[] flat = new float[(int) (s[0] * s[1] * s[2])];
            h.getFloatBuffer().get(flat);
            return DjlSentenceEncoder.pool(flat, batch.mask(), (int) s[0], (int) s[1], (int) s[2], config.model().pooling());
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime failed", e);
        }
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
