package io.claimlens.train;

import io.claimlens.ml.Calibration;
import io.claimlens.ml.CrossAttentionHead;
import io.claimlens.ml.CrossAttentionNetwork;
import io.claimlens.ml.MlArrays;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A second reader of a dataset's evidence-level labels beside {@link EvidenceLabelHead}'s MLPs: decomposable
 * attention over the frozen encoder's token states of the claim and the evidence sentence, trained on the
 * in-domain labels. The MLPs see each text as one pooled vector; this head aligns the claim's word pieces with the
 * evidence's, and reads CLIMATE-FEVER's evidence labels differently enough that the mean of the two readers beats
 * either (out-of-fold over the 7,675 pairs: MLPs 0.6503 / 0.5189, this head 0.6208 / 0.5274, their mean 0.6645 /
 * 0.5379 accuracy / macro-F1; benchmarks/RESULTS.md, 2026-12-03 tenth session).
 *
 * <p>Leakage rule, with the benchmark's own folds: one head is trained for each pair of folds {a, b}, on the claims
 * of the other folds ({@code folds·(folds−1)/2} heads, ten for five folds). When fold f is held out, a training claim
 * of fold k is read by head {f, k} (it saw neither the claim nor fold f), and a claim of fold f by the mean of the
 * heads {f, k} over every k ≠ f (none saw fold f). That is stacking with the other folds as the inner folds, the
 * scheme {@link EvidenceLabelHead#features} follows for its MLPs, with each inner head shared by two outer folds:
 * half the training a per-fold scheme would need, and training is what this head costs (160–200 s a head on 2 cores).
 *
 * <p>Immutable once built; the readings are computed in {@link #fit}. Deterministic for a seed.
 */
public final class EvidenceAttentionHead {

    /** Trains a head on the claims marked true and returns its probabilities for every pair of every claim. */
    @FunctionalInterface
    public interface Trainer {
        /**
         * @param trainOn which claims' pairs (and labels) the head may learn from
         * @param seed    the head's seed
         * @return {@code [claim][pair][label]} probabilities, for every claim
         */
        double[][][] trainAndRead(boolean[] trainOn, long seed);
    }

    private final int[] fold;
    private final int folds;
    /** Readings of head {a, b} (a < b) at {@link #index}. */
    private final double[][][][] byHead;

    private EvidenceAttentionHead(int[] fold, int folds, double[][][][] byHead) {
        this.fold = fold.clone();
        this.folds = folds;
        this.byHead = byHead;
    }

    /**
     * Trains the {@code folds·(folds−1)/2} heads.
     *
     * @param fold  each claim's fold, in {@code 0 … folds−1}
     * @param seed  head {a, b} gets {@code seed + index(a, b)}
     * @param log   one line per head
     */
    public static EvidenceAttentionHead fit(int[] fold, int folds, long seed, Trainer trainer, PrintStream log) {
        if (folds < 3) {
            throw new IllegalArgumentException("need at least 3 folds (each head leaves out two), got " + folds);
        }
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] < 0 || fold[i] >= folds) {
                throw new IllegalArgumentException("claim " + i + ": fold " + fold[i] + " outside 0…" + (folds - 1));
            }
        }
        double[][][][] byHead = new double[folds * (folds - 1) / 2][][][];
        for (int a = 0; a < folds; a++) {
            for (int b = a + 1; b < folds; b++) {
                boolean[] trainOn = new boolean[fold.length];
                for (int i = 0; i < fold.length; i++) {
                    trainOn[i] = fold[i] != a && fold[i] != b;
                }
                long t0 = System.nanoTime();
                int h = index(a, b, folds);
                byHead[h] = trainer.trainAndRead(trainOn, seed + h);
                log.printf("  attention head %d of %d (without folds %d and %d): %.0f s%n", h + 1, byHead.length,
                        a + 1, b + 1, (System.nanoTime() - t0) / 1e9);
            }
        }
        return new EvidenceAttentionHead(fold, folds, byHead);
    }

    /**
     * Every claim's pair probabilities when fold {@code heldOut} is held out: a claim of another fold k from head
     * {heldOut, k}, a claim of the held-out fold from the mean of those heads.
     */
    public double[][][] readings(int heldOut) {
        double[][][] out = new double[fold.length][][];
        for (int i = 0; i < fold.length; i++) {
            if (fold[i] != heldOut) {
                out[i] = byHead[index(heldOut, fold[i], folds)][i];
                continue;
            }
            double[][] mean = null;
            for (int k = 0; k < folds; k++) {
                if (k == heldOut) {
                    continue;
                }
                double[][] p = byHead[index(heldOut, k, folds)][i];
                if (mean == null) {
                    mean = new double[p.length][p.length == 0 ? 0 : p[0].length];
                }
                for (int j = 0; j < p.length; j++) {
                    for (int l = 0; l < p[j].length; l++) {
                        mean[j][l] += p[j][l] / (folds - 1);
                    }
                }
            }
            out[i] = mean;
        }
        return out;
    }

    /** The position of head {a, b} (either order) among the {@code folds·(folds−1)/2}. */
    static int index(int a, int b, int folds) {
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        if (lo == hi) {
            throw new IllegalArgumentException("a head leaves out two different folds, got " + a + " twice");
        }
        return lo * folds - lo * (lo + 1) / 2 + (hi - lo - 1);
    }

    /**
     * The real trainer: one decomposable-attention head ({@link DjlCrossAttentionTrainer}) over token states.
     * Settings measured on CLIMATE-FEVER's evidence labels (scratch, 5 folds by claim): 200 units, the first 48 word
     * pieces of each text, 10 epochs with cosine decay (out-of-fold accuracy still rose from epoch 8 to 10), batches
     * of 64, AdamW 1e-3, weight decay 1e-4, dropout 0.2, inverse-square-root class weights as loss weights (as the
     * MLPs' class weights), token states alone.
     *
     * @param tokens   token states by text index
     * @param claimOf  each claim's text index
     * @param evidence each claim's evidence text indices
     * @param labels   each claim's evidence labels (indices into {@link EvidenceLabelHead#LABELS})
     */
    public static Trainer tokenStateTrainer(float[][][] tokens, int[] claimOf, int[][] evidence, int[][] labels) {
        int classes = EvidenceLabelHead.LABELS.size();
        return (trainOn, seed) -> {
            List<Integer> trained = new ArrayList<>();
            for (int i = 0; i < claimOf.length; i++) {
                if (trainOn[i]) {
                    for (int y : labels[i]) {
                        trained.add(y);
                    }
                }
            }
            double[] weights = MlArrays.inverseSqrtClassWeights(
                    trained.stream().mapToInt(Integer::intValue).toArray(), classes);
            List<DjlCrossAttentionTrainer.Bag> bags = new ArrayList<>();
            for (int i = 0; i < claimOf.length; i++) {
                if (!trainOn[i]) {
                    continue;
                }
                for (int j = 0; j < evidence[i].length; j++) {
                    int y = labels[i][j];
                    bags.add(new DjlCrossAttentionTrainer.Bag(new DjlCrossAttentionTrainer.Instance[] {
                        new DjlCrossAttentionTrainer.Instance(claimOf[i], evidence[i][j], new float[0])},
                            new float[] {1f}, y, (float) weights[y]));
                }
            }
            DjlCrossAttentionTrainer.Options o = new DjlCrossAttentionTrainer.Options(200, 10, 64, 1e-3f, 1e-4f,
                    0.2f, 48, seed, DjlCrossAttentionTrainer.Schedule.COSINE);
            CrossAttentionHead head = new DjlCrossAttentionTrainer().train(tokens, bags.size(), bags::get, classes, o,
                    new PrintStream(OutputStream.nullOutputStream()), null);
            List<float[][]> a = new ArrayList<>();
            List<float[][]> b = new ArrayList<>();
            List<float[]> none = new ArrayList<>();
            for (int i = 0; i < claimOf.length; i++) {
                for (int e : evidence[i]) {
                    a.add(tokens[claimOf[i]]);
                    b.add(tokens[e]);
                    none.add(new float[0]);
                }
            }
            double[][] logits;
            try (CrossAttentionNetwork net = CrossAttentionNetwork.of(head)) {
                logits = net.logits(a, b, none);
            }
            double[][][] out = new double[claimOf.length][][];
            int k = 0;
            for (int i = 0; i < claimOf.length; i++) {
                out[i] = new double[evidence[i].length][];
                for (int j = 0; j < evidence[i].length; j++) {
                    out[i][j] = Calibration.softmax(logits[k++], 1.0);
                }
            }
            return out;
        };
    }
}
