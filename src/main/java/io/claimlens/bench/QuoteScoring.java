package io.claimlens.bench;

import io.claimlens.datasets.PolNear;
import io.claimlens.model.Attribution;
import io.claimlens.model.Span;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Scores quotation attributions against PolNeAR's attribution relations.
 *
 * <p>Protocol (the same for every system):
 * <ul>
 *   <li><b>Gold quotes</b> are relations with a source whose content contains a quote mark; their <i>quoted part</i>
 *       is the content characters inside the article's quotations.</li>
 *   <li><b>Predicted quotes</b> are quotations the system gives a speaker.</li>
 *   <li><b>Content match</b> (threshold {@value #OVERLAP}): a prediction matches the gold quote that holds at least
 *       half of its characters. Precision = matched predictions / predictions; recall = gold quotes at least half
 *       of whose quoted part is covered by predictions.</li>
 *   <li><b>Source match</b> (over matched predictions): right when the predicted speaker mention overlaps the gold
 *       source span, or, for a gold source with a capitalised name, when the predicted speaker (as written or
 *       canonical) shares a name word with it (3+ letters, not a stop word or title). A gold source that is a
 *       pronoun or description ("she", "the daily") can only be matched by its mention: PolNeAR gives no
 *       coreference, so the mention is the only fair test for every system.</li>
 * </ul>
 */
public final class QuoteScoring {

    public static final double OVERLAP = 0.5;

    private static final io.claimlens.nlp.Lexicon ROLES = io.claimlens.nlp.Lexicon.load("role-nouns");

    private static final Set<String> STOP = Set.of("the", "and", "for", "with", "from", "said", "says", "his",
            "her", "their", "its", "who", "that", "this", "was", "are", "has", "have", "not", "but", "one", "new");

    /** One attribution judged against the gold: the attribution (its rule, its confidence) and whether it was right. */
    public record Judged(Attribution attribution, boolean correct) {

        public String rule() {
            return attribution.rule();
        }

        public double confidence() {
            return attribution.confidence();
        }
    }

    /** Counts over a set of articles; add them up with {@link #plus}. */
    public record Counts(int predicted, int predictedMatched, int gold, int goldMatched, int sourceRight,
                         List<Judged> judged) {

        public static Counts zero() {
            return new Counts(0, 0, 0, 0, 0, new ArrayList<>());
        }

        public Counts plus(Counts o) {
            List<Judged> c = new ArrayList<>(judged);
            c.addAll(o.judged);
            return new Counts(predicted + o.predicted, predictedMatched + o.predictedMatched, gold + o.gold,
                    goldMatched + o.goldMatched, sourceRight + o.sourceRight, c);
        }

        public double precision() {
            return predicted == 0 ? 0 : (double) predictedMatched / predicted;
        }

        public double recall() {
            return gold == 0 ? 0 : (double) goldMatched / gold;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Source-match accuracy over content-matched predictions. */
        public double sourceAccuracy() {
            return predictedMatched == 0 ? 0 : (double) sourceRight / predictedMatched;
        }
    }

    private QuoteScoring() {
    }

    /**
     * Scores one article. {@code quotes} are the article's quotation spans (marks excluded), used to find the quoted
     * part of each gold content. Also judges every attribution: a speaker is
     * correct when it matches a gold quote and its source; "no speaker" is correct when no gold sourced quote holds
     * the quotation.
     */
    public static Counts score(String text, List<PolNear.Relation> gold, List<Attribution> predicted,
                               List<Span> quotes) {
        List<PolNear.Relation> goldQuotes = new ArrayList<>();
        for (PolNear.Relation r : gold) {
            if (r.hasSource() && hasQuoteMark(r.contentText())) {
                goldQuotes.add(r);
            }
        }
        List<Judged> conf = new ArrayList<>();
        int pred = 0;
        int predMatched = 0;
        int right = 0;
        List<Span> predictedSpans = new ArrayList<>();
        for (Attribution a : predicted) {
            Span p = a.quote().span();
            PolNear.Relation best = bestGold(p, goldQuotes);
            if (!a.hasSpeaker()) {
                conf.add(new Judged(a, best == null));
                continue;
            }
            pred++;
            predictedSpans.add(p);
            boolean ok = false;
            if (best != null) {
                predMatched++;
                ok = sourceMatches(a, best, gold, text);
                if (ok) {
                    right++;
                }
            }
            conf.add(new Judged(a, ok));
        }
        int goldCount = 0;
        int goldMatched = 0;
        for (PolNear.Relation g : goldQuotes) {
            List<Span> quoted = quotedPart(g.content(), quotes);
            int total = length(quoted);
            if (total == 0) {
                continue;
            }
            goldCount++;
            int covered = 0;
            for (Span q : quoted) {
                for (Span p : predictedSpans) {
                    covered += q.overlapLength(p);
                }
            }
            if (covered >= OVERLAP * total) {
                goldMatched++;
            }
        }
        return new Counts(pred, predMatched, goldCount, goldMatched, right, conf);
    }

    static boolean hasQuoteMark(String s) {
        return s != null && s.matches("(?s).*[\"\u201C\u201D\u00AB\u00BB].*");
    }

    private static PolNear.Relation bestGold(Span p, List<PolNear.Relation> gold) {
        PolNear.Relation best = null;
        int bestOverlap = 0;
        for (PolNear.Relation g : gold) {
            int o = 0;
            for (Span c : g.content()) {
                o += c.overlapLength(p);
            }
            if (o > bestOverlap) {
                best = g;
                bestOverlap = o;
            }
        }
        return p.length() > 0 && bestOverlap >= OVERLAP * p.length() ? best : null;
    }

    private static List<Span> quotedPart(List<Span> content, List<Span> quotes) {
        List<Span> out = new ArrayList<>();
        for (Span c : content) {
            for (Span q : quotes) {
                int s = Math.max(c.start(), q.start());
                int e = Math.min(c.end(), q.end());
                if (e > s) {
                    out.add(Span.of(s, e));
                }
            }
        }
        return out;
    }

    private static int length(List<Span> spans) {
        int n = 0;
        for (Span s : spans) {
            n += s.length();
        }
        return n;
    }

    static boolean sourceMatches(Attribution a, PolNear.Relation g, List<PolNear.Relation> all, String text) {
        if (a.speakerSpan() != null) {
            for (Span s : g.source()) {
                if (s.overlaps(a.speakerSpan())) {
                    return true;
                }
            }
        }
        if (!hasName(g.sourceText())) {
            return false; // a pronoun or description: only the mention itself can match
        }
        Set<String> predicted = words(a.speaker());
        predicted.addAll(words(a.canonicalSpeaker()));
        return !java.util.Collections.disjoint(predicted, words(g.sourceText()));
    }

    private static boolean hasName(String s) {
        if (s == null) {
            return false;
        }
        for (String w : s.split("[^\\p{L}.]+")) {
            if (w.length() >= 2 && Character.isUpperCase(w.charAt(0)) && !Set.of("The", "A", "An", "He", "She",
                    "They", "It", "We", "I").contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Name words: 3+ letters, not a stop word, not a role or title ("president" names nobody in particular). */
    static Set<String> words(String s) {
        Set<String> out = new HashSet<>();
        if (s == null) {
            return out;
        }
        for (String w : s.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")) {
            if (w.length() >= 3 && !STOP.contains(w) && !ROLES.contains(w)) {
                out.add(w);
            }
        }
        return out;
    }
}
