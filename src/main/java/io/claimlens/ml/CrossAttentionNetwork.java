package io.claimlens.ml;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.claimlens.embed.DjlEnvironment;

import java.nio.FloatBuffer;
import java.util.List;

/**
 * Runs a stored {@link CrossAttentionHead} with DJL's PyTorch engine, many pairs per call (the head's layers are
 * matrix products that PyTorch does an order of magnitude faster than a Java loop). Results equal
 * {@link CrossAttentionHead#logits} up to float rounding.
 *
 * <p>Lifecycle: create once per model, share, close when done (releases native memory). Thread-safe: the weights
 * are read-only and every call works in its own native memory scope. Deterministic: PyTorch runs on one thread,
 * and the same pairs in the same order give the same logits.
 */
public final class CrossAttentionNetwork implements AutoCloseable {

    static {
        DjlEnvironment.init();
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** Pairs per forward pass: bounds the padded batch's native memory. */
    private static final int BATCH = 64;

    private final CrossAttentionHead head;
    private final NDManager manager;
    private final CrossAttentionBlock block;
    private volatile boolean closed;

    private CrossAttentionNetwork(CrossAttentionHead head) {
        this.head = head;
        this.manager = NDManager.newBaseManager("PyTorch");
        this.block = new CrossAttentionBlock(head.attendB().length, head.classes(), 0f);
        int d = head.dimension();
        block.initialize(manager, DataType.FLOAT32, new Shape(1, 2, d), new Shape(1, 2, d), new Shape(1, 2),
                new Shape(1, 2), new Shape(1, head.features()));
        float[][][] weights = {head.attendW(), head.compareW(), head.hiddenW(), head.outputW()};
        float[][] biases = {head.attendB(), head.compareB(), head.hiddenB(), head.outputB()};
        ai.djl.nn.ParameterList p = block.getParameters();
        for (int layer = 0; layer < 4; layer++) {
            set(p.valueAt(2 * layer).getArray(), flatten(weights[layer]));
            set(p.valueAt(2 * layer + 1).getArray(), biases[layer]);
        }
    }

    public static CrossAttentionNetwork of(CrossAttentionHead head) {
        return new CrossAttentionNetwork(head);
    }

    public CrossAttentionHead head() {
        return head;
    }

    private static void set(NDArray target, float[] values) {
        if (target.size() != values.length) {
            throw new IllegalArgumentException("cross-attention weights of size " + values.length + " for a "
                    + target.getShape() + " parameter");
        }
        target.setRequiresGradient(false);
        target.set(FloatBuffer.wrap(values));
    }

    private static float[] flatten(float[][] m) {
        int cols = m[0].length;
        float[] out = new float[m.length * cols];
        for (int r = 0; r < m.length; r++) {
            System.arraycopy(m[r], 0, out, r * cols, cols);
        }
        return out;
    }

    /**
     * Class logits of pairs {@code (claims[i], evidence[i])}.
     *
     * @param claims   raw token states of each pair's claim ({@code [token][d]}, as the encoder gives them)
     * @param evidence raw token states of each pair's evidence
     * @param features each pair's raw features
     * @return logits {@code [pair][class]}, uncalibrated
     */
    public double[][] logits(List<float[][]> claims, List<float[][]> evidence, List<float[]> features) {
        if (closed) {
            throw new IllegalStateException("cross-attention network is closed");
        }
        int n = claims.size();
        if (evidence.size() != n || features.size() != n) {
            throw new IllegalArgumentException("claims, evidence and features must be parallel");
        }
        double[][] out = new double[n][];
        for (int from = 0; from < n; from += BATCH) {
            int to = Math.min(n, from + BATCH);
            try (NDManager sub = manager.newSubManager()) {
                NDList in = inputs(sub, claims.subList(from, to), evidence.subList(from, to),
                        features.subList(from, to));
                NDArray logits = block.forward(new ParameterStore(sub, false), in, false).singletonOrThrow();
                float[] flat = logits.toFloatArray();
                int c = head.classes();
                for (int i = from; i < to; i++) {
                    double[] row = new double[c];
                    for (int k = 0; k < c; k++) {
                        row[k] = flat[(i - from) * c + k];
                    }
                    out[i] = row;
                }
            }
        }
        return out;
    }

    /**
     * The mean of several networks' logits for the same pairs (an ensemble of heads of one shape trained with
     * different seeds).
     */
    public static double[][] meanLogits(List<CrossAttentionNetwork> nets, List<float[][]> claims,
                                        List<float[][]> evidence, List<float[]> features) {
        if (nets.isEmpty()) {
            throw new IllegalArgumentException("no networks to average");
        }
        double[][] mean = null;
        for (CrossAttentionNetwork net : nets) {
            double[][] l = net.logits(claims, evidence, features);
            if (mean == null) {
                mean = new double[l.length][];
                for (int i = 0; i < l.length; i++) {
                    mean[i] = new double[l[i].length];
                }
            }
            for (int i = 0; i < l.length; i++) {
                for (int k = 0; k < l[i].length; k++) {
                    mean[i][k] += l[i][k] / nets.size();
                }
            }
        }
        return mean;
    }

    private NDList inputs(NDManager m, List<float[][]> claims, List<float[][]> evidence, List<float[]> features) {
        int b = claims.size();
        int d = head.dimension();
        int max = head.maxTokens();
        int la = 1;
        int lb = 1;
        for (int i = 0; i < b; i++) {
            la = Math.max(la, Math.min(claims.get(i).length, max));
            lb = Math.max(lb, Math.min(evidence.get(i).length, max));
        }
        float[] xa = new float[b * la * d];
        float[] xb = new float[b * lb * d];
        float[] ma = new float[b * la];
        float[] mb = new float[b * lb];
        int f = head.features();
        float[] xf = new float[b * f];
        for (int i = 0; i < b; i++) {
            fill(claims.get(i), xa, ma, i, la);
            fill(evidence.get(i), xb, mb, i, lb);
            float[] fi = features.get(i);
            if (fi.length != f) {
                throw new IllegalArgumentException("pair " + i + " has " + fi.length + " features; the head reads "
                        + f);
            }
            for (int k = 0; k < f; k++) {
                xf[i * f + k] = (fi[k] - head.featureMean()[k]) / head.featureScale()[k];
            }
        }
        return new NDList(m.create(xa, new Shape(b, la, d)), m.create(xb, new Shape(b, lb, d)),
                m.create(ma, new Shape(b, la)), m.create(mb, new Shape(b, lb)), m.create(xf, new Shape(b, f)));
    }

    private void fill(float[][] states, float[] x, float[] mask, int i, int len) {
        if (states.length == 0) {
            throw new IllegalArgumentException("a text with no token states");
        }
        int d = head.dimension();
        int n = Math.min(states.length, head.maxTokens());
        for (int t = 0; t < n; t++) {
            if (states[t].length != d) {
                throw new IllegalArgumentException("token states of size " + states[t].length + "; the head reads "
                        + d);
            }
            int base = (i * len + t) * d;
            for (int k = 0; k < d; k++) {
                x[base + k] = (states[t][k] - head.tokenMean()[k]) / head.tokenScale()[k];
            }
            mask[i * len + t] = 1f;
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
