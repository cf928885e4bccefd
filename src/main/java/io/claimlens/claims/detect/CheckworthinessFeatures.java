package io.claimlens.claims.detect;

import io.claimlens.nlp.Lexicon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hand-written features of one sentence that tell a checkable statement from talk: numbers, quantities and
 * comparisons, names, quotation marks, tense, person, questions, hedges, opinion and speech verbs.
 *
 * <p>They are computed from the text alone, with word lists and regular expressions, so training (on 100k
 * transcript sentences) and detection (on articles) compute exactly the same values. Named entities are
 * approximated by capitalised words that do not start the sentence: running CoreNLP over every training sentence
 * would cost minutes per run for a feature the embedding largely carries; the entity list in detection output
 * still comes from the NLP stage's NER.
 *
 * <p>The layout is versioned: {@link #LAYOUT_VERSION} is stored in the model, and a model trained on another
 * layout is refused. Thread-safe (stateless).
 */
public final class CheckworthinessFeatures {

    /** Changes whenever {@link #NAMES} or a computation changes. */
    public static final int LAYOUT_VERSION = 1;

    public static final List<String> NAMES = List.of(
            "log_tokens", "short_utterance", "digits", "number_words", "percent_or_money", "year",
            "comparison_words", "superlative", "capitalised_inside", "capitalised_ratio", "quote_marks",
            "past_tense", "modal_or_future", "present_be_have", "first_person_singular", "first_person_plural",
            "second_person", "question", "exclamation", "negations", "hedges", "speech_verbs", "opinion_words",
            "temporal_words", "transcript_marker", "greeting_or_thanks");

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’.,%$\\-]*|[$%]");
    private static final Pattern DIGITS = Pattern.compile("\\d");
    private static final Pattern YEAR = Pattern.compile("\\b(1[89]\\d\\d|20\\d\\d)s?\\b");
    private static final Pattern PERCENT_MONEY = Pattern.compile(
            "[%$€£]|\\b(percent|per cent|percentage|dollars?|euros?|pounds|cents?|trillion|billion|million)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTE = Pattern.compile("[\"“”«»]|(?:^|\\s)['‘][^']+['’](?:\\s|[.,;:!?]|$)");
    private static final Pattern TRANSCRIPT = Pattern.compile("^[(\\[].*[)\\]]$|\\((?:applause|laughter|crosstalk|"
            + "cheers|booing|inaudible)\\)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GREETING = Pattern.compile("\\b(thank you|thanks|good evening|good morning|"
            + "good night|hello|welcome|god bless)\\b", Pattern.CASE_INSENSITIVE);

    private static final Set<String> NUMBER_WORDS = Set.of("one", "two", "three", "four", "five", "six", "seven",
            "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty",
            "seventy", "eighty", "ninety", "hundred", "hundreds", "thousand", "thousands", "million", "millions",
            "billion", "billions", "trillion", "trillions", "dozen", "dozens", "half", "third", "quarter", "twice",
            "double", "doubled", "triple", "tripled", "percent", "majority", "minority", "average", "rate", "times");
    private static final Set<String> COMPARISON = Set.of("more", "less", "fewer", "than", "most", "least",
            "increase", "increased", "increases", "increasing", "decrease", "decreased", "decreases", "rise", "rose",
            "risen", "rising", "fall", "fell", "fallen", "falling", "grow", "grew", "grown", "growth", "cut", "cuts",
            "drop", "dropped", "higher", "lower", "larger", "smaller", "bigger", "greater", "record", "up", "down",
            "only", "every", "all", "none", "over", "under", "since", "ever", "never", "first", "last");
    private static final Set<String> SUPERLATIVE = Set.of("most", "least", "largest", "biggest", "highest",
            "lowest", "best", "worst", "greatest", "smallest", "fastest", "strongest", "closest", "longest",
            "first", "only", "record", "ever", "history");
    private static final Set<String> IRREGULAR_PAST = Set.of("was", "were", "had", "did", "said", "went", "came",
            "made", "took", "gave", "got", "saw", "knew", "told", "left", "lost", "won", "paid", "sent", "spent",
            "built", "brought", "bought", "became", "began", "fell", "rose", "grew", "cut", "put", "set", "met", "ran",
            "wrote", "signed", "voted", "passed", "killed", "raised");
    private static final Set<String> MODAL = Set.of("will", "would", "could", "should", "shall", "may", "might",
            "can", "must", "gonna", "going", "'ll", "i'll", "we'll", "you'll", "they'll", "he'll", "she'll");
    private static final Set<String> PRESENT = Set.of("is", "are", "am", "has", "have", "does", "do", "'s", "'re");
    private static final Set<String> FIRST_SINGULAR = Set.of("i", "me", "my", "mine", "myself", "i'm", "i've",
            "i'd", "i'll");
    private static final Set<String> FIRST_PLURAL = Set.of("we", "us", "our", "ours", "ourselves", "we're",
            "we've", "we'd", "we'll");
    private static final Set<String> SECOND = Set.of("you", "your", "yours", "yourself", "you're", "you've",
            "you'd", "you'll");
    private static final Set<String> OPINION = Set.of("think", "believe", "feel", "hope", "want", "wish", "love",
            "like", "great", "wonderful", "terrible", "horrible", "beautiful", "tremendous", "incredible",
            "amazing", "bad", "good", "nice", "disaster", "should", "must", "need", "let", "let's", "please");
    private static final Set<String> TEMPORAL = Set.of("today", "yesterday", "tomorrow", "week", "month", "year",
            "years", "decade", "decades", "january", "february", "march", "april", "may", "june", "july", "august",
            "september", "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
            "saturday", "sunday", "ago", "since", "last", "recently", "now", "currently", "annually");
    private static final Set<String> NOT_NAMES = Set.of("i", "i'm", "i've", "i'd", "i'll", "mr", "mr.", "mrs",
            "mrs.", "ms", "ms.", "dr", "dr.", "ok", "okay");

    private static final Lexicon NEGATION = Lexicon.load("negation-cues");
    private static final Lexicon HEDGES = Lexicon.load("hedge-cues");
    private static final Lexicon SPEECH = Lexicon.load("speech-verbs");

    private CheckworthinessFeatures() {
    }

    /** The features of one sentence, in {@link #NAMES} order. */
    public static double[] compute(String text) {
        String norm = text.replace('’', '\'').replace('‘', '\'').strip();
        List<String> tokens = new ArrayList<>();
        List<Boolean> capitalised = new ArrayList<>();
        Matcher m = TOKEN.matcher(norm);
        while (m.find()) {
            String t = trimPunctuation(m.group());
            if (t.isEmpty()) {
                continue;
            }
            tokens.add(t.toLowerCase(Locale.ROOT));
            capitalised.add(Character.isUpperCase(t.charAt(0)));
        }
        int n = tokens.size();
        int numberWords = 0;
        int comparison = 0;
        int superlative = 0;
        int capsInside = 0;
        int past = 0;
        int modal = 0;
        int present = 0;
        int fps = 0;
        int fpp = 0;
        int second = 0;
        int negations = 0;
        int hedges = 0;
        int speech = 0;
        int opinion = 0;
        int temporal = 0;
        for (int i = 0; i < n; i++) {
            String t = tokens.get(i);
            String bare = t.replace(",", "").replace(".", "");
            numberWords += NUMBER_WORDS.contains(bare) ? 1 : 0;
            comparison += COMPARISON.contains(bare) ? 1 : 0;
            superlative += SUPERLATIVE.contains(bare) || (bare.length() > 5 && bare.endsWith("est")
                    && !bare.endsWith("interest") && !bare.endsWith("test")) ? 1 : 0;
            if (i > 0 && capitalised.get(i) && !NOT_NAMES.contains(t)) {
                capsInside++;
            }
            past += IRREGULAR_PAST.contains(bare) || (bare.length() > 4 && bare.endsWith("ed")) ? 1 : 0;
            modal += MODAL.contains(t) || t.endsWith("'ll") ? 1 : 0;
            present += PRESENT.contains(t) || t.endsWith("'s") || t.endsWith("'re") ? 1 : 0;
            fps += FIRST_SINGULAR.contains(t) ? 1 : 0;
            fpp += FIRST_PLURAL.contains(t) ? 1 : 0;
            second += SECOND.contains(t) ? 1 : 0;
            negations += NEGATION.contains(t) || t.endsWith("n't") ? 1 : 0;
            hedges += HEDGES.contains(t) ? 1 : 0;
            speech += SPEECH.contains(t) ? 1 : 0;
            opinion += OPINION.contains(t) ? 1 : 0;
            temporal += TEMPORAL.contains(bare) ? 1 : 0;
        }
        int digits = 0;
        Matcher d = DIGITS.matcher(norm);
        while (d.find()) {
            digits++;
        }
        double[] f = new double[NAMES.size()];
        int k = 0;
        f[k++] = Math.log1p(n);
        f[k++] = n <= 3 ? 1 : 0;
        f[k++] = Math.log1p(digits);
        f[k++] = Math.log1p(numberWords);
        f[k++] = PERCENT_MONEY.matcher(norm).find() ? 1 : 0;
        f[k++] = YEAR.matcher(norm).find() ? 1 : 0;
        f[k++] = Math.log1p(comparison);
        f[k++] = Math.log1p(superlative);
        f[k++] = Math.log1p(capsInside);
        f[k++] = n <= 1 ? 0 : (double) capsInside / (n - 1);
        f[k++] = QUOTE.matcher(norm).find() ? 1 : 0;
        f[k++] = Math.log1p(past);
        f[k++] = Math.log1p(modal);
        f[k++] = Math.log1p(present);
        f[k++] = Math.log1p(fps);
        f[k++] = Math.log1p(fpp);
        f[k++] = Math.log1p(second);
        f[k++] = norm.endsWith("?") || norm.contains("? ") ? 1 : 0;
        f[k++] = norm.contains("!") ? 1 : 0;
        f[k++] = Math.log1p(negations);
        f[k++] = Math.log1p(hedges);
        f[k++] = Math.log1p(speech);
        f[k++] = Math.log1p(opinion);
        f[k++] = Math.log1p(temporal);
        f[k++] = TRANSCRIPT.matcher(norm).find() ? 1 : 0;
        f[k++] = GREETING.matcher(norm).find() ? 1 : 0;
        if (k != f.length) {
            throw new IllegalStateException("feature layout out of sync with NAMES");
        }
        return f;
    }

    private static String trimPunctuation(String t) {
        int end = t.length();
        while (end > 0 && ".,-".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end);
    }
}
