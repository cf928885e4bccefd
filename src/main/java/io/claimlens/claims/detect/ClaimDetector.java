package io.claimlens.claims.detect;

import io.claimlens.model.AnalyzedArticle;
import io.claimlens.model.Attribution;
import io.claimlens.model.DetectedClaim;
import io.claimlens.model.DetectedClaimType;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.Sentence;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.Span;
import io.claimlens.model.Token;
import io.claimlens.nlp.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the statements of an analysed article that are worth checking, scores them, and says what they are, who
 * made them and how they read on their own.
 *
 * <p><b>Candidates.</b> An attributed quotation that is a statement (4+ words and, where the NLP stage tagged
 * parts of speech, a finite verb; otherwise an upper-case start) is a candidate on its own, with its speaker;
 * its score is the highest of three readings: the sentence(s) that carry it (who says it and how is part of what
 * makes it worth checking, and the classifier was trained on whole transcript sentences), its words alone, and
 * its words as reported speech ({@link #reportedSpeech}: the speaker's words without quotation marks, as the
 * transcripts it was trained on give them).
 * Every other sentence of 4+ words that is not a question and does not overlap such a quotation is a candidate;
 * shorter quoted phrases stay inside their sentence, which then is a {@link DetectedClaimType#QUOTE} with the
 * phrase's speaker.
 *
 * <p><b>Type</b> (first that applies): QUOTE (above); STATISTIC (digits, number words, percent or money, "more
 * than"/"less than"/"twice"); EVENT (a past-tense verb together with a named entity or a date); OTHER.
 *
 * <p><b>Source.</b> The speaker of a quote; else the subject of reported speech ("The US and South Korea have
 * accused ...", "..., officials said", "according to X"), a leading he/she resolved as below.
 *
 * <p><b>Normalised claim.</b> A statement quote reads {@code "<words>," says <speaker>.} (the form {@code check}
 * parses as a factual claim with a speaker). A sentence keeps its words, with a leading "He"/"She" replaced by the
 * person the article means (the speaker of a quotation in the same sentence, else the only person named in the
 * previous sentence, or in the one before if the previous names nobody), a leading connective ("However,",
 * "But") and a trailing source citation ("(Yonhap)") removed.
 *
 * <p>Thread-safe if the classifier is; deterministic.
 */
public final class ClaimDetector {

    static final int MIN_WORDS = 4;

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’\\-]*");
    private static final Pattern NUMBERS = Pattern.compile("\\d|[%$€£]|\\b(?:percent|per cent|hundreds?|thousands?|"
            + "millions?|billions?|trillions?|dozens?|twice|double[ds]?|triple[ds]?|half|one-third|two-thirds|"
            + "(?:more|less|fewer|greater|higher|lower) than)\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern PAST_WORD = Pattern.compile("\\b(?:[a-z]{3,}ed|was|were|had|met|said|told|made|"
            + "took|sent|won|lost|signed|began|came|went|left|held|gave|fell|rose|paid|built|fought)\\b");
    private static final String REPORT_VERBS = "said|says|say|accused|accuses|accuse|claimed|claims|claim|alleged|"
            + "alleges|allege|reported|reports|report|announced|announces|warned|warns|warn|denied|denies|deny|told|"
            + "argued|argues|argue|stated|states|insisted|insists|insist|estimated|estimates|estimate|confirmed|"
            + "confirms|confirm|charged|maintained|maintains|asserted|asserts|noted|notes|wrote|writes|predicted|"
            + "acknowledged|admitted|suggested|suggests|believe|believes|fear|fears|added";
    private static final Pattern LEADING_SOURCE = Pattern.compile("^(?<src>[A-Z][^,;:\"“”]{1,80}?)\\s+"
            + "(?:has\\s+|have\\s+|had\\s+)?(?:also\\s+|repeatedly\\s+|publicly\\s+|previously\\s+|recently\\s+)?"
            + "(?:" + REPORT_VERBS + ")\\b");
    private static final Pattern TRAILING_SOURCE = Pattern.compile(",\\s*(?<src>[^,;:\"“”]{2,60}?)\\s+(?:"
            + REPORT_VERBS + ")\\s*[.!]?\\s*$");
    private static final Pattern ACCORDING_TO =
            Pattern.compile("\\b[Aa]ccording to\\s+(?<src>[^,;:.\"“”()]{2,60})");
    /** A news dateline opening a sentence: "VELMORA, March 2 - ", "LONDON (Reuters) - ". */
    private static final Pattern DATELINE = Pattern.compile("^\\p{Lu}[\\p{Lu} .'’-]{2,40}(?:,\\s*(?:\\p{L}{3,9}\\.?\\s+"
            + "\\d{1,2}|\\d{1,2}\\s+\\p{L}{3,9})(?:,\\s*\\d{4})?)?\\s*(?:\\([^()]{1,30}\\))?\\s*(?:-|–|—|--)\\s+(?=\\S)");
    private static final Pattern CONNECTIVE = Pattern.compile("^(?:However|But|And|Also|Meanwhile|Moreover|"
            + "Furthermore|In addition|Still|Yet|So|Indeed|Nevertheless|Nonetheless)\\b,?\\s+");
    private static final Pattern TRAILING_CITATION = Pattern.compile("\\s*\\([^()]{1,60}\\)\\s*(?=[.!]?\\s*$)");
    private static final Pattern TRAILING_TIME = Pattern.compile("\\s+(?:on\\s+\\w+day|yesterday|today|tonight|"
            + "last\\s+\\w+|this\\s+\\w+|earlier|recently|previously|also)$", Pattern.CASE_INSENSITIVE);
    private static final Set<String> DETERMINERS = Set.of("the", "a", "an", "its", "their", "his", "her", "our",
            "this", "that", "these", "those", "such", "another", "whose");
    private static final Set<String> PASSIVE = Set.of("is", "are", "was", "were", "be", "been", "being");
    /** Opening words of a quotation written lower-case in reported speech ("We will" → "said we will"). */
    private static final Set<String> REPORTED_LOWER_CASE = Set.of("we", "you", "he", "she", "it", "they", "this",
            "that", "these", "those", "there", "the", "a", "an", "our", "my", "your", "his", "her", "its", "their",
            "no", "not", "nobody", "nothing", "everyone", "everything", "all", "some", "many", "if", "when", "what");
    private static final Set<String> NOT_SOURCES = Set.of("it", "this", "that", "there", "these", "those", "what",
            "which", "who", "when", "if", "as", "while", "some", "many");

    private final CheckworthinessClassifier classifier;
    private final Lexicon pronouns = Lexicon.load("pronouns");

    public ClaimDetector(CheckworthinessClassifier classifier) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
    }

    public CheckworthinessClassifier classifier() {
        return classifier;
    }

    /**
     * A candidate before scoring: {@code scored} is the text the classifier reads (for a quote, the sentences that
     * carry it; its words, and {@code reported}, are read too). {@code reported} is null for a sentence.
     */
    private record Unit(Span span, int sentence, String text, String scored, String reported, Attribution quote,
                        Attribution phraseSpeaker) {
    }

    /**
     * Every candidate statement of the article, scored, in text order (one encoder call for the article).
     * Candidates are scored on their own, without context: the model's calibrated regime (see
     * {@link CheckworthinessClassifier#score(List)}).
     */
    public List<DetectedClaim> detect(AnalyzedArticle a) {
        List<Unit> units = candidates(a);
        LinkedHashSet<String> distinct = new LinkedHashSet<>();
        for (Unit u : units) {
            distinct.add(u.scored());
            if (u.quote() != null) {
                distinct.add(u.text());
                distinct.add(u.reported());
            }
        }
        List<String> texts = new ArrayList<>(distinct);
        double[] scores = classifier.score(texts);
        Map<String, Double> byText = new HashMap<>();
        for (int i = 0; i < scores.length; i++) {
            byText.put(texts.get(i), scores[i]);
        }
        List<DetectedClaim> out = new ArrayList<>(units.size());
        for (Unit u : units) {
            double score = byText.get(u.scored());
            if (u.quote() != null) {
                score = Math.max(score, Math.max(byText.get(u.text()), byText.get(u.reported())));
            }
            out.add(describe(a, u, Math.min(1, Math.max(0, score))));
        }
        return out;
    }

    private List<Unit> candidates(AnalyzedArticle a) {
        String text = a.article().text();
        List<Attribution> statements = new ArrayList<>();
        for (Attribution at : a.attributions()) {
            if (at.hasSpeaker() && isStatement(a, at.quote().span())) {
                statements.add(at);
            }
        }
        List<Unit> units = new ArrayList<>();
        for (Sentence s : a.sentences()) {
            boolean overlapsStatement = statements.stream().anyMatch(q -> q.quote().span().overlaps(s.span()));
            for (Attribution q : statements) {
                if (q.quote().sentence() == s.index()) {
                    int[] range = carryingRange(a, q.quote().span(), s.index());
                    String carrying = trim(text, Span.of(a.sentences().get(range[0]).start(),
                            a.sentences().get(range[1]).end())).coveredText(text);
                    units.add(new Unit(q.quote().span(), s.index(), q.quote().text(), carrying,
                            reportedSpeech(q.quote().text(), speakerName(q)), q, null));
                }
            }
            if (overlapsStatement || words(s.text()) < MIN_WORDS || isQuestion(s.text())) {
                continue;
            }
            Attribution phrase = null;
            for (Attribution at : a.attributions()) {
                if (at.hasSpeaker() && s.span().contains(at.quote().span().start())) {
                    phrase = at;
                    break;
                }
            }
            String sentenceText = trim(text, s.span()).coveredText(text);
            units.add(new Unit(trim(text, s.span()), s.index(), sentenceText, sentenceText, null, null, phrase));
        }
        return units;
    }

    /**
     * First and last index of the sentences a quotation overlaps: their text is what the classifier reads, so the
     * speaker and the attribution verb come with the words, as in the transcript sentences it was trained on.
     */
    private static int[] carryingRange(AnalyzedArticle a, Span quote, int opening) {
        int first = -1;
        int last = -1;
        for (Sentence s : a.sentences()) {
            if (s.span().overlaps(quote)) {
                first = first < 0 ? s.index() : first;
                last = s.index();
            }
        }
        return first < 0 ? new int[] {opening, opening} : new int[] {first, last};
    }

    /** A quotation that says something on its own, not a phrase ("holy struggle"). */
    boolean isStatement(AnalyzedArticle a, Span quote) {
        String words = quote.coveredText(a.article().text());
        if (words(words) < MIN_WORDS) {
            return false;
        }
        boolean tagged = false;
        for (List<Token> sentence : a.tokens()) {
            for (Token t : sentence) {
                if (t.pos() == null) {
                    continue;
                }
                tagged = true;
                if (t.start() >= quote.start() && t.end() <= quote.end()
                        && (t.pos().equals("VBZ") || t.pos().equals("VBP") || t.pos().equals("VBD")
                        || t.pos().equals("MD"))) {
                    return true;
                }
            }
        }
        return !tagged && Character.isUpperCase(words.codePointAt(0));
    }

    private DetectedClaim describe(AnalyzedArticle a, Unit u, double score) {
        String articleText = a.article().text();
        List<String> entities = entitiesIn(a, u.span());
        String speaker = null;
        String source;
        DetectedClaimType type;
        String claim;
        if (u.quote() != null) {
            type = DetectedClaimType.QUOTE;
            speaker = u.quote().canonicalSpeaker();
            source = speaker;
            claim = quoteClaim(u.text(), speaker);
        } else {
            String personBefore = personBefore(a, u.sentence());
            if (u.phraseSpeaker() != null) {
                type = DetectedClaimType.QUOTE;
                speaker = u.phraseSpeaker().canonicalSpeaker();
                source = speaker;
            } else {
                type = typeOf(a, u);
                source = sourceOf(u.text(), personBefore);
            }
            String subject = speaker != null && u.phraseSpeaker().kind() == SpeakerKind.PERSON ? speaker : personBefore;
            claim = sentenceClaim(u.text(), subject);
        }
        return new DetectedClaim(DetectedClaim.idFor(a.id(), u.span()), a.id(), a.article().origin(),
                u.span().coveredText(articleText), u.span(), u.sentence(), score, type, speaker, source, entities,
                claim);
    }

    private DetectedClaimType typeOf(AnalyzedArticle a, Unit u) {
        if (NUMBERS.matcher(u.text()).find()) {
            return DetectedClaimType.STATISTIC;
        }
        boolean past = false;
        boolean tagged = false;
        boolean dated = false;
        List<Token> tokens = u.sentence() < a.tokens().size() ? a.tokens().get(u.sentence()) : List.of();
        for (Token t : tokens) {
            if (t.pos() != null) {
                tagged = true;
                past |= t.pos().equals("VBD") || t.pos().equals("VBN");
            }
            dated |= t.entity() == EntityType.DATE;
        }
        if (!tagged) {
            past = PAST_WORD.matcher(u.text().toLowerCase(Locale.ROOT)).find();
        }
        boolean named = !entitiesIn(a, u.span()).isEmpty() || dated;
        return past && named ? DetectedClaimType.EVENT : DetectedClaimType.OTHER;
    }

    /** Who the sentence says made the statement, or null. */
    String sourceOf(String sentence, String personBefore) {
        String s = withoutDateline(sentence.strip());
        Matcher m = LEADING_SOURCE.matcher(s);
        String src = null;
        if (m.find()) {
            src = m.group("src");
        } else {
            Matcher t = TRAILING_SOURCE.matcher(s);
            if (t.find()) {
                src = t.group("src");
            } else {
                Matcher acc = ACCORDING_TO.matcher(s);
                if (acc.find()) {
                    src = acc.group("src");
                }
            }
        }
        if (src == null) {
            return null;
        }
        src = TRAILING_TIME.matcher(src.strip()).replaceFirst("");
        String[] words = src.toLowerCase(Locale.ROOT).split("\\s+");
        String last = words[words.length - 1];
        if (words.length > 8 || NOT_SOURCES.contains(words[0]) || PASSIVE.contains(last)
                || DETERMINERS.contains(last)) {
            return null; // "X is accused of": X is not the source; "The claim that": a noun, not a verb
        }
        String first = words[0];
        if (pronouns.contains(src)) {
            return (first.equals("he") || first.equals("she")) ? personBefore : null;
        }
        return src;
    }

    /** {@code "<words>," says <speaker>.} (a question or exclamation keeps its mark instead of the comma). */
    static String quoteClaim(String words, String speaker) {
        String w = bareWords(words);
        String mark = w.endsWith("?") || w.endsWith("!") ? "" : ",";
        return "\u201C" + w + mark + "\u201D says " + speaker + ".";
    }

    /**
     * A quotation as reported speech: {@code <Speaker> said <words>.}, quotation marks gone. The classifier was
     * trained on transcripts, where a speaker's words carry no quotation marks, and it learned marks as a sign of
     * non-claims: "Crime has doubled since 2019," says the mayor scores 0.81 where The mayor said crime has
     * doubled since 2019 scores 0.95, and "Thank you all for coming" stays below 0.01 either way (the seed
     * investigation's quotation scored 0.29 quoted, 0.60 reported). This reading puts a news quotation in the form
     * the classifier knows.
     */
    static String reportedSpeech(String words, String speaker) {
        String w = bareWords(words);
        int firstEnd = w.indexOf(' ') < 0 ? w.length() : w.indexOf(' ');
        String firstWord = w.substring(0, firstEnd);
        if (!firstWord.equals("I") && REPORTED_LOWER_CASE.contains(firstWord.toLowerCase(Locale.ROOT))) {
            w = firstWord.toLowerCase(Locale.ROOT) + w.substring(firstEnd);
        }
        String who = speaker.isEmpty() ? speaker : Character.toUpperCase(speaker.charAt(0)) + speaker.substring(1);
        String end = w.endsWith("?") || w.endsWith("!") ? "" : ".";
        return who + " said " + w + end;
    }

    /** A quotation's words on one line, without the punctuation that ended them inside the marks. */
    private static String bareWords(String words) {
        String w = words.strip().replaceAll("\\s+", " ");
        while (!w.isEmpty() && ",;:. ".indexOf(w.charAt(w.length() - 1)) >= 0) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    private static String speakerName(Attribution a) {
        return a.canonicalSpeaker() != null ? a.canonicalSpeaker() : a.speaker();
    }

    /** The sentence standing alone: leading he/she resolved, connective and trailing citation removed. */
    static String sentenceClaim(String sentence, String person) {
        String s = withoutDateline(sentence.strip().replaceAll("\\s+", " "));
        Matcher c = CONNECTIVE.matcher(s);
        if (c.find() && c.end() < s.length()) {
            s = s.substring(c.end());
            s = Character.toUpperCase(s.charAt(0)) + s.substring(1);
        }
        if (person != null) {
            Matcher p = Pattern.compile("^(?:He|She)\\b").matcher(s);
            if (p.find()) {
                s = person + s.substring(p.end());
            }
        }
        s = TRAILING_CITATION.matcher(s).replaceFirst("");
        if (!s.isEmpty() && ".!?\"”".indexOf(s.charAt(s.length() - 1)) < 0) {
            s = s + ".";
        }
        return s;
    }

    /** The sentence without a leading news dateline (place, date, agency), which belongs to no statement. */
    static String withoutDateline(String sentence) {
        Matcher m = DATELINE.matcher(sentence);
        return m.find() ? sentence.substring(m.end()) : sentence;
    }

    /**
     * The person a leading he/she means: the only person quoted in the previous sentence ("X said: '...'. She
     * added ..." continues the speaker, whatever else the sentence names); else the only person (canonical name)
     * named or quoted in it; if it names none, the same in the sentence before that; else null (none, or
     * ambiguous). Quoted speakers come first because person tags alone mislead: NER tags a country in
     * "Estovia's foreign minister, Ilse Varga," as a person too.
     */
    private String personBefore(AnalyzedArticle a, int sentence) {
        for (int back = 1; back <= 2 && sentence - back >= 0; back++) {
            Span window = a.sentences().get(sentence - back).span();
            Set<String> speakers = new LinkedHashSet<>();
            for (Attribution at : a.attributions()) {
                if (at.hasSpeaker() && at.kind() == SpeakerKind.PERSON && window.contains(at.quote().span().start())) {
                    speakers.add(at.canonicalSpeaker());
                }
            }
            if (speakers.size() == 1) {
                return speakers.iterator().next();
            }
            Set<String> persons = new LinkedHashSet<>(speakers);
            for (EntityMention m : a.entities()) {
                if (m.type() == EntityType.PERSON && window.contains(m.span())) {
                    persons.add(m.canonical());
                }
            }
            if (persons.size() == 1) {
                return persons.iterator().next();
            }
            if (persons.size() > 1) {
                return null;
            }
        }
        return null;
    }

    /** Canonical names of the named entities inside the span (no dates, numbers or titles). */
    static List<String> entitiesIn(AnalyzedArticle a, Span span) {
        Set<String> out = new LinkedHashSet<>();
        for (EntityMention m : a.entities()) {
            if (span.contains(m.span()) && m.type() != EntityType.DATE && m.type() != EntityType.NUMBER
                    && m.type() != EntityType.TITLE) {
                out.add(m.canonical());
            }
        }
        return List.copyOf(out);
    }

    static int words(String s) {
        Matcher m = WORD.matcher(s);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    static boolean isQuestion(String s) {
        String t = s.strip();
        return t.endsWith("?") || t.endsWith("?\"") || t.endsWith("?\u201D");
    }

    /** The span without surrounding whitespace. */
    private static Span trim(String text, Span s) {
        int a = s.start();
        int b = s.end();
        while (a < b && Character.isWhitespace(text.charAt(a))) {
            a++;
        }
        while (b > a && Character.isWhitespace(text.charAt(b - 1))) {
            b--;
        }
        return Span.of(a, b);
    }
}
