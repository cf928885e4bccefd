package io.claimlens.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.claimlens.embed.DjlEnvironment;
import io.claimlens.ml.CrossAttentionBlock;
import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.MlArrays;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.function.ObjIntConsumer;

/**
 * Trains a {@link CrossAttentionHead} with DJL's PyTorch engine on CPU over frozen token states, for
 * multiple-instance data as {@link DjlMlpTrainer} does: a bag's logits are the weighted sum of its instances' (a
 * headline against the top sentences of a body); a sentence pair is a bag of one.
 *
 * <p>Deterministic: one intra-op and one inter-op thread, the engine's seed set before parameters are created, and
 * a seeded Java shuffle; the same token states, bags and options give the same weights.
 */
public final class DjlCrossAttentionTrainer {

    static {
        DjlEnvironment.init();
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** One (claim, evidence) pair: indices into the token-state table and the pair's features. */
    public record Instance(int claim, int evidence, float[] features) {
    }

    /** A training example: instances, their weights (summing to 1), the label and a loss weight. */
    public record Bag(Instance[] instances, float[] weights, int label, float lossWeight) {
    }

    /**
     * Options.
     *
     * @param units     width of the attention, comparison and hidden layers
     * @param maxTokens token states kept per text (the first ones)
     */
    public record Options(int units, int epochs, int batchSize, float learningRate, float weightDecay, float dropout,
                          int maxTokens, long seed, Schedule schedule) {

        /** Options with a fixed learning rate. */
        public Options(int units, int epochs, int batchSize, float learningRate, float weightDecay, float dropout,
                       int maxTokens, long seed) {
            this(units, epochs, batchSize, learningRate, weightDecay, dropout, maxTokens, seed, Schedule.FIXED);
        }
    }

    /** How the learning rate moves over the run. */
    public enum Schedule {
        /** The same rate throughout. */
        FIXED,
        /** Cosine decay from the rate to zero over all the run's updates: late epochs move the weights less, so
         *  the epoch-to-epoch swing of a held-out reading narrows. */
        COSINE
    }

    /**
     * Trains and returns the head, with token and feature standardisation computed from the training bags' texts
     * and instances only.
     *
     * @param tokens     raw token states by text index ({@code [text][token][d]}); only indices the bags name are read
     * @param bagAt      the training bags, by index; the same bag for the same index
     * @param afterEpoch called with the head as it stands after each epoch (for a held-out reading), may be null
     */
    public CrossAttentionHead train(float[][][] tokens, int size, IntFunction<Bag> bagAt, int classes, Options o,
                                    PrintStream log, ObjIntConsumer<CrossAttentionHead> afterEpoch) {
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) o.seed());
        int d = -1;
        int f = -1;
        boolean[] used = new boolean[tokens.length];
        for (int i = 0; i < size; i++) {
            for (Instance in : bagAt.apply(i).instances()) {
                used[in.claim()] = true;
                used[in.evidence()] = true;
                f = in.features().length;
            }
        }
        double[] s = null;
        double[] s2 = null;
        long n = 0;
        for (int t = 0; t < tokens.length; t++) {
            if (!used[t]) {
                continue;
            }
            float[][] st = tokens[t];
            if (s == null) {
                d = st[0].length;
                s = new double[d];
                s2 = new double[d];
            }
            for (int r = 0; r < Math.min(st.length, o.maxTokens()); r++) {
                for (int k = 0; k < d; k++) {
                    s[k] += st[r][k];
                    s2[k] += (double) st[r][k] * st[r][k];
                }
                n++;
            }
        }
        float[] tokenMean = new float[d];
        float[] tokenScale = new float[d];
        moments(s, s2, n, tokenMean, tokenScale);
        double[] fs = new double[f];
        double[] fs2 = new double[f];
        long fn = 0;
        for (int i = 0; i < size; i++) {
            for (Instance in : bagAt.apply(i).instances()) {
                for (int k = 0; k < f; k++) {
                    fs[k] += in.features()[k];
                    fs2[k] += (double) in.features()[k] * in.features()[k];
                }
                fn++;
            }
        }
        float[] featureMean = new float[f];
        float[] featureScale = new float[f];
        moments(fs, fs2, fn, featureMean, featureScale);
        Norm norm = new Norm(tokenMean, tokenScale, featureMean, featureScale, o.maxTokens());

        CrossAttentionBlock block = new CrossAttentionBlock(o.units(), classes, o.dropout());
        try (Model model = Model.newInstance("cross-attention", "PyTorch");
             NDManager manager = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(learningRate(o, size))
                            .optWeightDecays(o.weightDecay()).build())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            Random rnd = new Random(o.seed());
            int[] order = new int[size];
            for (int i = 0; i < size; i++) {
                order[i] = i;
            }
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(1, 2, d), new Shape(1, 2, d), new Shape(1, 2), new Shape(1, 2),
                        new Shape(1, f));
                for (int epoch = 0; epoch < o.epochs(); epoch++) {
                    long t0 = System.nanoTime();
                    MlArrays.shuffle(order, rnd);
                    bucketByLength(order, o.batchSize() * BUCKET_BATCHES, bagAt, tokens, o.maxTokens());
                    double lossSum = 0;
                    int batches = 0;
                    for (int from = 0; from < size; from += o.batchSize()) {
                        int to = Math.min(size, from + o.batchSize());
                        Bag[] batch = new Bag[to - from];
                        for (int i = from; i < to; i++) {
                            batch[i - from] = bagAt.apply(order[i]);
                        }
                        try (NDManager sub = manager.newSubManager()) {
                            lossSum += step(trainer, sub, batch, tokens, norm, classes);
                            batches++;
                        }
                        if (batches % 200 == 0) {
                            log.printf("    %,d / %,d bags%n", to, size);
                        }
                    }
                    CrossAttentionHead head = export(block, norm);
                    log.printf("  epoch %d/%d  loss %.4f  (%.0f s)%n", epoch + 1, o.epochs(),
                            lossSum / Math.max(1, batches), (System.nanoTime() - t0) / 1e9);
                    if (afterEpoch != null) {
                        afterEpoch.accept(head, epoch + 1);
                    }
                }
            }
            return export(block, norm);
        }
    }

    private static Tracker learningRate(Options o, int size) {
        return switch (o.schedule()) {
            case FIXED -> Tracker.fixed(o.learningRate());
            case COSINE -> Tracker.cosine().setBaseValue(o.learningRate()).optFinalValue(0f)
                    .setMaxUpdates(o.epochs() * ((size + o.batchSize() - 1) / o.batchSize())).build();
        };
    }

    /**
     * Batches per length bucket: within each run of this many batches (after the shuffle) bags are ordered by their
     * longest evidence, so a batch pads to similar lengths; the shuffle still decides which bags share a run.
     */
    static final int BUCKET_BATCHES = 50;

    private static void bucketByLength(int[] order, int window, IntFunction<Bag> bagAt, float[][][] tokens,
                                       int maxTokens) {
        for (int from = 0; from < order.length; from += window) {
            int to = Math.min(order.length, from + window);
            Integer[] run = new Integer[to - from];
            int[] length = new int[to - from];
            for (int i = from; i < to; i++) {
                run[i - from] = i - from;
                int longest = 0;
                for (Instance in : bagAt.apply(order[i]).instances()) {
                    longest = Math.max(longest, Math.min(maxTokens, tokens[in.evidence()].length));
                }
                length[i - from] = longest;
            }
            java.util.Arrays.sort(run, java.util.Comparator.comparingInt((Integer k) -> length[k])
                    .thenComparingInt(k -> k));
            int[] copy = java.util.Arrays.copyOfRange(order, from, to);
            for (int k = 0; k < run.length; k++) {
                order[from + k] = copy[run[k]];
            }
        }
    }

    private record Norm(float[] tokenMean, float[] tokenScale, float[] featureMean, float[] featureScale,
                        int maxTokens) {
    }

    private static void moments(double[] s, double[] s2, long n, float[] mean, float[] scale) {
        for (int k = 0; k < mean.length; k++) {
            double m = s[k] / Math.max(1, n);
            double v = s2[k] / Math.max(1, n) - m * m;
            mean[k] = (float) m;
            scale[k] = v > 1e-12 ? (float) Math.sqrt(v) : 1f;
        }
    }

    private static double step(Trainer trainer, NDManager sub, Bag[] batch, float[][][] tokens, Norm norm,
                               int classes) {
        int instances = 0;
        for (Bag b : batch) {
            instances += b.instances().length;
        }
        int[] claims = new int[instances];
        int[] evidence = new int[instances];
        float[][] feats = new float[instances][];
        float[] bagWeights = new float[batch.length * instances];
        float[] y = new float[batch.length];
        float[] lw = new float[batch.length];
        int r = 0;
        for (int i = 0; i < batch.length; i++) {
            Bag b = batch[i];
            for (int j = 0; j < b.instances().length; j++) {
                claims[r] = b.instances()[j].claim();
                evidence[r] = b.instances()[j].evidence();
                feats[r] = b.instances()[j].features();
                bagWeights[i * instances + r] = b.weights()[j];
                r++;
            }
            y[i] = b.label();
            lw[i] = b.lossWeight();
        }
        NDList x = inputs(sub, claims, evidence, feats, tokens, norm);
        NDArray pool = sub.create(bagWeights, new Shape(batch.length, instances));
        NDArray ys = sub.create(y, new Shape(batch.length));
        NDArray lws = sub.create(lw, new Shape(batch.length));
        double loss;
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(x).singletonOrThrow();          // [instances, classes]
            NDArray bagLogits = pool.matMul(logits);                          // [bags, classes]
            NDArray picked = bagLogits.logSoftmax(1).mul(ys.oneHot(classes)).sum(new int[] {1});
            NDArray nll = picked.neg().mul(lws).sum().div(lws.sum());
            gc.backward(nll);
            loss = nll.getFloat();
        }
        trainer.step();
        return loss;
    }

    /** Padded, standardised inputs for the block: claim states, evidence states, masks, standardised features. */
    private static NDList inputs(NDManager m, int[] claims, int[] evidence, float[][] feats, float[][][] tokens,
                                 Norm norm) {
        int b = claims.length;
        int d = norm.tokenMean().length;
        int la = 0;
        int lb = 0;
        for (int i = 0; i < b; i++) {
            la = Math.max(la, Math.min(tokens[claims[i]].length, norm.maxTokens()));
            lb = Math.max(lb, Math.min(tokens[evidence[i]].length, norm.maxTokens()));
        }
        float[] xa = new float[b * la * d];
        float[] xb = new float[b * lb * d];
        float[] ma = new float[b * la];
        float[] mb = new float[b * lb];
        int f = norm.featureMean().length;
        float[] xf = new float[b * f];
        for (int i = 0; i < b; i++) {
            fill(tokens[claims[i]], xa, ma, i, la, d, norm);
            fill(tokens[evidence[i]], xb, mb, i, lb, d, norm);
            for (int k = 0; k < f; k++) {
                xf[i * f + k] = (feats[i][k] - norm.featureMean()[k]) / norm.featureScale()[k];
            }
        }
        return new NDList(m.create(xa, new Shape(b, la, d)), m.create(xb, new Shape(b, lb, d)),
                m.create(ma, new Shape(b, la)), m.create(mb, new Shape(b, lb)), m.create(xf, new Shape(b, f)));
    }

    private static void fill(float[][] st, float[] x, float[] mask, int i, int len, int d, Norm norm) {
        int n = Math.min(st.length, norm.maxTokens());
        for (int t = 0; t < n; t++) {
            int base = (i * len + t) * d;
            for (int k = 0; k < d; k++) {
                x[base + k] = (st[t][k] - norm.tokenMean()[k]) / norm.tokenScale()[k];
            }
            mask[i * len + t] = 1f;
        }
    }

    private static CrossAttentionHead export(CrossAttentionBlock block, Norm norm) {
        ai.djl.nn.ParameterList p = block.getParameters();
        // child blocks in the order they were added: attend, compare, hidden, output; each weight then bias
        float[][] attendW = matrix(p.valueAt(0).getArray());
        float[] attendB = p.valueAt(1).getArray().toFloatArray();
        float[][] compareW = matrix(p.valueAt(2).getArray());
        float[] compareB = p.valueAt(3).getArray().toFloatArray();
        float[][] hiddenW = matrix(p.valueAt(4).getArray());
        float[] hiddenB = p.valueAt(5).getArray().toFloatArray();
        float[][] outputW = matrix(p.valueAt(6).getArray());
        float[] outputB = p.valueAt(7).getArray().toFloatArray();
        return new CrossAttentionHead(norm.maxTokens(), norm.tokenMean(), norm.tokenScale(), norm.featureMean(),
                norm.featureScale(), attendW, attendB, compareW, compareB, hiddenW, hiddenB, outputW, outputB);
    }

    private static float[][] matrix(NDArray a) {
        long[] s = a.getShape().getShape();
        float[] flat = a.toFloatArray();
        float[][] m = new float[(int) s[0]][(int) s[1]];
        for (int r = 0; r < s[0]; r++) {
            System.arraycopy(flat, (int) (r * s[1]), m[r], 0, (int) s[1]);
        }
        return m;
    }
}
