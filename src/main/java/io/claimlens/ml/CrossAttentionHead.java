package io.claimlens.ml;

/**
 * A trained decomposable-attention head over two texts' token states, evaluated in plain Java (the weights come
 * from DJL training; see {@code io.claimlens.train.DjlCrossAttentionTrainer}).
 *
 * <p>For claim tokens {@code a} and evidence tokens {@code b} (each row a token's state, standardised by
 * {@code tokenMean}/{@code tokenScale}, at most {@code maxTokens} rows): {@code P = relu(W_att x + b_att)} for every
 * token; {@code E[i][j] = P_a[i] · P_b[j]}; each claim token is aligned with {@code β_i = Σ_j softmax_j(E[i]) b_j}
 * and each evidence token with {@code α_j = Σ_i softmax_i(E[·][j]) a_i}; every token is compared with its aligned
 * vector, {@code relu(W_cmp [x, y, x − y, x ⊙ y] + b_cmp)}; each side's comparisons are pooled by mean and max; the
 * pooled sides and the standardised pair features go through {@code relu(W_hid · + b_hid)} and {@code W_out · +
 * b_out} to the class logits. Weight matrices are row-major {@code [out][in]}, as DJL's {@code Linear} stores them.
 *
 * <p>Immutable by convention (arrays are not copied; do not modify them) and thread-safe.
 */
public record CrossAttentionHead(int maxTokens, float[] tokenMean, float[] tokenScale, float[] featureMean,
                                 float[] featureScale, float[][] attendW, float[] attendB, float[][] compareW,
                                 float[] compareB, float[][] hiddenW, float[] hiddenB, float[][] outputW,
                                 float[] outputB) {

    public int dimension() {
        return tokenMean.length;
    }

    public int features() {
        return featureMean.length;
    }

    public int classes() {
        return outputB.length;
    }

    /** Standardises raw token states and keeps the first {@link #maxTokens()}; the input is not modified. */
    public float[][] prepare(float[][] states) {
        int n = Math.min(states.length, maxTokens);
        int d = dimension();
        float[][] out = new float[n][d];
        for (int t = 0; t < n; t++) {
            for (int k = 0; k < d; k++) {
                out[t][k] = (states[t][k] - tokenMean[k]) / tokenScale[k];
            }
        }
        return out;
    }

    /**
     * Class logits of one pair.
     *
     * @param a        claim token states, already {@link #prepare prepared}
     * @param b        evidence token states, prepared
     * @param features the pair's raw features (standardised here), length {@link #features()}
     */
    public double[] logits(float[][] a, float[][] b, float[] features) {
        if (a.length == 0 || b.length == 0) {
            throw new IllegalArgumentException("both texts need at least one token state");
        }
        double[][] pa = relu(affine(attendW, attendB, a));
        double[][] pb = relu(affine(attendW, attendB, b));
        int la = a.length;
        int lb = b.length;
        double[][] e = new double[la][lb];
        for (int i = 0; i < la; i++) {
            for (int j = 0; j < lb; j++) {
                double s = 0;
                for (int k = 0; k < pa[i].length; k++) {
                    s += pa[i][k] * pb[j][k];
                }
                e[i][j] = s;
            }
        }
        float[][] beta = new float[la][];
        for (int i = 0; i < la; i++) {
            beta[i] = mix(Calibration.softmax(e[i], 1.0), b);
        }
        float[][] alpha = new float[lb][];
        double[] column = new double[la];
        for (int j = 0; j < lb; j++) {
            for (int i = 0; i < la; i++) {
                column[i] = e[i][j];
            }
            alpha[j] = mix(Calibration.softmax(column, 1.0), a);
        }
        double[] va = side(a, beta);
        double[] vb = side(b, alpha);
        int u = va.length;
        int f = features();
        float[] x = new float[2 * u + f];
        for (int k = 0; k < u; k++) {
            x[k] = (float) va[k];
            x[u + k] = (float) vb[k];
        }
        for (int k = 0; k < f; k++) {
            x[2 * u + k] = (features[k] - featureMean[k]) / featureScale[k];
        }
        double[] h = relu(affine(hiddenW, hiddenB, new float[][] {x}))[0];
        float[] hf = new float[h.length];
        for (int k = 0; k < h.length; k++) {
            hf[k] = (float) h[k];
        }
        return affine(outputW, outputB, new float[][] {hf})[0];
    }

    /** Compares each token with its aligned vector and pools: [mean (units), max (units)]. */
    private double[] side(float[][] x, float[][] aligned) {
        int d = dimension();
        float[][] c = new float[x.length][4 * d];
        for (int t = 0; t < x.length; t++) {
            for (int k = 0; k < d; k++) {
                float p = x[t][k];
                float q = aligned[t][k];
                c[t][k] = p;
                c[t][d + k] = q;
                c[t][2 * d + k] = p - q;
                c[t][3 * d + k] = p * q;
            }
        }
        double[][] v = relu(affine(compareW, compareB, c));
        int u = compareB.length;
        double[] out = new double[2 * u];
        for (int k = 0; k < u; k++) {
            double sum = 0;
            double max = Double.NEGATIVE_INFINITY;
            for (double[] row : v) {
                sum += row[k];
                max = Math.max(max, row[k]);
            }
            out[k] = sum / v.length;
            out[u + k] = max;
        }
        return out;
    }

    private static double[][] affine(float[][] w, float[] bias, float[][] x) {
        double[][] out = new double[x.length][w.length];
        for (int t = 0; t < x.length; t++) {
            float[] row = x[t];
            for (int o = 0; o < w.length; o++) {
                float[] wo = w[o];
                double s = bias[o];
                for (int k = 0; k < wo.length; k++) {
                    s += wo[k] * row[k];
                }
                out[t][o] = s;
            }
        }
        return out;
    }

    private static double[][] relu(double[][] x) {
        for (double[] row : x) {
            for (int k = 0; k < row.length; k++) {
                row[k] = Math.max(0, row[k]);
            }
        }
        return x;
    }

    private static float[] mix(double[] weights, float[][] rows) {
        float[] out = new float[rows[0].length];
        for (int r = 0; r < rows.length; r++) {
            double w = weights[r];
            for (int k = 0; k < out.length; k++) {
                out[k] += (float) (w * rows[r][k]);
            }
        }
        return out;
    }

    /** Magic number that opens {@link #encode}'s format ("XAH1"). */
    private static final int MAGIC = 0x58414831;

    /**
     * Heads as compact binary: a magic number, the count, then per head {@code maxTokens} and each array in record
     * order (a vector as its length and values, a matrix as rows, columns and values; big-endian float32). Four bytes
     * a weight instead of JSON's ten or so characters; {@link #decode} gives back the same floats, bit for bit.
     */
    public static byte[] encode(java.util.List<CrossAttentionHead> heads) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeInt(heads.size());
            for (CrossAttentionHead h : heads) {
                out.writeInt(h.maxTokens);
                for (float[] v : new float[][] {h.tokenMean, h.tokenScale, h.featureMean, h.featureScale}) {
                    writeVector(out, v);
                }
                writeMatrix(out, h.attendW);
                writeVector(out, h.attendB);
                writeMatrix(out, h.compareW);
                writeVector(out, h.compareB);
                writeMatrix(out, h.hiddenW);
                writeVector(out, h.hiddenB);
                writeMatrix(out, h.outputW);
                writeVector(out, h.outputB);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * Reads {@link #encode}'s format.
     *
     * @throws IllegalArgumentException if the bytes are not in that format or end early
     */
    public static java.util.List<CrossAttentionHead> decode(byte[] bytes) {
        try (java.io.DataInputStream in = new java.io.DataInputStream(new java.io.ByteArrayInputStream(bytes))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a cross-attention weights file (no XAH1 header)");
            }
            int n = in.readInt();
            java.util.List<CrossAttentionHead> heads = new java.util.ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                heads.add(new CrossAttentionHead(in.readInt(), readVector(in), readVector(in), readVector(in),
                        readVector(in), readMatrix(in), readVector(in), readMatrix(in), readVector(in),
                        readMatrix(in), readVector(in), readMatrix(in), readVector(in)));
            }
            if (in.read() != -1) {
                throw new IllegalArgumentException("cross-attention weights file has bytes after its " + n + " heads");
            }
            return java.util.List.copyOf(heads);
        } catch (java.io.EOFException e) {
            throw new IllegalArgumentException("cross-attention weights file ends early");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void writeVector(java.io.DataOutputStream out, float[] v) throws java.io.IOException {
        out.writeInt(v.length);
        for (float x : v) {
            out.writeFloat(x);
        }
    }

    private static void writeMatrix(java.io.DataOutputStream out, float[][] m) throws java.io.IOException {
        out.writeInt(m.length);
        out.writeInt(m.length == 0 ? 0 : m[0].length);
        for (float[] row : m) {
            for (float x : row) {
                out.writeFloat(x);
            }
        }
    }

    private static float[] readVector(java.io.DataInputStream in) throws java.io.IOException {
        float[] v = new float[in.readInt()];
        for (int i = 0; i < v.length; i++) {
            v[i] = in.readFloat();
        }
        return v;
    }

    private static float[][] readMatrix(java.io.DataInputStream in) throws java.io.IOException {
        float[][] m = new float[in.readInt()][in.readInt()];
        for (float[] row : m) {
            for (int k = 0; k < row.length; k++) {
                row[k] = in.readFloat();
            }
        }
        return m;
    }
}
