package io.claimlens.ml;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Ranking metrics for binary relevance, as the CLEF CheckThat! check-worthiness task defines them: items of one
 * group (a debate, a speech) are ranked by score, highest first, and compared with their 0/1 labels.
 *
 * <p>Ties in score are broken by the item's position (earlier first), so a metric never depends on sort
 * stability. A group without any positive item has average precision and R-precision 0, as in the official
 * scorer; {@link #meanAveragePrecision} averages over every group given.
 */
public final class Ranking {

    private Ranking() {
    }

    /** Indices of {@code scores} from highest to lowest score; ties by index. */
    public static int[] order(double[] scores) {
        Integer[] idx = new Integer[scores.length];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        Arrays.sort(idx, Comparator.comparingDouble((Integer i) -> -scores[i]).thenComparingInt(i -> i));
        return Arrays.stream(idx).mapToInt(Integer::intValue).toArray();
    }

    /**
     * Average precision: the mean, over the positive items, of the precision of the ranking cut at that item.
     *
     * @param scores higher means ranked earlier
     * @param labels 1 for relevant (check-worthy), 0 otherwise; parallel to {@code scores}
     */
    public static double averagePrecision(double[] scores, int[] labels) {
        check(scores, labels);
        int[] order = order(scores);
        int positives = 0;
        double sum = 0;
        for (int rank = 0; rank < order.length; rank++) {
            if (labels[order[rank]] == 1) {
                positives++;
                sum += (double) positives / (rank + 1);
            }
        }
        return positives == 0 ? 0 : sum / positives;
    }

    /** Precision of the top {@code k} items (k larger than the group counts the missing items as misses). */
    public static double precisionAt(double[] scores, int[] labels, int k) {
        check(scores, labels);
        int[] order = order(scores);
        int hits = 0;
        for (int rank = 0; rank < Math.min(k, order.length); rank++) {
            hits += labels[order[rank]];
        }
        return (double) hits / k;
    }

    /** Precision of the top R items, where R is the number of positive items (0 when there are none). */
    public static double rPrecision(double[] scores, int[] labels) {
        int r = Arrays.stream(labels).sum();
        return r == 0 ? 0 : precisionAt(scores, labels, r);
    }

    /** One group's scores and labels. */
    public record Group(String name, double[] scores, int[] labels) {
        public Group {
            check(scores, labels);
        }
    }

    /** Mean of {@link #averagePrecision} over the groups. */
    public static double meanAveragePrecision(List<Group> groups) {
        return groups.stream().mapToDouble(g -> averagePrecision(g.scores(), g.labels())).average().orElse(0);
    }

    /** Mean of {@link #rPrecision} over the groups. */
    public static double meanRPrecision(List<Group> groups) {
        return groups.stream().mapToDouble(g -> rPrecision(g.scores(), g.labels())).average().orElse(0);
    }

    /** Mean of {@link #precisionAt} over the groups. */
    public static double meanPrecisionAt(List<Group> groups, int k) {
        return groups.stream().mapToDouble(g -> precisionAt(g.scores(), g.labels(), k)).average().orElse(0);
    }

    /** F1 of the positive class (label 1) for hard predictions. */
    public static double f1(int[] gold, int[] predicted) {
        if (gold.length != predicted.length) {
            throw new IllegalArgumentException("gold and predicted differ in length");
        }
        int tp = 0;
        int fp = 0;
        int fn = 0;
        for (int i = 0; i < gold.length; i++) {
            if (predicted[i] == 1 && gold[i] == 1) {
                tp++;
            } else if (predicted[i] == 1) {
                fp++;
            } else if (gold[i] == 1) {
                fn++;
            }
        }
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }

    private static void check(double[] scores, int[] labels) {
        if (scores.length != labels.length) {
            throw new IllegalArgumentException("scores and labels differ in length: " + scores.length + " vs "
                    + labels.length);
        }
        for (int l : labels) {
            if (l != 0 && l != 1) {
                throw new IllegalArgumentException("labels must be 0 or 1, got " + l);
            }
        }
    }
}
