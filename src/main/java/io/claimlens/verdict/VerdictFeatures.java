package io.claimlens.verdict;

import io.claimlens.model.Attribution;
import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.StanceLabel;
import io.claimlens.nlp.Names;
import io.claimlens.stance.TextFeatures;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The evidence features a verdict model reads for one claim: what the retrieved sentences say (stance, weighted by
 * relevance; how many independent sources on each side; hedging), what the matching quotations say (found word for
 * word or only nearly, by the claim's speaker or someone else, said directly or inferred), and what kind of claim
 * it is. Their interactions are explicit, because the verdict head is linear: an attribution claim is settled by
 * the quotation, a factual claim by independent evidence, and a factual claim that only a quotation supports is
 * only partly supported.
 *
 * <p>{@link #NAMES} is the layout (version {@value #LAYOUT_VERSION}); a model records it and the engine refuses
 * another.
 */
public final class VerdictFeatures {

    public static final int LAYOUT_VERSION = 2;

    /** Relevance weights over evidence: softmax(similarity / this). */
    static final double WEIGHT_TEMPERATURE = 0.1;
    static final double STANCE_THRESHOLD = 0.5;

    public static final List<String> NAMES = List.of(
            // evidence
            "has_evidence", "log_evidence", "max_similarity", "mean_similarity",
            "max_supports", "max_refutes", "max_neutral",
            "w_supports", "w_refutes", "w_neutral", "w_unrelated",
            "top1_supports", "top1_refutes",
            "log_sources_supporting", "log_sources_refuting", "conflict", "relevant_fraction", "hedge_rate",
            // quotations
            "claim_has_quote", "quote_exact", "quote_near", "quote_absent", "quote_speaker_match",
            "quote_speaker_mismatch", "quote_direct", "quote_confidence",
            // the claim, and interactions
            "claim_is_attribution", "claim_has_speaker", "attribution_confirmed", "attribution_unconfirmed",
            "factual_w_supports", "factual_w_refutes", "factual_support_only_quoted");

    private static final Set<String> DIRECT_RULES = Set.of("quote-intro-verb", "trailing-said", "sentence-tag",
            "according-to", "transcript");

    private VerdictFeatures() {
    }

    /** Named feature values, in {@link #NAMES} order. */
    public static Map<String, Double> compute(Claim claim, List<Evidence> evidence, List<QuoteEvidence> quotes) {
        Map<String, Double> f = new LinkedHashMap<>();
        for (String n : NAMES) {
            f.put(n, 0.0);
        }
        boolean attributionClaim = claim.type() == ClaimType.ATTRIBUTION;
        f.put("claim_is_attribution", attributionClaim ? 1.0 : 0.0);
        f.put("claim_has_speaker", claim.speaker() != null ? 1.0 : 0.0);

        // --- evidence
        double wS = 0;
        double wR = 0;
        if (!evidence.isEmpty()) {
            int n = evidence.size();
            double[] w = weights(evidence);
            double maxSim = -1;
            double sumSim = 0;
            double[] max = new double[StanceLabel.values().length];
            double[] wmean = new double[max.length];
            Set<String> supporting = new HashSet<>();
            Set<String> refuting = new HashSet<>();
            int relevant = 0;
            int hedged = 0;
            for (int i = 0; i < n; i++) {
                Evidence e = evidence.get(i);
                maxSim = Math.max(maxSim, e.similarity());
                sumSim += e.similarity();
                for (StanceLabel l : StanceLabel.values()) {
                    double p = e.stance().probabilities().get(l);
                    max[l.ordinal()] = Math.max(max[l.ordinal()], p);
                    wmean[l.ordinal()] += w[i] * p;
                }
                String source = e.source() != null ? e.source() : e.articleId();
                if (e.stance().probabilities().get(StanceLabel.SUPPORTS) >= STANCE_THRESHOLD) {
                    supporting.add(source);
                }
                if (e.stance().probabilities().get(StanceLabel.REFUTES) >= STANCE_THRESHOLD) {
                    refuting.add(source);
                }
                if (e.stance().probabilities().get(StanceLabel.UNRELATED) < STANCE_THRESHOLD) {
                    relevant++;
                    if (TextFeatures.of(e.sentence().text()).hedges() > 0) {
                        hedged++;
                    }
                }
            }
            Evidence top = evidence.get(0);
            wS = wmean[StanceLabel.SUPPORTS.ordinal()];
            wR = wmean[StanceLabel.REFUTES.ordinal()];
            f.put("has_evidence", 1.0);
            f.put("log_evidence", Math.log1p(n));
            f.put("max_similarity", maxSim);
            f.put("mean_similarity", sumSim / n);
            f.put("max_supports", max[StanceLabel.SUPPORTS.ordinal()]);
            f.put("max_refutes", max[StanceLabel.REFUTES.ordinal()]);
            f.put("max_neutral", max[StanceLabel.NEUTRAL.ordinal()]);
            f.put("w_supports", wS);
            f.put("w_refutes", wR);
            f.put("w_neutral", wmean[StanceLabel.NEUTRAL.ordinal()]);
            f.put("w_unrelated", wmean[StanceLabel.UNRELATED.ordinal()]);
            f.put("top1_supports", top.stance().probabilities().get(StanceLabel.SUPPORTS));
            f.put("top1_refutes", top.stance().probabilities().get(StanceLabel.REFUTES));
            f.put("log_sources_supporting", Math.log1p(supporting.size()));
            f.put("log_sources_refuting", Math.log1p(refuting.size()));
            f.put("conflict", Math.min(max[StanceLabel.SUPPORTS.ordinal()], max[StanceLabel.REFUTES.ordinal()]));
            f.put("relevant_fraction", (double) relevant / n);
            f.put("hedge_rate", relevant == 0 ? 0 : (double) hedged / relevant);
        }

        // --- quotations
        boolean hasQuote = !claim.quotedPhrases().isEmpty();
        f.put("claim_has_quote", hasQuote ? 1.0 : 0.0);
        boolean exact = false;
        boolean near = false;
        boolean match = false;
        boolean mismatch = false;
        boolean direct = false;
        double conf = 0;
        for (QuoteEvidence q : quotes) {
            Attribution a = q.attribution();
            if (!a.hasSpeaker()) {
                continue;
            }
            exact |= q.exact();
            near |= !q.exact();
            conf = Math.max(conf, a.confidence());
            direct |= DIRECT_RULES.contains(baseRule(a.rule()));
            if (claim.speaker() != null) {
                if (speakerMatches(claim, a, q.sentence())) {
                    match = true;
                } else {
                    mismatch = true;
                }
            }
        }
        if (match) {
            mismatch = false; // one fitting speaker settles it; others may quote them
        }
        f.put("quote_exact", exact ? 1.0 : 0.0);
        f.put("quote_near", near && !exact ? 1.0 : 0.0);
        f.put("quote_absent", hasQuote && !exact && !near ? 1.0 : 0.0);
        f.put("quote_speaker_match", match ? 1.0 : 0.0);
        f.put("quote_speaker_mismatch", mismatch ? 1.0 : 0.0);
        f.put("quote_direct", direct ? 1.0 : 0.0);
        f.put("quote_confidence", conf);

        // --- interactions
        boolean speakerOk = claim.speaker() == null || match;
        f.put("attribution_confirmed", attributionClaim && exact && speakerOk ? 1.0 : 0.0);
        f.put("attribution_unconfirmed", attributionClaim && hasQuote && (!exact || !speakerOk) ? 1.0 : 0.0);
        f.put("factual_w_supports", attributionClaim ? 0.0 : wS);
        f.put("factual_w_refutes", attributionClaim ? 0.0 : wR);
        f.put("factual_support_only_quoted", !attributionClaim && supportOnlyQuoted(evidence, quotes) ? 1.0 : 0.0);
        return f;
    }

    /** Relevance weights: softmax of similarity / {@link #WEIGHT_TEMPERATURE}. */
    static double[] weights(List<Evidence> evidence) {
        double[] w = new double[evidence.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (Evidence e : evidence) {
            max = Math.max(max, e.similarity() / WEIGHT_TEMPERATURE);
        }
        double sum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = Math.exp(evidence.get(i).similarity() / WEIGHT_TEMPERATURE - max);
            sum += w[i];
        }
        for (int i = 0; i < w.length; i++) {
            w[i] /= sum;
        }
        return w;
    }

    /**
     * True when there is supporting evidence and every supporting sentence holds a matching quotation: the support
     * is that someone said it.
     */
    static boolean supportOnlyQuoted(List<Evidence> evidence, List<QuoteEvidence> quotes) {
        boolean any = false;
        for (Evidence e : evidence) {
            if (e.stance().probabilities().get(StanceLabel.SUPPORTS) < STANCE_THRESHOLD) {
                continue;
            }
            any = true;
            boolean quoted = e.attribution() != null && e.attribution().hasSpeaker();
            if (!quoted) {
                for (QuoteEvidence q : quotes) {
                    Attribution a = q.attribution();
                    if (a.quote().articleId().equals(e.articleId())
                            && e.sentence().span().contains(a.quote().span().start())) {
                        quoted = true;
                        break;
                    }
                }
            }
            if (!quoted) {
                return false;
            }
        }
        return any;
    }

    private static String baseRule(String rule) {
        int plus = rule.indexOf('+');
        return plus < 0 ? rule : rule.substring(0, plus);
    }

    /**
     * True when the attributed speaker fits the claim's: the same name (spelling variants allowed), or, for a role
     * ("ambassador"), a speaker phrase, or the quotation's sentence, that carries the role word.
     */
    public static boolean speakerMatches(Claim claim, Attribution a, String sentence) {
        String want = claim.speaker().toLowerCase(Locale.ROOT).replaceFirst("^the\\s+", "").strip();
        if (!claim.speakerIsRole()) {
            String canonical = a.canonicalSpeaker() == null ? a.speaker() : a.canonicalSpeaker();
            return Names.sameName(claim.speaker(), canonical) || Names.isShortFormOf(claim.speaker(), canonical)
                    || Names.isShortFormOf(claim.speaker(), a.speaker());
        }
        String[] words = want.split("\\s+");
        String head = words[words.length - 1];
        return a.speaker().toLowerCase(Locale.ROOT).contains(head)
                || (sentence != null && sentence.toLowerCase(Locale.ROOT).matches("(?s).*\\b" + java.util.regex.Pattern
                .quote(head) + "\\b.*"));
    }

    public static double[] vector(Map<String, Double> named) {
        double[] x = new double[NAMES.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = named.get(NAMES.get(i));
        }
        return x;
    }
}
