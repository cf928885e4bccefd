package io.claimlens.verdict;

import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.StanceLabel;
import io.claimlens.nlp.Names;
import io.claimlens.stance.TextFeatures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The features a verdict model reads for one claim, computed from the retrieved evidence (stance and similarity)
 * and from the attributions of quotations matching the claim. The names and their order are the model's input
 * layout ({@link #NAMES}); a model records the layout version it was trained on.
 */
public final class VerdictFeatures {

    public static final int LAYOUT_VERSION = 1;

    public static final List<String> NAMES = List.of(
            "has_evidence", "max_similarity", "mean_similarity",
            "max_supports", "max_refutes", "mean_supports", "mean_refutes", "mean_neutral", "mean_unrelated",
            "wsum_supports", "wsum_refutes", "frac_supports", "frac_refutes", "top1_supports", "top1_refutes",
            "quote_found", "quote_speaker_match", "claim_is_attribution", "evidence_hedges");

    private VerdictFeatures() {
    }

    /** Named feature values, in {@link #NAMES} order. */
    public static Map<String, Double> compute(Claim claim, List<Evidence> evidence, List<Attribution> quotes) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String n : NAMES) {
            f.put(n, 0.0);
        }
        f.put("claim_is_attribution", claim.type() == ClaimType.ATTRIBUTION ? 1.0 : 0.0);
        boolean found = false;
        boolean speakerMatch = false;
        for (Attribution a : quotes) {
            if (!a.hasSpeaker()) {
                continue;
            }
            found = true;
            if (claim.speaker() != null && speakerMatches(claim, a)) {
                speakerMatch = true;
            }
        }
        f.put("quote_found", found ? 1.0 : 0.0);
        f.put("quote_speaker_match", speakerMatch ? 1.0 : 0.0);
        if (evidence.isEmpty()) {
            return f;
        }
        int n = evidence.size();
        double maxSim = -1;
        double sumSim = 0;
        double maxS = 0;
        double maxR = 0;
        double[] mean = new double[StanceLabel.values().length];
        double wS = 0;
        double wR = 0;
        double wTotal = 0;
        int fracS = 0;
        int fracR = 0;
        double hedges = 0;
        for (Evidence e : evidence) {
            double s = e.stance().probabilities().get(StanceLabel.SUPPORTS);
            double r = e.stance().probabilities().get(StanceLabel.REFUTES);
            maxSim = Math.max(maxSim, e.similarity());
            sumSim += e.similarity();
            maxS = Math.max(maxS, s);
            maxR = Math.max(maxR, r);
            for (StanceLabel l : StanceLabel.values()) {
                mean[l.ordinal()] += e.stance().probabilities().get(l) / n;
            }
            double w = Math.max(0, e.similarity());
            wS += w * s;
            wR += w * r;
            wTotal += w;
            if (s > 0.5) {
                fracS++;
            }
            if (r > 0.5) {
                fracR++;
            }
            hedges += Math.min(3, TextFeatures.of(e.sentence().text()).hedges());
        }
        Evidence top = evidence.get(0);
        f.put("has_evidence", 1.0);
        f.put("max_similarity", maxSim);
        f.put("mean_similarity", sumSim / n);
        f.put("max_supports", maxS);
        f.put("max_refutes", maxR);
        f.put("mean_supports", mean[StanceLabel.SUPPORTS.ordinal()]);
        f.put("mean_refutes", mean[StanceLabel.REFUTES.ordinal()]);
        f.put("mean_neutral", mean[StanceLabel.NEUTRAL.ordinal()]);
        f.put("mean_unrelated", mean[StanceLabel.UNRELATED.ordinal()]);
        f.put("wsum_supports", wTotal > 0 ? wS / wTotal : 0);
        f.put("wsum_refutes", wTotal > 0 ? wR / wTotal : 0);
        f.put("frac_supports", (double) fracS / n);
        f.put("frac_refutes", (double) fracR / n);
        f.put("top1_supports", top.stance().probabilities().get(StanceLabel.SUPPORTS));
        f.put("top1_refutes", top.stance().probabilities().get(StanceLabel.REFUTES));
        f.put("evidence_hedges", hedges / n);
        return f;
    }

    /**
     * True when the attributed speaker fits the claim's speaker: the same name (spelling variants allowed), or,
     * for a role ("ambassador"), a speaker phrase or rule that carries that role word.
     */
    static boolean speakerMatches(Claim claim, Attribution a) {
        String want = claim.speaker().toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "");
        if (!claim.speakerIsRole()) {
            return Names.sameName(claim.speaker(), a.canonicalSpeaker())
                    || Names.isShortFormOf(claim.speaker(), a.canonicalSpeaker());
        }
        String[] words = want.split("\\s+");
        String head = words[words.length - 1];
        return a.speaker().toLowerCase(Locale.ROOT).contains(head);
    }

    public static double[] vector(Map<String, Double> named) {
        double[] x = new double[NAMES.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = named.get(NAMES.get(i));
        }
        return x;
    }
}
