package io.claimlens.train;

import ai.djl.Model;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.DefaultTrainingConfig;
import ai.djl.training.GradientCollector;
import ai.djl.training.Trainer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.claimlens.embed.DjlEnvironment;
import io.claimlens.ml.MlArrays;
import io.claimlens.ml.Mlp;

import java.io.PrintStream;
import java.util.List;
import java.util.Random;

/**
 * Trains an {@link Mlp} with DJL's PyTorch engine on CPU, for multiple-instance data: each example is a bag of
 * feature vectors with fixed weights (a headline against the top sentences of a body), and the bag's logits are
 * the weighted sum of its instances' logits. A sentence pair is a bag of one.
 *
 * <p>Deterministic: one intra-op and one inter-op thread, the engine's seed set before parameters are created,
 * and a seeded Java shuffle; the same data and options give the same weights.
 */
public final class DjlMlpTrainer {

    static {
        DjlEnvironment.init();
        // Before the PyTorch engine starts: one thread each, so float sums run in one order.
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
    }

    /** One training example: instance features [k][d], instance weights [k] summing to 1, label, loss weight. */
    public record Bag(float[][] features, float[] weights, int label, float lossWeight) {
    }

    /** Options; {@code hidden = 0} trains a linear model. */
    public record Options(int hidden, int epochs, int batchSize, float learningRate, float weightDecay,
                          float dropout, long seed) {
    }

    /** Trains on materialised bags. */
    public Mlp train(List<Bag> bags, int classes, Options o, PrintStream log) {
        return train(bags.size(), bags::get, classes, o, log);
    }

    /**
     * Trains and returns the weights, with the standardisation computed from the training instances. Bags are
     * produced on demand by {@code bagAt} (features can be computed from embeddings each time instead of being held
     * in memory); it must return the same bag for the same index.
     */
    public Mlp train(int size, java.util.function.IntFunction<Bag> bagAt, int classes, Options o, PrintStream log) {
        List<Bag> bags = new java.util.AbstractList<>() {
            @Override
            public Bag get(int index) {
                return bagAt.apply(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
        Engine engine = Engine.getEngine("PyTorch");
        engine.setRandomSeed((int) o.seed());
        int d = bags.get(0).features()[0].length;
        int k = 0;
        for (Bag b : bags) {
            k = Math.max(k, b.features().length);
        }
        float[] mean = new float[d];
        float[] scale = new float[d];
        standardisation(bags, mean, scale);

        SequentialBlock block = new SequentialBlock();
        if (o.hidden() > 0) {
            block.add(Linear.builder().setUnits(o.hidden()).build()).add(Activation::relu);
            if (o.dropout() > 0) {
                block.add(Dropout.builder().optRate(o.dropout()).build());
            }
        }
        block.add(Linear.builder().setUnits(classes).build());
        try (Model model = Model.newInstance("mlp", "PyTorch");
             NDManager manager = NDManager.newBaseManager("PyTorch")) {
            model.setBlock(block);
            DefaultTrainingConfig cfg = new DefaultTrainingConfig(Loss.softmaxCrossEntropyLoss())
                    .optOptimizer(Optimizer.adamW().optLearningRateTracker(Tracker.fixed(o.learningRate()))
                            .optWeightDecays(o.weightDecay()).build())
                    .optInitializer(new XavierInitializer(), Parameter.Type.WEIGHT);
            Random rnd = new Random(o.seed());
            int[] order = new int[bags.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            try (Trainer trainer = model.newTrainer(cfg)) {
                trainer.initialize(new Shape(1, d));
                for (int epoch = 0; epoch < o.epochs(); epoch++) {
                    MlArrays.shuffle(order, rnd);
                    double lossSum = 0;
                    int batches = 0;
                    for (int from = 0; from < order.length; from += o.batchSize()) {
                        int to = Math.min(order.length, from + o.batchSize());
                        try (NDManager sub = manager.newSubManager()) {
                            lossSum += step(trainer, sub, bags, order, from, to, k, d, classes, mean, scale);
                            batches++;
                        }
                    }
                    log.printf("  epoch %d/%d  loss %.4f%n", epoch + 1, o.epochs(), lossSum / Math.max(1, batches));
                }
            }
            return export(block, mean, scale, o.hidden() > 0);
        }
    }

    private static double step(Trainer trainer, NDManager sub, List<Bag> bags, int[] order, int from, int to, int k,
                               int d, int classes, float[] mean, float[] scale) {
        int b = to - from;
        float[] x = new float[b * k * d];
        float[] w = new float[b * k];
        float[] y = new float[b];
        float[] lw = new float[b];
        for (int i = 0; i < b; i++) {
            Bag bag = bags.get(order[from + i]);
            for (int j = 0; j < bag.features().length; j++) {
                float[] f = bag.features()[j];
                int base = (i * k + j) * d;
                for (int t = 0; t < d; t++) {
                    x[base + t] = (f[t] - mean[t]) / scale[t];
                }
                w[i * k + j] = bag.weights()[j];
            }
            y[i] = bag.label();
            lw[i] = bag.lossWeight();
        }
        NDArray xs = sub.create(x, new Shape((long) b * k, d));
        NDArray ws = sub.create(w, new Shape(b, k, 1));
        NDArray ys = sub.create(y, new Shape(b));
        NDArray lws = sub.create(lw, new Shape(b));
        double loss;
        try (GradientCollector gc = trainer.newGradientCollector()) {
            NDArray logits = trainer.forward(new NDList(xs)).singletonOrThrow().reshape(b, k, classes);
            NDArray bagLogits = logits.mul(ws).sum(new int[] {1});
            NDArray logp = bagLogits.logSoftmax(1);
            NDArray picked = logp.mul(ys.oneHot(classes)).sum(new int[] {1});
            NDArray nll = picked.neg().mul(lws).sum().div(lws.sum());
            gc.backward(nll);
            loss = nll.getFloat();
        }
        trainer.step();
        return loss;
    }

    private static void standardisation(List<Bag> bags, float[] mean, float[] scale) {
        int d = mean.length;
        double[] s = new double[d];
        double[] s2 = new double[d];
        long n = 0;
        for (Bag b : bags) {
            for (float[] f : b.features()) {
                for (int t = 0; t < d; t++) {
                    s[t] += f[t];
                    s2[t] += (double) f[t] * f[t];
                }
                n++;
            }
        }
        for (int t = 0; t < d; t++) {
            double m = s[t] / n;
            double v = s2[t] / n - m * m;
            mean[t] = (float) m;
            scale[t] = v > 1e-12 ? (float) Math.sqrt(v) : 1f;
        }
    }

    private static Mlp export(SequentialBlock block, float[] mean, float[] scale, boolean hidden) {
        ai.djl.nn.ParameterList params = block.getParameters();
        float[][] w1 = new float[0][];
        float[] b1 = new float[0];
        int i = 0;
        if (hidden) {
            w1 = matrix(params.valueAt(i++).getArray());
            b1 = params.valueAt(i++).getArray().toFloatArray();
        }
        float[][] w2 = matrix(params.valueAt(i++).getArray());
        float[] b2 = params.valueAt(i).getArray().toFloatArray();
        return new Mlp(mean, scale, w1, b1, w2, b2);
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
