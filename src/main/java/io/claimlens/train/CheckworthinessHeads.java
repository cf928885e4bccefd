package io.claimlens.train;

import io.claimlens.claims.detect.CheckworthinessModel;
import io.claimlens.ml.JavaMlp;
import io.claimlens.ml.SoftmaxRegression;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the check-worthiness head of a given design on an input matrix; shared by the trainer (cross-validation
 * and final fit) and by the ClaimBuster cross-validation of the benchmark, so that all fit exactly the same way.
 */
public final class CheckworthinessHeads {

    /**
     * How to fit a head.
     *
     * @param head      {@link CheckworthinessModel#SOFTMAX} or {@link CheckworthinessModel#MLP}
     * @param inputs    {@link CheckworthinessModel#EMBEDDING} or {@link CheckworthinessModel#EMBEDDING_FEATURES}
     * @param members   how many members, trained with seeds {@code seed, seed + 1, ...} (1: a single model)
     * @param epochs    training epochs
     * @param hidden    MLP hidden units (ignored by softmax regression)
     * @param posWeight loss weight of the positive class
     * @param seed      random seed of the first member
     */
    public record Spec(String head, String inputs, int members, int epochs, int hidden, double posWeight,
                       long seed) {

        public Spec withEpochs(int e) {
            return new Spec(head, inputs, members, e, hidden, posWeight, seed);
        }

        public Spec withPosWeight(double w) {
            return new Spec(head, inputs, members, epochs, hidden, w, seed);
        }
    }

    /** Receives the model after every epoch (all members trained to that epoch), for choosing the epoch count. */
    @FunctionalInterface
    public interface EpochListener {
        void epochDone(int epoch, CheckworthinessModel model);
    }

    private CheckworthinessHeads() {
    }

    /** Fits the head; its probability is the raw sigmoid of the margin (Platt a = 1, b = 0). */
    public static CheckworthinessModel fit(Spec s, double[][] x, int[] y) {
        return fit(s, x, y, null);
    }

    /**
     * Fits the head, reporting each epoch's model to {@code listener} (may be null). Members are trained one
     * after the other; the listener sees epoch e once every member has reached it.
     */
    public static CheckworthinessModel fit(Spec s, double[][] x, int[] y, EpochListener listener) {
        return fit(s, x, y, null, listener);
    }

    /**
     * Fits the head with a loss weight per row on top of the positive-class weight ({@code rowWeights} null: all 1,
     * the same model as without it), reporting each epoch's model to {@code listener} (may be null).
     */
    public static CheckworthinessModel fit(Spec s, double[][] x, int[] y, double[] rowWeights,
                                           EpochListener listener) {
        double[] cw = {1.0, s.posWeight()};
        int dim = CheckworthinessModel.embeddingDimension(s.inputs(), x[0].length);
        if (CheckworthinessModel.MLP.equals(s.head())) {
            List<List<JavaMlp>> byEpoch = new ArrayList<>();
            for (int e = 0; e < s.epochs(); e++) {
                byEpoch.add(new ArrayList<>());
            }
            List<JavaMlp> last = new ArrayList<>();
            for (int m = 0; m < s.members(); m++) {
                JavaMlp.Options o = JavaMlp.Options.defaults(s.seed() + m).withHidden(s.hidden()).withEpochs(s.epochs())
                        .withClassWeights(cw);
                last.add(JavaMlp.train(x, y, rowWeights, 2, o, listener == null ? null
                        : (epoch, snapshot) -> byEpoch.get(epoch - 1).add(snapshot)));
            }
            if (listener != null) {
                for (int e = 0; e < s.epochs(); e++) {
                    listener.epochDone(e + 1, CheckworthinessModel.ofMlps(s.inputs(), dim, byEpoch.get(e), 1, 0));
                }
            }
            return CheckworthinessModel.ofMlps(s.inputs(), dim, last, 1, 0);
        }
        List<SoftmaxRegression> lrs = new ArrayList<>();
        for (int m = 0; m < s.members(); m++) {
            lrs.add(SoftmaxRegression.train(x, y, rowWeights, 2, SoftmaxRegression.Options.defaults(s.seed() + m)
                    .withEpochs(s.epochs()).withClassWeights(cw)));
        }
        CheckworthinessModel model = CheckworthinessModel.ofRegressions(s.inputs(), dim, lrs, 1, 0);
        if (listener != null) {
            listener.epochDone(s.epochs(), model);
        }
        return model;
    }
}
