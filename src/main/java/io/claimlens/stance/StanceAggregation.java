package io.claimlens.stance;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * From sentence stances to a document's: how a claim relates to a whole article (FNC-1's headline vs body).
 *
 * <p>Rule: take the {@link #TOP_SENTENCES} sentences most similar to the claim (embedding cosine), weight them by
 * softmax(cosine / T), and sum their logits; the document's stance is the softmax of that sum. The most relevant
 * sentences decide, and a document whose best sentences are unrelated is unrelated. The stance head is trained with
 * this same pooling (multiple-instance learning), so one classifier serves sentences and documents.
 */
public final class StanceAggregation {

    public static final int TOP_SENTENCES = 3;

    private StanceAggregation() {
    }

    /** Indices of the top sentences by similarity (ties by index) and their pooling weights. */
    public record Selection(int[] indices, float[] weights) {
    }

    public static Selection select(double[] similarities, double temperature) {
        List<Integer> idx = new ArrayList<>();
        for (int i = 0; i < similarities.length; i++) {
            idx.add(i);
        }
        idx.sort(Comparator.comparingDouble((Integer i) -> -similarities[i]).thenComparingInt(i -> i));
        int k = Math.min(TOP_SENTENCES, idx.size());
        int[] chosen = new int[k];
        float[] w = new float[k];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < k; i++) {
            chosen[i] = idx.get(i);
            max = Math.max(max, similarities[chosen[i]] / temperature);
        }
        double sum = 0;
        for (int i = 0; i < k; i++) {
            w[i] = (float) Math.exp(similarities[chosen[i]] / temperature - max);
            sum += w[i];
        }
        for (int i = 0; i < k; i++) {
            w[i] /= (float) sum;
        }
        return new Selection(chosen, w);
    }

    /** Weighted sum of the chosen sentences' logits. */
    public static double[] pool(List<double[]> logits, float[] weights) {
        double[] out = new double[logits.get(0).length];
        for (int i = 0; i < logits.size(); i++) {
            for (int c = 0; c < out.length; c++) {
                out[c] += weights[i] * logits.get(i)[c];
            }
        }
        return out;
    }
}
