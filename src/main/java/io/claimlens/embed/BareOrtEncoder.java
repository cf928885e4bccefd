package io.claimlens.embed;

import ai.djl.huggingface.tokenizers.Encoding;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
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
        int n = texts.size();
        float[][] out = new float[n][];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> texts.get(i).length()));
        int bs = config.effectiveBatchSize();
        for (int from = 0; from < n; from += bs) {
            int to = Math.min(n, from + bs);
            List<String> batch = new ArrayList<>();
            for (int k = from; k < to; k++) {
                batch.add(texts.get(order[k]));
            }
            float[][] v = run(batch);
            for (int k = from; k < to; k++) {
                out[order[k]] = v[k - from];
            }
        }
        return out;
    }

    private float[][] run(List<String> texts) {
        Encoding[] enc = tokenizer.batchEncode(texts);
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
        long[] shape = {b, t};
        try (OnnxTensor a = OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape);
             OnnxTensor m = OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape);
             OnnxTensor y = OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape);
             OrtSession.Result r = session.run(Map.of("input_ids", a, "attention_mask", m, "token_type_ids", y))) {
            OnnxTensor h = (OnnxTensor) r.get(0);
            long[] s = h.getInfo().getShape();
            float[] flat = new float[(int) (s[0] * s[1] * s[2])];
            h.getFloatBuffer().get(flat);
            return DjlSentenceEncoder.pool(flat, mask, (int) s[0], (int) s[1], (int) s[2], config.model().pooling());
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
