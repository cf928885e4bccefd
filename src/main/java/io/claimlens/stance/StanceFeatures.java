package io.claimlens.stance;

import java.util.ArrayList;
import java.util.List;

/**
 * The feature vector the stance head reads for one (claim, evidence) pair.
 *
 * <p>Layout (fixed; a model stores the layout version it was trained with):
 * {@code [|u-v| (d), u*v (d), cosine, jaccard, claim coverage, evidence coverage, negation in evidence only,
 * negation in claim only, numbers shared, numbers conflicting, hedges in evidence, log length ratio]} where u and v
 * are the unit-length embeddings of claim and evidence.
 */
public final class StanceFeatures {

    /** Bump when the layout changes; models record it and the engine refuses a mismatch. */
    public static final int LAYOUT_VERSION = 1;
    public static final int SCALARS = 10;

    private StanceFeatures() {
    }

    public static int size(int dimension) {
        return 2 * dimension + SCALARS;
    }

    public static double[] compute(float[] u, float[] v, TextFeatures claim, TextFeatures evidence) {
        int d = u.length;
        double[] x = new double[size(d)];
        double cos = 0;
        for (int i = 0; i < d; i++) {
            x[i] = Math.abs(u[i] - v[i]);
            x[d + i] = u[i] * v[i];
            cos += u[i] * v[i];
        }
        int k = 2 * d;
        x[k++] = cos;
        x[k++] = claim.jaccard(evidence);
        x[k++] = claim.coveredBy(evidence);
        x[k++] = evidence.coveredBy(claim);
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
        x[k++] = Math.log((1.0 + evidence.words()) / (1.0 + claim.words()));
        return x;
    }

    public static List<String> names(int dimension) {
        List<String> n = new ArrayList<>();
        for (int i = 0; i < dimension; i++) {
            n.add("absdiff_" + i);
        }
        for (int i = 0; i < dimension; i++) {
            n.add("prod_" + i);
        }
        n.addAll(List.of("cosine", "jaccard", "claim_coverage", "evidence_coverage", "negation_evidence_only",
                "negation_claim_only", "numbers_shared", "numbers_conflict", "hedges", "log_length_ratio"));
        return n;
    }
}
