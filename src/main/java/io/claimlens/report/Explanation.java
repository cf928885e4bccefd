package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.Report;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The fact-checker's sections, generated from what decided the verdict: which sources support and which refute,
 * who said the quoted words, and what makes a claim only partly true. Nothing here is a canned paragraph: every
 * sentence is built from the report's evidence, attributions and verdict features.
 *
 * @param whatWeKnow statements of evidence, each with its citation
 * @param analysis   how the evidence bears on the claim
 * @param conclusion the verdict in words
 */
public record Explanation(List<String> whatWeKnow, List<String> analysis, String conclusion) {

    static final double STANCE_THRESHOLD = 0.5;

    public static Explanation of(Report r) {
        List<String> know = new ArrayList<>();
        List<String> analysis = new ArrayList<>();
        List<Attribution> said = r.attributions().stream().filter(Attribution::hasSpeaker).toList();
        for (Attribution a : said) {
            know.add(String.format(Locale.ROOT, "%s said \u201C%s\u201D %s (attribution rule %s, confidence %.2f).",
                    speakerName(a), a.quote().text(), Citation.of(a.quote().articleId(), a.quote().span()), a.rule(),
                    a.confidence()));
        }
        List<Evidence> supports = new ArrayList<>();
        List<Evidence> refutes = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            double s = e.stance().probabilities().get(StanceLabel.SUPPORTS);
            double x = e.stance().probabilities().get(StanceLabel.REFUTES);
            if (s >= STANCE_THRESHOLD) {
                supports.add(e);
            } else if (x >= STANCE_THRESHOLD) {
                refutes.add(e);
            }
        }
        for (Evidence e : supports.subList(0, Math.min(3, supports.size()))) {
            know.add(cite(e, "supports"));
        }
        for (Evidence e : refutes.subList(0, Math.min(3, refutes.size()))) {
            know.add(cite(e, "refutes"));
        }
        if (know.isEmpty() && !r.evidence().isEmpty()) {
            know.add("The collection has sentences on the claim's subject, but none clearly supports or refutes it; "
                    + "the closest is " + cite(r.evidence().get(0), "related"));
        }
        if (know.isEmpty()) {
            know.add("The collection contains nothing that matches the claim.");
        }

        long supportSources = supports.stream().map(Evidence::articleId).distinct().count();
        long refuteSources = refutes.stream().map(Evidence::articleId).distinct().count();
        analysis.add(String.format(Locale.ROOT, "Of %d evidence sentences retrieved, %d support the claim "
                        + "(from %d source%s) and %d refute it (from %d source%s).", r.evidence().size(),
                supports.size(), supportSources, supportSources == 1 ? "" : "s", refutes.size(), refuteSources,
                refuteSources == 1 ? "" : "s"));
        if (!r.claim().quotedPhrases().isEmpty()) {
            String phrases = String.join("\u201D, \u201C", r.claim().quotedPhrases());
            if (said.isEmpty()) {
                analysis.add("No quotation in the collection contains \u201C" + phrases
                        + "\u201D with an identifiable speaker.");
            } else {
                Attribution best = said.get(0);
                String speaker = speakerName(best);
                StringBuilder sb = new StringBuilder("The quoted words \u201C" + phrases + "\u201D were said by "
                        + speaker);
                if (r.claim().speaker() != null) {
                    boolean match = r.verdict().features().getOrDefault("quote_speaker_match", 0.0) > 0;
                    sb.append(match ? ", which fits the claim's speaker (\u201C" + r.claim().speaker() + "\u201D)"
                            : ", whom the collection does not identify as the claim's speaker (\u201C"
                            + r.claim().speaker() + "\u201D)");
                }
                sb.append('.');
                analysis.add(sb.toString());
            }
        }
        if (r.claim().type() == ClaimType.FACTUAL && !said.isEmpty()) {
            analysis.add("The claim states as fact what the sources report as someone's words: a quotation shows "
                    + "that it was said, not that it is so.");
        } else if (r.claim().type() == ClaimType.ATTRIBUTION) {
            analysis.add("The claim is about what was said, so a matching, attributed quotation bears on it "
                    + "directly.");
        }
        double hedges = r.verdict().features().getOrDefault("evidence_hedges", 0.0);
        if (hedges >= 0.5) {
            analysis.add("The evidence is hedged (words such as \u201Cmay\u201D, \u201Callegedly\u201D, "
                    + "\u201Cdisputed\u201D appear in many of its sentences).");
        }
        return new Explanation(know, analysis, conclusion(r));
    }

    private static String conclusion(Report r) {
        Verdict v = r.verdict();
        String claim = "\u201C" + r.claim().text() + "\u201D";
        if (v.label() == VerdictLabel.UNVERIFIABLE) {
            String why = v.reason() == null ? "" : switch (v.reason()) {
                case NO_EVIDENCE -> " because the collection contains no evidence on it";
                case NO_RELEVANT_EVIDENCE -> " because the sentences found are not about it";
                case INSUFFICIENT_EVIDENCE -> " because the evidence found does not settle it";
                case CONFLICTING_EVIDENCE -> " because the evidence conflicts";
                case LOW_CONFIDENCE -> " because no grade is likely enough";
            };
            return String.format(Locale.ROOT, "The claim %s cannot be verified from this collection%s (%.0f%%).",
                    claim, why, 100 * v.confidence());
        }
        return String.format(Locale.ROOT, "The claim %s is rated %s, with probability %.0f%%.", claim,
                v.label().alternateName(), 100 * v.confidence());
    }

    private static String cite(Evidence e, String stance) {
        return String.format(Locale.ROOT, "\u201C%s\u201D %s (%s, p=%.2f)", e.sentence().text().strip(),
                Citation.of(e.articleId(), e.sentence().span()), stance, e.stance().probabilities().max());
    }

    static String speakerName(Attribution a) {
        if (a.canonicalSpeaker() != null && !a.canonicalSpeaker().equals(a.speaker())) {
            return a.canonicalSpeaker() + " (\u201C" + a.speaker() + "\u201D)";
        }
        return a.speaker();
    }
}
