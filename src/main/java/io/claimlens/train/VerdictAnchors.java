package io.claimlens.train;

import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Distribution;
import io.claimlens.model.Evidence;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.StanceResult;
import io.claimlens.model.VerdictLabel;
import io.claimlens.verdict.VerdictFeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Synthetic, clear-cut verdict examples that state what any verdict model must respect: evidence that clearly
 * supports gives TRUE, clearly refutes gives FALSE, strong evidence both ways gives PARTIALLY_TRUE, and evidence
 * that bears on nothing gives UNVERIFIABLE.
 *
 * <p>Why: public verdict data is small and its evidence passes through an imperfect stance model, so a model fit
 * on it alone can learn that refuting evidence raises TRUE. The anchors are generated (seeded) as stance
 * distributions, not text, and are a minority of the training rows; reported metrics are computed on real data
 * only.
 */
final class VerdictAnchors {

    private VerdictAnchors() {
    }

    record Anchor(double[] features, int label) {
    }

    static List<Anchor> generate(int perScenario, long seed) {
        Random r = new Random(seed);
        Claim claim = new Claim("anchor", "anchor", List.of(), null, false, List.of(), ClaimType.FACTUAL);
        List<Anchor> out = new ArrayList<>();
        for (int i = 0; i < perScenario; i++) {
            out.add(anchor(claim, r, 1, 0, VerdictLabel.TRUE));
            out.add(anchor(claim, r, 0, 1, VerdictLabel.FALSE));
            out.add(anchor(claim, r, 1, 1, VerdictLabel.PARTIALLY_TRUE));
            out.add(anchor(claim, r, 0, 0, VerdictLabel.UNVERIFIABLE));
        }
        return out;
    }

    private static Anchor anchor(Claim claim, Random r, int supporting, int refuting, VerdictLabel label) {
        int n = 3 + r.nextInt(4);
        List<Evidence> ev = new ArrayList<>();
        int s = supporting * (1 + r.nextInt(2));
        int x = refuting * (1 + r.nextInt(2));
        for (int i = 0; i < n; i++) {
            double[] p;
            double sim;
            if (i < s) {
                p = peaked(r, StanceLabel.SUPPORTS);
                sim = 0.6 + 0.35 * r.nextDouble();
            } else if (i < s + x) {
                p = peaked(r, StanceLabel.REFUTES);
                sim = 0.6 + 0.35 * r.nextDouble();
            } else {
                p = peaked(r, r.nextBoolean() ? StanceLabel.NEUTRAL : StanceLabel.UNRELATED);
                sim = 0.1 + 0.4 * r.nextDouble();
            }
            StanceResult st = StanceResult.of(Distribution.of(StanceLabel.class, p));
            ev.add(new Evidence(new Sentence("anchor", i, 0, Span.of(0, 1), "x"), null, 0, sim, i, st, null));
        }
        ev.sort((a, b) -> Double.compare(b.similarity(), a.similarity()));
        return new Anchor(VerdictFeatures.vector(VerdictFeatures.compute(claim, ev, List.of())), label.ordinal());
    }

    /** A distribution with 0.7-0.98 on {@code top}, the rest spread at random. */
    private static double[] peaked(Random r, StanceLabel top) {
        double main = 0.7 + 0.28 * r.nextDouble();
        double[] rest = new double[4];
        double sum = 0;
        for (int i = 0; i < 4; i++) {
            rest[i] = i == top.ordinal() ? 0 : r.nextDouble();
            sum += rest[i];
        }
        double[] p = new double[4];
        for (int i = 0; i < 4; i++) {
            p[i] = i == top.ordinal() ? main : (1 - main) * rest[i] / sum;
        }
        return p;
    }
}
