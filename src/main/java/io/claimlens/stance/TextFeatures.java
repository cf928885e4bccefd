package io.claimlens.stance;

import io.claimlens.nlp.Lexicon;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexical facts about a text used by stance and verdict features: content words, negation cues, numbers.
 * Immutable; computed once per text.
 */
public final class TextFeatures {

    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}'’\\-]*|\\d[\\d,.]*");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(?:\\.\\d+)?");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "and",
            "or", "but", "is", "are", "was", "were", "be", "been", "being", "by", "with", "as", "that", "this",
            "these", "those", "it", "its", "from", "has", "have", "had", "will", "would", "their", "there", "which",
            "who", "what", "than", "then", "so", "if", "into", "about", "also", "his", "her", "they", "he", "she",
            "we", "you", "i", "our", "your", "my", "them", "him", "do", "does", "did", "s");
    private static final Lexicon NEGATION = Lexicon.load("negation-cues");
    private static final Lexicon HEDGES = Lexicon.load("hedge-cues");

    private final Set<String> content;
    private final Set<String> numbers;
    private final int negations;
    private final int hedges;
    private final int words;

    private TextFeatures(Set<String> content, Set<String> numbers, int negations, int hedges, int words) {
        this.content = content;
        this.numbers = numbers;
        this.negations = negations;
        this.hedges = hedges;
        this.words = words;
    }

    public static TextFeatures of(String text) {
        Set<String> content = new LinkedHashSet<>();
        int neg = 0;
        int hedge = 0;
        int words = 0;
        String lower = text.toLowerCase(Locale.ROOT).replace("n't", " n't");
        Matcher m = WORD.matcher(lower);
        while (m.find()) {
            String w = m.group();
            words++;
            if (NEGATION.contains(w)) {
                neg++;
            }
            if (HEDGES.contains(w)) {
                hedge++;
            }
            if (!STOP.contains(w)) {
                content.add(stem(w));
            }
        }
        Set<String> nums = new HashSet<>();
        Matcher n = NUMBER.matcher(text);
        while (n.find()) {
            nums.add(n.group().replace(",", ""));
        }
        return new TextFeatures(content, nums, neg, hedge, words);
    }

    /** A light suffix stripper so "troops"/"troop" and "denied"/"deny" meet. */
    static String stem(String w) {
        if (w.length() > 5 && w.endsWith("ing")) {
            return w.substring(0, w.length() - 3);
        }
        if (w.length() > 4 && w.endsWith("ied")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 4 && w.endsWith("ed")) {
            return w.substring(0, w.length() - 2);
        }
        if (w.length() > 4 && w.endsWith("ies")) {
            return w.substring(0, w.length() - 3) + "y";
        }
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            return w.substring(0, w.length() - 1);
        }
        return w;
    }

    public Set<String> content() {
        return content;
    }

    public Set<String> numbers() {
        return numbers;
    }

    public int negations() {
        return negations;
    }

    public int hedges() {
        return hedges;
    }

    public int words() {
        return words;
    }

    /** |A ∩ B| / |A ∪ B| of content words. */
    public double jaccard(TextFeatures o) {
        if (content.isEmpty() && o.content.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (String w : content) {
            if (o.content.contains(w)) {
                inter++;
            }
        }
        return (double) inter / (content.size() + o.content.size() - inter);
    }

    /** Share of this text's content words found in {@code o}. */
    public double coveredBy(TextFeatures o) {
        if (content.isEmpty()) {
            return 0;
        }
        int inter = 0;
        for (String w : content) {
            if (o.content.contains(w)) {
                inter++;
            }
        }
        return (double) inter / content.size();
    }
}
