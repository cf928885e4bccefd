package io.claimlens.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature vector the stance head reads for one (claim, evidence) pair.
 *
 * <p>Layout {@value #LAYOUT_VERSION} (fixed; a model records the layout it was trained on and the engine refuses a
 * mismatch): {@code [u (d), v (d), |u-v| (d), u*v (d), cosine, jaccard, claim coverage, evidence coverage,
 * negations in evidence (capped at 3), negations in claim (capped at 3), negation in evidence only, negation in
 * claim only, numbers shared, numbers conflicting, hedges in evidence (capped at 3), log length ratio]} where u and v
 * are the unit-length embeddings of claim and evidence.
 */
public final class StanceFeatures {

    public static final int LAYOUT_VERSION = 2;
    public static final int SCALARS = 12;

    private StanceFeatures() {
    }

    public static int size(int dimension) {
        return 4 * dimension + SCALARS;
    }

    public static double[] compute(float[] u, float[] v, TextFeatures claim, TextFeatures evidence) {
        float[] f = computeFloat(u, v, claim, evidence);
        double[] x = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            x[i] = f[i];
        }
        return x;
    }

    /** The same vector as floats, for training on many pairs. */
    public static float[] computeFloat(float[] u, float[] v, TextFeatures claim, TextFeatures evidence) {
        int d = u.length;
        float[] x = new float[size(d)];
        double cos = 0;
        for (int i = 0; i < d; i++) {
            x[i] = u[i];
            x[d + i] = v[i];
            x[2 * d + i] = Math.abs(u[i] - v[i]);
            x[3 * d + i] = u[i] * v[i];
            cos += u[i] * v[i];
        }
        int k = 4 * d;
        x[k++] = (float) cos;
        x[k++] = (float) claim.jaccard(evidence);
        x[k++] = (float) claim.coveredBy(evidence);
        x[k++] = (float) evidence.coveredBy(claim);
        x[k++] = Math.min(evidence.negations(), 3);
        x[k++] = Math.min(claim.negations(), 3);
        x[k++] = evidence.negations() > 0 && claim.negations() == 0 ? 1 : 0;
        x[k++] = claim.negations() > 0 && evidence.negations() == 0 ? 1 : 0;
        boolean shared = false;
        for (String n : claim.numbers()) {
            if (evidence.numbers().contains(n)) {
                shared = true;
                break;
            }
        }
        x[k++] = shared ? 1 : 0;
        x[k++] = !shared && !claim.numbers().isEmpty() && !evidence.numbers().isEmpty() ? 1 : 0;
        x[k++] = Math.min(evidence.hedges(), 3);
        x[k++] = (float) Math.log((1.0 + evidence.words()) / (1.0 + claim.words()));
        return x;
    }

    /** The last {@value #SCALARS} entries of a feature vector: the lexical scalars without the sentence vectors. */
    public static float[] scalars(float[] features) {
        return java.util.Arrays.copyOfRange(features, features.length - SCALARS, features.length);
    }

    public static List<String> names(int dimension) {
        List<String> n = new ArrayList<>();
        for (String part : List.of("u_", "v_", "absdiff_", "prod_")) {
            for (int i = 0; i < dimension; i++) {
                n.add(part + i);
            }
        }
        n.addAll(List.of("cosine", "jaccard", "claim_coverage", "evidence_coverage", "negations_evidence",
                "negations_claim", "negation_evidence_only", "negation_claim_only", "numbers_shared",
                "numbers_conflict", "hedges", "log_length_ratio"));
        return n;
    }
}
