package io.claimlens.nlp.quotes;

import io.claimlens.model.Attribution;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What the confidence model reads about one attribution, computed from the attribution alone, so that training
 * (on PolNeAR) and the attributor compute the same values: the rule that decided and its resolution step, the kind
 * of speaker, how far the speaker's mention is from the quotation and on which side, whether a pronoun or role was
 * resolved to a name, whether the speaker as written is a name, and the quotation's length and ending.
 *
 * <p>{@link #VERSION} is stored in the model; a model trained on another layout is refused. Stateless.
 */
public final class AttributionFeatures {

    /** Changes whenever {@link #NAMES} or a computation changes. */
    public static final int VERSION = 1;

    /** Base rules (the part of a rule name before '+'); a rule not listed sets none of them. */
    static final List<String> RULES = List.of("transcript", "continuation", "quote-intro-verb", "reported-speech",
            "trailing-said", "trailing-verb", "sentence-tag", "according-to", "possessive-speech-noun", "floating",
            "document-text", "headline", "title-or-term", "scare-quote", "no-candidate");

    /** Resolution steps (the part of a rule name after '+'). */
    static final List<String> STEPS = List.of("pronoun", "pronoun-unresolved", "role", "place", "it", "phrase");

    public static final List<String> NAMES;

    static {
        List<String> n = new ArrayList<>();
        RULES.forEach(r -> n.add("rule=" + r));
        STEPS.forEach(r -> n.add("step=" + r));
        for (SpeakerKind k : SpeakerKind.values()) {
            n.add("kind=" + k.name().toLowerCase(Locale.ROOT));
        }
        n.addAll(List.of("log_quote_words", "quote_ends_sentence", "log_speaker_distance", "speaker_after_quote",
                "speaker_resolved", "speaker_is_name", "speaker_words"));
        NAMES = List.copyOf(n);
    }

    private AttributionFeatures() {
    }

    /** The features of one attribution, in {@link #NAMES} order. */
    public static double[] of(Attribution a) {
        double[] f = new double[NAMES.size()];
        String rule = a.rule();
        int plus = rule.indexOf('+');
        String base = plus < 0 ? rule : rule.substring(0, plus);
        String step = plus < 0 ? null : rule.substring(plus + 1);
        int k = 0;
        int r = RULES.indexOf(base);
        if (r >= 0) {
            f[k + r] = 1;
        }
        k += RULES.size();
        int st = step == null ? -1 : STEPS.indexOf(step);
        if (st >= 0) {
            f[k + st] = 1;
        }
        k += STEPS.size();
        if (a.kind() != null) {
            f[k + a.kind().ordinal()] = 1;
        }
        k += SpeakerKind.values().length;
        String q = a.quote().text();
        f[k++] = Math.log1p(NewsQuoteAttributor.wordCount(q));
        String end = q.strip();
        f[k++] = !end.isEmpty() && ".!?".indexOf(end.charAt(end.length() - 1)) >= 0 ? 1 : 0;
        Span quote = a.quote().span();
        Span sp = a.speakerSpan();
        if (sp != null) {
            int gap = sp.start() >= quote.end() ? sp.start() - quote.end()
                    : sp.end() <= quote.start() ? quote.start() - sp.end() : 0;
            f[k++] = Math.log1p(gap);
            f[k++] = sp.start() >= quote.end() ? 1 : 0;
        } else {
            k += 2;
        }
        f[k++] = a.hasSpeaker() && !a.speaker().equals(a.canonicalSpeaker()) ? 1 : 0;
        f[k++] = a.hasSpeaker() && isName(a.speaker()) ? 1 : 0;
        f[k++] = a.hasSpeaker() ? Math.log1p(a.speaker().split("\\s+").length) : 0;
        if (k != f.length) {
            throw new IllegalStateException("feature layout out of sync with NAMES");
        }
        return f;
    }

    private static final java.util.Set<String> NOT_NAMES = java.util.Set.of("he", "she", "they", "it", "we", "the",
            "a", "an", "his", "her", "their", "its", "our");

    private static boolean isName(String s) {
        for (String w : s.split("\\s+")) {
            if (w.length() > 1 && !NOT_NAMES.contains(w.toLowerCase(Locale.ROOT)) && Character.isUpperCase(w.charAt(0))
                    && !Character.isUpperCase(w.charAt(w.length() - 1))) {
                return true; // "Choe", "McCrory"; not "I", "U.S.", "NATO"
            }
        }
        return false;
    }
}
