package io.claimlens.train;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ml.JavaMlp;
import io.claimlens.model.StanceResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * An in-domain evidence head: learns a dataset's own evidence-level labels (CLIMATE-FEVER labels each evidence
 * sentence SUPPORTS / REFUTES / NOT_ENOUGH_INFO) from the claims it is allowed to train on, and turns the
 * probabilities it gives a claim's evidence into claim-level features for the verdict classifier.
 *
 * <p>Why: the verdict recipe reads a general-purpose stance model, and on CLIMATE-FEVER that reading, not the
 * verdict classifier, limits it (benchmarks/RESULTS.md, 2026-12-02 fourth session). The dataset's evidence labels
 * say what its annotators meant by support and refutation.
 *
 * <p>Leakage rule: a claim's features always come from a head that never saw that claim's evidence.
 * {@link #features} trains one head on all allowed claims for the others, and, for the allowed claims themselves,
 * one head per inner fold (out-of-fold), so the verdict classifier is fitted on features as noisy as those it is
 * scored on. Deterministic for a seed.
 *
 * <p>Input of one (claim, evidence) pair: the claim and evidence embeddings' element-wise product and absolute
 * difference, the stance model's probabilities, and their cosine. Head: one-hidden-layer MLP (64 units, 10 epochs,
 * Adam), inverse-square-root class weights.
 */
public final class EvidenceLabelHead {

    /** The evidence labels, in the order of {@link Claim#labels()}'s indices and of the head's probabilities. */
    public static final List<String> LABELS = List.of("SUPPORTS", "REFUTES", "NOT_ENOUGH_INFO");

    /** Names of the claim-level features {@link #features} appends, in order. */
    public static final List<String> FEATURE_NAMES = List.of("evidence_head_max_supports",
            "evidence_head_max_refutes", "evidence_head_mean_supports", "evidence_head_mean_refutes",
            "evidence_head_min_of_max_supports_refutes");

    private static final int HIDDEN = 64;
    private static final int EPOCHS = 10;
    private static final int INNER_FOLDS = 4;

    /**
     * One claim's evidence pairs.
     *
     * @param x      one input per evidence sentence ({@link #pairInput})
     * @param labels the evidence labels, indices into {@link #LABELS}; read only for claims a head trains on
     */
    public record Claim(double[][] x, int[] labels) {
    }

    private EvidenceLabelHead() {
    }

    /** The input of one (claim, evidence) pair; the embeddings are the encoder's unit vectors. */
    public static double[] pairInput(float[] claim, float[] evidence, StanceResult stance) {
        double[] p = stance.probabilities().toArray();
        int d = claim.length;
        double[] x = new double[2 * d + p.length + 1];
        for (int k = 0; k < d; k++) {
            x[k] = claim[k] * evidence[k];
            x[d + k] = Math.abs(claim[k] - evidence[k]);
        }
        System.arraycopy(p, 0, x, 2 * d, p.length);
        x[x.length - 1] = SentenceEncoder.cosine(claim, evidence);
        return x;
    }

    /**
     * Claim-level features ({@link #FEATURE_NAMES}) for every claim: claims with {@code trainable[i]} get them from
     * heads trained on the other trainable claims of their inner fold; the rest from a head trained on all
     * trainable claims.
     */
    public static double[][] features(List<Claim> claims, boolean[] trainable, long seed) {
        int n = claims.size();
        double[][] out = new double[n][];
        int[] inner = new int[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            inner[i] = trainable[i] ? r.nextInt(INNER_FOLDS) : -1;
        }
        for (int k = -1; k < INNER_FOLDS; k++) {
            // k = -1: the head on all trainable claims, for the claims that are not trainable
            List<double[]> xs = new ArrayList<>();
            List<Integer> ys = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (trainable[i] && inner[i] != k) {
                    Claim c = claims.get(i);
                    for (int j = 0; j < c.x().length; j++) {
                        xs.add(c.x()[j]);
                        ys.add(c.labels()[j]);
                    }
                }
            }
            JavaMlp head = train(xs, ys, seed + 1 + k);
            for (int i = 0; i < n; i++) {
                if (k == -1 ? !trainable[i] : inner[i] == k) {
                    out[i] = aggregate(head, claims.get(i));
                }
            }
        }
        return out;
    }

    private static JavaMlp train(List<double[]> xs, List<Integer> ys, long seed) {
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        int[] count = new int[LABELS.size()];
        for (int v : y) {
            count[v]++;
        }
        double[] weights = new double[count.length];
        for (int c = 0; c < count.length; c++) {
            weights[c] = count[c] == 0 ? 1 : Math.sqrt(y.length / ((double) count.length * count[c]));
        }
        return JavaMlp.train(xs.toArray(new double[0][]), y, count.length, JavaMlp.Options.defaults(seed).withHidden(HIDDEN)
                .withEpochs(EPOCHS).withClassWeights(weights));
    }

    private static double[] aggregate(JavaMlp head, Claim c) {
        double maxS = 0;
        double maxR = 0;
        double sumS = 0;
        double sumR = 0;
        for (double[] x : c.x()) {
            double[] p = head.probabilities(x);
            maxS = Math.max(maxS, p[0]);
            maxR = Math.max(maxR, p[1]);
            sumS += p[0];
            sumR += p[1];
        }
        int m = Math.max(1, c.x().length);
        return new double[] {maxS, maxR, sumS / m, sumR / m, Math.min(maxS, maxR)};
    }
}
