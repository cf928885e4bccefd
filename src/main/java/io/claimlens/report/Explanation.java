package io.claimlens.report;

import io.claimlens.model.Attribution;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Evidence;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Report;
import io.claimlens.model.StanceLabel;
import io.claimlens.model.Verdict;
import io.claimlens.model.VerdictLabel;
import io.claimlens.stance.TextFeatures;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fact-checker's sections, generated from what decided the verdict: which sources support and which refute,
 * who said the quoted words and whether that is the speaker the claim names, and what makes a claim only partly
 * true. Nothing here is a canned paragraph: every sentence is built from the report's evidence, attributions,
 * verdict features and grade probabilities, and a sentence whose facts are absent is left out.
 *
 * @param whatWeKnow statements of evidence, each with its citation
 * @param analysis   how the evidence bears on the claim
 * @param conclusion the verdict in words
 */
public record Explanation(List<String> whatWeKnow, List<String> analysis, String conclusion) {

    /** A sentence counts as supporting (refuting) when the stance model gives that stance at least this. */
    static final double STANCE_THRESHOLD = 0.5;

    /** Intermediate grades with at least this much probability together are explained. */
    static final double PARTIAL_MASS = 0.2;

    /** Words that turn a sentence on the claim's subject into a qualification of it. */
    private static final Pattern CONTRAST = Pattern.compile(
            "\\b(however|but|while|although|though|yet|whereas|nevertheless|subjective|not fully|does not)\\b",
            Pattern.CASE_INSENSITIVE);

    public Explanation {
        whatWeKnow = List.copyOf(whatWeKnow);
        analysis = List.copyOf(analysis);
    }

    /**
     * The stance a report counts a sentence as: supporting or refuting when the stance model gives that stance at
     * least {@link #STANCE_THRESHOLD}, else unrelated when that is the model's label, else neutral. Every renderer
     * uses this rule, so counts, colours and sentences agree.
     */
    public static StanceLabel counted(Evidence e) {
        if (e.stance().probabilities().get(StanceLabel.SUPPORTS) >= STANCE_THRESHOLD) {
            return StanceLabel.SUPPORTS;
        }
        if (e.stance().probabilities().get(StanceLabel.REFUTES) >= STANCE_THRESHOLD) {
            return StanceLabel.REFUTES;
        }
        return e.stance().label() == StanceLabel.UNRELATED ? StanceLabel.UNRELATED : StanceLabel.NEUTRAL;
    }

    public static Explanation of(Report r) {
        List<Attribution> said = r.attributions().stream().filter(Attribution::hasSpeaker).toList();
        List<Evidence> supports = new ArrayList<>();
        List<Evidence> refutes = new ArrayList<>();
        List<Evidence> neutral = new ArrayList<>();
        for (Evidence e : r.evidence()) {
            switch (counted(e)) {
                case SUPPORTS -> supports.add(e);
                case REFUTES -> refutes.add(e);
                case NEUTRAL -> neutral.add(e);
                case UNRELATED -> {
                }
            }
        }
        return new Explanation(whatWeKnow(r, said, supports, refutes), analysis(r, said, supports, refutes, neutral),
                conclusion(r));
    }

    private static List<String> whatWeKnow(Report r, List<Attribution> said, List<Evidence> supports,
                                           List<Evidence> refutes) {
        List<String> know = new ArrayList<>();
        for (Attribution a : said) {
            know.add(String.format(Locale.ROOT, "%s said \u201C%s\u201D %s (attribution rule %s, confidence %.2f).",
                    speakerName(a), a.quote().text(), Citation.of(a.quote().articleId(), a.quote().span()), a.rule(),
                    a.confidence()));
        }
        for (Evidence e : supports.subList(0, Math.min(3, supports.size()))) {
            know.add(cite(r, e, "supports"));
        }
        for (Evidence e : refutes.subList(0, Math.min(3, refutes.size()))) {
            know.add(cite(r, e, "refutes"));
        }
        if (know.isEmpty() && !r.evidence().isEmpty()) {
            know.add("The collection has sentences on the claim's subject, but none clearly supports or refutes it; "
                    + "the closest is " + cite(r, r.evidence().get(0), "related"));
        }
        if (know.isEmpty()) {
            know.add("The collection contains nothing that matches the claim.");
        }
        return know;
    }

    private static List<String> analysis(Report r, List<Attribution> said, List<Evidence> supports,
                                         List<Evidence> refutes, List<Evidence> neutral) {
        List<String> analysis = new ArrayList<>();
        if (!r.evidence().isEmpty()) {
            StringBuilder tally = new StringBuilder(String.format(Locale.ROOT,
                    "Of %d evidence sentences retrieved, %d %s the claim%s and %d %s it%s", r.evidence().size(),
                    supports.size(), supports.size() == 1 ? "supports" : "support", fromSources(r, supports),
                    refutes.size(), refutes.size() == 1 ? "refutes" : "refute", fromSources(r, refutes)));
            if (!neutral.isEmpty()) {
                tally.append(String.format(Locale.ROOT, "; %d %s on its subject without taking a side%s",
                        neutral.size(), neutral.size() == 1 ? "is" : "are", fromSources(r, neutral)));
            }
            analysis.add(tally.append('.').toString());
        }
        String speakers = speakerAnalysis(r, said);
        if (speakers != null) {
            analysis.add(speakers);
        }
        if (r.claim().type() == ClaimType.FACTUAL && !said.isEmpty()) {
            analysis.add("The claim states as fact what the sources report as someone's words: a quotation shows "
                    + "that it was said, not that it is so.");
        } else if (r.claim().type() == ClaimType.ATTRIBUTION) {
            analysis.add("The claim is about what was said, so a matching, attributed quotation bears on it "
                    + "directly.");
        }
        String partial = partialAnalysis(r, supports, refutes, neutral);
        if (partial != null) {
            analysis.add(partial);
        } else {
            String hedged = hedging(r);
            if (hedged != null) {
                analysis.add("The evidence is hedged: " + hedged + ".");
            }
        }
        return analysis;
    }

    /** Who said the quoted words, whether that fits the claim's speaker, and where else the words appear. */
    private static String speakerAnalysis(Report r, List<Attribution> said) {
        if (r.claim().quotedPhrases().isEmpty()) {
            return null;
        }
        String phrases = String.join("\u201D, \u201C", r.claim().quotedPhrases());
        String unattributed = unattributed(r);
        if (said.isEmpty()) {
            return "No quotation in the collection contains \u201C" + phrases + "\u201D with an identifiable speaker"
                    + (unattributed == null ? "." : "; the words appear " + unattributed + ".");
        }
        Attribution best = said.get(0);
        StringBuilder sb = new StringBuilder("The quoted words \u201C" + phrases + "\u201D were said by "
                + speakerName(best) + " " + Citation.of(best.quote().articleId(), best.quote().span()) + ", in "
                + Citation.shortLabel(r, best.quote().articleId()));
        if (r.claim().speaker() != null) {
            String claimSpeaker = r.claim().speaker();
            boolean match = r.verdict().features().getOrDefault("quote_speaker_match", 0.0) > 0;
            if (match) {
                sb.append(", which fits the claim's speaker (\u201C").append(claimSpeaker).append("\u201D)");
            } else {
                sb.append(", whom the collection does not identify as the claim's speaker (\u201C")
                        .append(claimSpeaker).append("\u201D)");
                Evidence carrier = carrierOf(r, best);
                String head = lastWord(claimSpeaker);
                if (r.claim().speakerIsRole() && carrier != null && containsWord(carrier.sentence().text(), head)) {
                    sb.append("; the sentence that carries the quotation ")
                            .append(Citation.of(carrier.articleId(), carrier.sentence().span()))
                            .append(" does use the word \u201C").append(head).append("\u201D, but the attribution ")
                            .append("does not tie it to the speaker, so the verdict counts the speaker as unconfirmed");
                }
            }
        }
        sb.append('.');
        Set<String> others = new LinkedHashSet<>();
        for (Attribution a : said) {
            if (!a.canonicalSpeaker().equals(best.canonicalSpeaker())) {
                others.add(speakerName(a) + " " + Citation.of(a.quote().articleId(), a.quote().span()));
            }
        }
        if (!others.isEmpty()) {
            sb.append(" Matching words are also attributed to ").append(String.join("; ", others)).append('.');
        }
        if (unattributed != null) {
            sb.append(" The words also appear ").append(unattributed).append('.');
        }
        return sb.toString();
    }

    /** "3 times without a speaker (as a headline twice, as scare quotes once)", or null. */
    static String unattributed(Report r) {
        Map<NoSpeakerReason, Integer> counts = new EnumMap<>(NoSpeakerReason.class);
        for (Attribution a : r.attributions()) {
            if (!a.hasSpeaker()) {
                counts.merge(a.noSpeakerReason(), 1, Integer::sum);
            }
        }
        if (counts.isEmpty()) {
            return null;
        }
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> parts = new ArrayList<>();
        counts.forEach((reason, n) -> parts.add(switch (reason) {
            case SCARE_QUOTE -> "as scare quotes";
            case TITLE_OR_TERM -> "as a title or term";
            case DOCUMENT_TEXT -> "as the wording of a document";
            case HEADLINE -> "as a headline";
            case NO_CANDIDATE -> "with no speaker nearby";
        } + " " + times(n)));
        return times(total) + " without a speaker (" + String.join(", ", parts) + ")";
    }

    /**
     * Why an intermediate grade has weight, from the evidence: sources pointing both ways, support that rests only on
     * reports of the quoted words, sentences that qualify the claim, hedging. Null when intermediate grades carry
     * little probability and the verdict is not one of them.
     */
    private static String partialAnalysis(Report r, List<Evidence> supports, List<Evidence> refutes,
                                          List<Evidence> neutral) {
        Verdict v = r.verdict();
        double mostlyTrue = v.probabilities().get(VerdictLabel.MOSTLY_TRUE);
        double partly = v.probabilities().get(VerdictLabel.PARTIALLY_TRUE);
        double mostlyFalse = v.probabilities().get(VerdictLabel.MOSTLY_FALSE);
        boolean intermediateLabel = v.label() == VerdictLabel.MOSTLY_TRUE || v.label() == VerdictLabel.PARTIALLY_TRUE
                || v.label() == VerdictLabel.MOSTLY_FALSE;
        if (!intermediateLabel && mostlyTrue + partly + mostlyFalse < PARTIAL_MASS) {
            return null;
        }
        List<String> reasons = new ArrayList<>();
        if (!supports.isEmpty() && !refutes.isEmpty()) {
            reasons.add(String.format(Locale.ROOT, "the evidence points both ways (%d supporting, %d refuting "
                    + "sentence%s)", supports.size(), refutes.size(), refutes.size() == 1 ? "" : "s"));
        }
        if (r.claim().type() == ClaimType.FACTUAL && !r.claim().quotedPhrases().isEmpty() && !supports.isEmpty()
                && supports.stream().allMatch(e -> reportsQuotedWords(r, e))) {
            reasons.add("every supporting sentence reports the quoted words rather than stating the claim on its "
                    + "own authority");
        }
        List<String> qualifying = new ArrayList<>();
        for (Evidence e : neutral) {
            if (qualifying.size() < 2 && CONTRAST.matcher(e.sentence().text()).find()) {
                qualifying.add("\u201C" + e.sentence().text().strip() + "\u201D "
                        + Citation.of(e.articleId(), e.sentence().span()));
            }
        }
        if (!qualifying.isEmpty()) {
            reasons.add("sentences on the subject qualify it: " + String.join("; ", qualifying));
        }
        String hedged = hedging(r);
        if (hedged != null) {
            reasons.add(hedged);
        }
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "The intermediate grades get %.0f%% "
                + "together (Mostly true %.0f%%, Partially true %.0f%%, Mostly false %.0f%%)",
                100 * (mostlyTrue + partly + mostlyFalse), 100 * mostlyTrue, 100 * partly, 100 * mostlyFalse));
        if (reasons.isEmpty()) {
            sb.append("; no sentence in the evidence qualifies the claim, so this weight comes from the strength of "
                    + "the evidence as a whole.");
        } else {
            sb.append(". What keeps the claim from a clean grade: ").append(String.join("; ", reasons)).append('.');
        }
        return sb.toString();
    }

    /** "4 of 10 evidence sentences use hedging words (may, could, reportedly, ...)", or null when few do. */
    private static String hedging(Report r) {
        double hedges = r.verdict().features().getOrDefault("evidence_hedges", 0.0);
        if (hedges < 0.5 || r.evidence().isEmpty()) {
            return null;
        }
        long hedged = r.evidence().stream().filter(e -> TextFeatures.of(e.sentence().text()).hedges() > 0).count();
        return String.format(Locale.ROOT, "%d of %d evidence sentences use hedging words (such as \u201Cmay\u201D, "
                + "\u201Ccould\u201D, \u201Creportedly\u201D)", hedged, r.evidence().size());
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
                    claim, why, 100 * v.confidence()) + runnerUp(v);
        }
        return String.format(Locale.ROOT, "The claim %s is rated %s, with probability %.0f%%.", claim,
                v.label().alternateName(), 100 * v.confidence()) + runnerUp(v);
    }

    /** " The next most likely grade is Partially true (25%).", or "" when no other grade reaches 10%. */
    private static String runnerUp(Verdict v) {
        VerdictLabel next = null;
        for (VerdictLabel l : VerdictLabel.values()) {
            if (l != v.label() && (next == null || v.probabilities().get(l) > v.probabilities().get(next))) {
                next = l;
            }
        }
        if (next == null || v.probabilities().get(next) < 0.1) {
            return "";
        }
        return String.format(Locale.ROOT, " The next most likely grade is %s (%.0f%%).", next.alternateName(),
                100 * v.probabilities().get(next));
    }

    /** " (from 1 source: a.txt)", " (from 2 sources: a.txt, b.txt)", or "" for no sentences. */
    private static String fromSources(Report r, List<Evidence> sentences) {
        Set<String> labels = new LinkedHashSet<>();
        for (Evidence e : sentences) {
            labels.add(Citation.shortLabel(r, e.articleId()));
        }
        if (labels.isEmpty()) {
            return "";
        }
        return " (from " + labels.size() + (labels.size() == 1 ? " source: " : " sources: ")
                + String.join(", ", labels) + ")";
    }

    private static String cite(Report r, Evidence e, String stance) {
        return String.format(Locale.ROOT, "\u201C%s\u201D %s (%s, p=%.2f; %s)", e.sentence().text().strip(),
                Citation.of(e.articleId(), e.sentence().span()), stance, e.stance().probabilities().max(),
                Citation.shortLabel(r, e.articleId()));
    }

    /** The evidence sentence that contains the attributed quotation, if it was retrieved. */
    private static Evidence carrierOf(Report r, Attribution a) {
        for (Evidence e : r.evidence()) {
            if (e.articleId().equals(a.quote().articleId()) && e.sentence().span().contains(a.quote().span().start())) {
                return e;
            }
        }
        return null;
    }

    private static boolean reportsQuotedWords(Report r, Evidence e) {
        if (e.attribution() != null) {
            return true;
        }
        String text = e.sentence().text().toLowerCase(Locale.ROOT);
        return r.claim().quotedPhrases().stream().anyMatch(p -> text.contains(p.toLowerCase(Locale.ROOT)));
    }

    private static String lastWord(String s) {
        String[] w = s.strip().split("\\s+");
        return w[w.length - 1];
    }

    private static boolean containsWord(String text, String word) {
        return Pattern.compile("\\b" + Pattern.quote(word) + "\\b", Pattern.CASE_INSENSITIVE).matcher(text).find();
    }

    private static String times(int n) {
        return switch (n) {
            case 1 -> "once";
            case 2 -> "twice";
            default -> n + " times";
        };
    }

    static String speakerName(Attribution a) {
        if (a.canonicalSpeaker() != null && !a.canonicalSpeaker().equals(a.speaker())) {
            return a.canonicalSpeaker() + " (\u201C" + a.speaker() + "\u201D)";
        }
        return a.speaker();
    }
}
