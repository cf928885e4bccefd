package io.claimlens.train;

import io.claimlens.embed.SentenceEncoder;
import io.claimlens.ml.JavaMlp;
import io.claimlens.ml.MlArrays;
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
 * <p>Leakage rule: a claim's features always come from heads that never saw that claim's evidence.
 * {@link #features} trains heads per inner fold of the allowed claims; an allowed claim is read by the heads of
 * its own inner fold (out-of-fold), every other claim by the mean of those heads' probabilities. So the verdict
 * classifier is scored on features made by heads as strong as those that made its training features: a head trained
 * on all allowed claims reads a claim more sharply than the heads its training features came from, and the verdict
 * classifier, fitted on the weaker readings, is then under-confident (benchmarks/RESULTS.md, 2026-12-02 seventh
 * session). Deterministic for a seed.
 *
 * <p>Input of one (claim, evidence) pair ({@link #pairInput}): for each encoder's view, the claim and evidence
 * embeddings' element-wise product and absolute difference; the stance model's probabilities; and each view's
 * cosine. Head: one-hidden-layer MLP (64 units, 10 epochs, Adam), inverse-square-root class weights; three per inner
 * fold, differently seeded, averaged.
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
     * Heads per inner fold, differently seeded, their probabilities averaged: an MLP's reading of ~4,600 pairs varies
     * with its initialisation, and the mean of three reads the evidence better (out-of-fold accuracy / macro-F1 0.6436
     * / 0.5014 against 0.6280 / 0.4936 for one; benchmarks/RESULTS.md, 2026-12-02 seventh session).
     */
    private static final int MEMBERS = 3;

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

    /**
     * The input of one (claim, evidence) pair, from one or more encoders' views of it (unit vectors; the same
     * encoders, in the same order, for every pair a head reads).
     *
     * @param claimViews    the claim's embedding by each encoder
     * @param evidenceViews the evidence sentence's embedding by the same encoders
     */
    public static double[] pairInput(List<float[]> claimViews, List<float[]> evidenceViews, StanceResult stance) {
        if (claimViews.isEmpty() || claimViews.size() != evidenceViews.size()) {
            throw new IllegalArgumentException("need the same one or more views of the claim and of the evidence");
        }
        double[] p = stance.probabilities().toArray();
        int width = 0;
        for (float[] v : claimViews) {
            width += 2 * v.length;
        }
        double[] x = new double[width + p.length + claimViews.size()];
        int k = 0;
        for (int v = 0; v < claimViews.size(); v++) {
            float[] claim = claimViews.get(v);
            float[] evidence = evidenceViews.get(v);
            for (int d = 0; d < claim.length; d++) {
                x[k + d] = claim[d] * evidence[d];
                x[k + claim.length + d] = Math.abs(claim[d] - evidence[d]);
            }
            k += 2 * claim.length;
        }
        System.arraycopy(p, 0, x, k, p.length);
        k += p.length;
        for (int v = 0; v < claimViews.size(); v++) {
            x[k + v] = SentenceEncoder.cosine(claimViews.get(v), evidenceViews.get(v));
        }
        return x;
    }

    /**
     * Claim-level features ({@link #FEATURE_NAMES}) for every claim: claims with {@code trainable[i]} get them from
     * the heads of their inner fold, trained on the other trainable claims; the rest from the mean of all the inner
     * heads' probabilities.
     */
    public static double[][] features(List<Claim> claims, boolean[] trainable, long seed) {
        return features(claims, trainable, seed, null);
    }

    /**
     * As {@link #features(List, boolean[], long)}, with each pair's probabilities the mean of these heads' and a
     * second reader's ({@code [claim][pair][label]}, e.g. {@link EvidenceAttentionHead#readings}), which must follow
     * the same leakage rule: a trainable claim read by heads that never saw it, and none that saw the others.
     *
     * @param otherReader the second reader's probabilities, or null for these heads alone
     */
    public static double[][] features(List<Claim> claims, boolean[] trainable, long seed, double[][][] otherReader) {
        int n = claims.size();
        if (otherReader != null && otherReader.length != n) {
            throw new IllegalArgumentException("the second reader has " + otherReader.length + " claims, not " + n);
        }
        int[] inner = new int[n];
        Random r = new Random(seed);
        for (int i = 0; i < n; i++) {
            inner[i] = trainable[i] ? r.nextInt(INNER_FOLDS) : -1;
        }
        double[][][] probs = new double[n][][];
        for (int k = 0; k < INNER_FOLDS; k++) {
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
            for (int e = 0; e < MEMBERS; e++) {
                JavaMlp head = train(xs, ys, seed + 1 + k + 1000L * e);
                for (int i = 0; i < n; i++) {
                    if (inner[i] == k) {
                        probs[i] = addProbabilities(head, claims.get(i), probs[i], MEMBERS);
                    } else if (!trainable[i]) {
                        probs[i] = addProbabilities(head, claims.get(i), probs[i], INNER_FOLDS * MEMBERS);
                    }
                }
            }
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            out[i] = aggregate(otherReader == null ? probs[i] : mean(probs[i], otherReader[i], i));
        }
        return out;
    }

    /** {@code sum} (new if null) plus the head's probabilities for each of the claim's pairs, divided by {@code of}. */
    private static double[][] addProbabilities(JavaMlp head, Claim c, double[][] sum, int of) {
        double[][] out = sum != null ? sum : new double[c.x().length][LABELS.size()];
        for (int j = 0; j < c.x().length; j++) {
            double[] p = head.probabilities(c.x()[j]);
            for (int l = 0; l < p.length; l++) {
                out[j][l] += p[l] / of;
            }
        }
        return out;
    }

    private static JavaMlp train(List<double[]> xs, List<Integer> ys, long seed) {
        int[] y = ys.stream().mapToInt(Integer::intValue).toArray();
        return JavaMlp.train(xs.toArray(new double[0][]), y, LABELS.size(), JavaMlp.Options.defaults(seed)
                .withHidden(HIDDEN).withEpochs(EPOCHS).withClassWeights(
                        MlArrays.inverseSqrtClassWeights(y, LABELS.size())));
    }

    /** The element-wise mean of two readings of claim {@code i}'s pairs. */
    private static double[][] mean(double[][] a, double[][] b, int i) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("claim " + i + ": the second reader has " + b.length
                    + " evidence pairs, not " + a.length);
        }
        double[][] out = new double[a.length][];
        for (int j = 0; j < a.length; j++) {
            out[j] = new double[a[j].length];
            for (int l = 0; l < a[j].length; l++) {
                out[j][l] = (a[j][l] + b[j][l]) / 2;
            }
        }
        return out;
    }

    /** The claim-level features from the probabilities of each of a claim's evidence pairs. */
    private static double[] aggregate(double[][] probabilities) {
        double maxS = 0;
        double maxR = 0;
        double sumS = 0;
        double sumR = 0;
        for (double[] p : probabilities) {
            maxS = Math.max(maxS, p[0]);
            maxR = Math.max(maxR, p[1]);
            sumS += p[0];
            sumR += p[1];
        }
        int m = Math.max(1, probabilities.length);
        return new double[] {maxS, maxR, sumS / m, sumR / m, Math.min(maxS, maxR)};
    }
}
