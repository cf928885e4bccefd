package io.claimlens.nlp.quotes;

import io.claimlens.model.Attribution;
import io.claimlens.model.EntityMention;
import io.claimlens.model.EntityType;
import io.claimlens.model.NoSpeakerReason;
import io.claimlens.model.Quote;
import io.claimlens.model.Sentence;
import io.claimlens.model.Span;
import io.claimlens.model.SpeakerKind;
import io.claimlens.model.Token;
import io.claimlens.nlp.Lexicon;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Quotation attribution for news, as explicit named rules over tokens, part-of-speech tags and entities.
 *
 * <p>For each quotation, in order (the first that applies decides; its name is the attribution's {@code rule}):
 * <ol>
 *   <li>{@code transcript}: a quoted line that opens with a speaker's name and a colon ({@code "PENCE: Well, ..."}).
 *   </li>
 *   <li>{@code quote-intro-verb} / {@code reported-speech}: the nearest speech verb left of the quote and its
 *       subject ({@code S said: "Q"}, {@code S stated, "Q"}, {@code S said that ... "Q"}, {@code S called X "Q"});
 *       a passive agent counts ({@code characterized by S as "Q"}), and so does an inverted subject
 *       ({@code said S, "Q"}).</li>
 *   <li>{@code trailing-said}: right after the quote (in the sentence where it closes), {@code "Q," said S} or
 *       {@code "Q," S (D-Wis.) said}.</li>
 *   <li>{@code sentence-tag}: the sentence ends in a speech tag ({@code ..., Lavrov said.}).</li>
 *   <li>{@code according-to}: {@code according to S, ... "Q"}.</li>
 *   <li>{@code possessive-speech-noun}: {@code S's claim that ... "Q"}.</li>
 *   <li>No speech frame: the wording of a document ({@code It provides for "Q"}) is {@code DOCUMENT_TEXT}; a
 *       headline is {@code HEADLINE}; a paragraph reopening a quotation left open continues its speaker
 *       ({@code continuation}); a quotation that is most of its sentence, or speaks in the first person, continues
 *       the previous sentence's speaker ({@code floating}); a title-cased phrase is {@code TITLE_OR_TERM}; a
 *       quotation of at most three words is a {@code SCARE_QUOTE}; anything else has {@code NO_CANDIDATE}.</li>
 * </ol>
 * Speakers are named persons, organisations, groups and roles ("U.S. officials", "A North Korean representative at
 * the United Nations"); a place ("Moscow") speaks only for quotations of four words or more (metonymy for a
 * government), never for a scare quote. Pronoun subjects resolve to the nearest preceding person whose gender, as
 * the text states it (a he/she in the mention's own sentence, or Mr/Ms), fits, and stay the pronoun itself when
 * nobody fits (the speaker at the site is still known to be "he"); definite roles ("the expert", "the North Korean
 * leader") resolve to the nearest person before their sentence whose stated title does not conflict.
 *
 * <p>Confidence is the probability that the attribution is right, from a model fitted on annotated news (PolNeAR
 * train): it reads the deciding rule with its resolution step ({@code +pronoun}, {@code +role}, {@code +place}),
 * the speaker's kind, how far the speaker's mention is from the quotation, and more; see
 * {@link AttributionConfidence} and {@link AttributionFeatures}.
 *
 * <p>Thread-safe: immutable after construction.
 */
public final class NewsQuoteAttributor implements QuoteAttributor {

    private static final Set<String> AUX = Set.of("has", "have", "had", "was", "were", "is", "are", "be", "been",
            "being", "will", "would", "did", "does", "do", "can", "could", "may", "might", "shall", "should",
            "must", "also", "then", "later", "not", "n't", "reportedly", "publicly");
    private static final Set<String> CONJ = Set.of("and", "or", "but", "while", "as");
    private static final Set<String> SUBORDINATORS = Set.of("though", "although", "while", "because", "as", "if",
            "when", "since", "after", "before", "that", "whether", "once", "until", "unless", "where");
    private static final Set<String> ORG_HEADS = Set.of("ministry", "agency", "government", "military", "army",
            "police", "intelligence", "authorities", "delegation", "office", "department", "services", "media",
            "council", "committee", "kremlin", "white", "embassy", "regime");
    private static final Set<String> PP_HEADS = Set.of("at", "of", "for", "from", "in", "to");
    private static final Set<String> HONORIFIC_M = Set.of("mr", "mr.", "sir");
    private static final Set<String> HONORIFIC_F = Set.of("ms", "ms.", "mrs", "mrs.", "miss", "madam");
    private static final Set<String> SUBJECT_PRONOUNS = Set.of("he", "she", "they", "i", "we");
    /**
     * A transcript speaker at the start of a quoted line: one to three upper-case words and a colon ("PENCE:",
     * "MR. TRUMP:"); mixed case is left alone, since "The Fixers: Eddie Mannix ..." is a book title.
     */
    private static final java.util.regex.Pattern TRANSCRIPT = java.util.regex.Pattern.compile(
            "([A-Z][A-Z.'\\-]+(?: [A-Z][A-Z.'\\-]+){0,2}):\\s");
    private static final Set<String> MONTHS_AND_DAYS = Set.of("January", "February", "March", "April", "May", "June",
            "July", "August", "September", "October", "November", "December", "Monday", "Tuesday", "Wednesday",
            "Thursday", "Friday", "Saturday", "Sunday", "Today", "Yesterday");
    private static final Set<String> TIME_WORDS = Set.of("today", "yesterday", "tonight", "monday", "tuesday",
            "wednesday", "thursday", "friday", "saturday", "sunday", "later", "earlier", "then", "also", "again",
            "recently", "once", "twice", "previously", "last", "week", "month", "year", "on", "in", "this");

    private final Lexicon speechVerbs;
    private final Lexicon reportingVerbs;
    private final Lexicon roleNouns;
    private final Lexicon documentNouns;
    private final Lexicon documentVerbs;
    private final Lexicon speechNouns;
    private final Lexicon titleWords;
    private final Map<String, Character> pronounGender = new HashMap<>();
    private final AttributionConfidence confidence;

    /** With the shipped confidence model ({@code models/attribution-confidence-v2}). */
    public NewsQuoteAttributor() {
        this(AttributionConfidence.load(AttributionConfidence.DEFAULT_MODEL));
    }

    public NewsQuoteAttributor(AttributionConfidence confidence) {
        this.speechVerbs = Lexicon.load("speech-verbs");
        this.reportingVerbs = Lexicon.load("reporting-verbs");
        this.roleNouns = Lexicon.load("role-nouns");
        this.documentNouns = Lexicon.load("document-nouns");
        this.documentVerbs = Lexicon.load("document-verbs");
        this.speechNouns = Lexicon.load("speech-nouns");
        this.titleWords = Lexicon.load("titles");
        for (String[] row : Lexicon.load("pronouns").rows()) {
            pronounGender.put(row[0], row.length > 1 ? row[1].charAt(0) : 'x');
        }
        this.confidence = confidence;
    }

    @Override
    public String name() {
        return "claimlens-news-rules";
    }

    // ---------------------------------------------------------------------------------------------------------
    // Per-article view

    private enum CandKind { PERSON, ORG, LOC, GROUP, ROLE_DEF, PRONOUN }

    /**
     * A speaker candidate: a token range in one sentence. {@code npFirst} is where its whole noun phrase starts,
     * title included ("North Korea's state news agency KCNA" for KCNA); patterns that look before the speaker
     * ("by S", ", S said") look before the phrase.
     */
    private record Cand(int first, int last, Span span, String text, CandKind kind, String canonical, int npFirst) {
        Cand(int first, int last, Span span, String text, CandKind kind, String canonical) {
            this(first, last, span, text, kind, canonical, first);
        }

        Cand withNpFirst(int np) {
            return new Cand(first, last, span, text, kind, canonical, Math.min(np, npFirst));
        }
    }

    /** A person mention in document order, for pronoun and role resolution. */
    private record PersonRef(int sentence, Span span, String text, String canonical, boolean subject) {
    }

    private final class Doc {
        final AttributionInput in;
        final String text;
        final List<boolean[]> inQuote = new ArrayList<>();
        final List<List<Cand>> cands = new ArrayList<>();
        final List<PersonRef> persons = new ArrayList<>();
        final Map<String, Character> gender = new HashMap<>();
        final Map<String, List<String>> titles = new HashMap<>();
        /** Speaker decided for each sentence's frame, filled in text order for floating quotes. */
        final Map<Integer, Attribution> sentenceSpeaker = new HashMap<>();
        /** Sentences whose quotation was document text, for floating quotations that continue it. */
        final java.util.Set<Integer> documentSentences = new java.util.HashSet<>();

        Doc(AttributionInput in) {
            this.in = in;
            this.text = in.article().text();
            for (int s = 0; s < in.sentences().size(); s++) {
                inQuote.add(markQuotes(in.tokens().get(s)));
            }
            for (int s = 0; s < in.sentences().size(); s++) {
                cands.add(buildCandidates(s));
            }
            assignGenders();
        }

        List<Token> tokens(int s) {
            return in.tokens().get(s);
        }

        private boolean[] markQuotes(List<Token> toks) {
            boolean[] q = new boolean[toks.size()];
            for (QuoteFinder.Found f : in.quotes()) {
                int from = f.open();
                int to = f.close() >= 0 ? f.close() + 1 : f.content().end();
                for (int i = 0; i < toks.size(); i++) {
                    Token t = toks.get(i);
                    if (t.start() < to && t.end() > from) {
                        q[i] = true;
                    }
                }
            }
            return q;
        }

        private List<Cand> buildCandidates(int s) {
            List<Token> toks = tokens(s);
            boolean[] quoted = inQuote.get(s);
            List<Cand> out = new ArrayList<>();
            boolean[] taken = new boolean[toks.size()];
            // 1. entity mentions
            for (EntityMention m : in.mentions().get(s)) {
                CandKind kind = switch (m.type()) {
                    case PERSON -> CandKind.PERSON;
                    case ORGANIZATION -> CandKind.ORG;
                    case LOCATION -> CandKind.LOC;
                    default -> null;
                };
                if (kind == null) {
                    continue;
                }
                int[] r = tokenRange(toks, m.span());
                if (r == null || quoted[r[0]]) {
                    continue;
                }
                Cand mention = new Cand(r[0], r[1], m.span(), m.text(), kind, m.canonical());
                out.add(mention);
                for (int i = r[0]; i <= r[1]; i++) {
                    taken[i] = true;
                }
                if (kind == CandKind.PERSON) {
                    persons.add(new PersonRef(s, m.span(), m.text(), m.canonical(),
                            subjectPosition(toks, mention)));
                }
            }
            // 2. role noun phrases: titles of a following name, or speakers of their own
            for (int i = 0; i < toks.size(); i++) {
                Token t = toks.get(i);
                if (quoted[i] || taken[i] || !roleNouns.contains(t.text()) || !isNoun(t)) {
                    continue;
                }
                int head = i;
                while (head + 1 < toks.size() && !quoted[head + 1] && !taken[head + 1]
                        && isCommonNoun(toks.get(head + 1))) {
                    head++;
                }
                int first = extendLeft(toks, quoted, taken, i);
                Cand named = candStartingAt(out, head + 1);
                if (named != null && (named.kind == CandKind.PERSON || named.kind == CandKind.ORG)) {
                    addTitle(named.canonical, toks, first, head); // "Foreign Minister Choe Son Hui"
                    out.set(out.indexOf(named), named.withNpFirst(first));
                    for (int k = first; k <= head; k++) {
                        taken[k] = true;
                    }
                    i = head;
                    continue;
                }
                int last = extendRight(toks, quoted, head);
                // appositive title: "X, Russian Ambassador to North Korea," or "Russian Ambassador ..., X,"
                Cand before = first >= 2 && toks.get(first - 1).text().equals(",")
                        ? candEndingAt(out, first - 2) : null;
                Cand after = last + 2 < toks.size() && toks.get(last + 1).text().equals(",")
                        ? candStartingAt(out, last + 2) : null;
                if (before != null && before.kind == CandKind.PERSON) {
                    addTitle(before.canonical, toks, first, head);
                } else if (after != null && after.kind == CandKind.PERSON) {
                    addTitle(after.canonical, toks, first, head);
                }
                String head0 = toks.get(head).text().toLowerCase(Locale.ROOT);
                String det = toks.get(first).text().toLowerCase(Locale.ROOT);
                boolean plural = head0.endsWith("s") && !head0.endsWith("ss") || head0.equals("spokespeople");
                // "the expert", "the North Korean leader", and a bare "Ambassador" (headline style) point to one
                // person the article names elsewhere; "U.S. officials", "a representative" stay groups
                boolean bare = first == i && Character.isUpperCase(toks.get(i).text().charAt(0));
                CandKind kind;
                if (ORG_HEADS.contains(head0)) {
                    kind = CandKind.ORG;
                } else if (!plural && (det.equals("the") || bare)) {
                    kind = CandKind.ROLE_DEF;
                } else {
                    kind = CandKind.GROUP;
                }
                Span span = Span.of(toks.get(first).start(), toks.get(last).end());
                String surface = span.coveredText(text);
                out.add(new Cand(first, last, span, surface, kind, surface));
                for (int k = first; k <= last; k++) {
                    taken[k] = true;
                }
                i = last;
            }
            // honorifics and abbreviated titles before a name belong to its phrase: "Rep. Gwen Moore"
            for (int c = 0; c < out.size(); c++) {
                Cand n = out.get(c);
                int f = n.npFirst;
                while (f > 0 && !quoted[f - 1] && titleWords.contains(toks.get(f - 1).text())) {
                    f--;
                    taken[f] = true;
                }
                if (f < n.npFirst) {
                    if (n.kind == CandKind.PERSON) {
                        addTitle(n.canonical, toks, f, n.npFirst - 1);
                    }
                    out.set(c, n.withNpFirst(f));
                }
            }
            // names the tagger missed, next to a speech verb: "said Caddell", "Caddell continued"
            for (int i = 0; i < toks.size(); i++) {
                if (quoted[i] || taken[i] || !isProperNoun(toks.get(i))) {
                    continue;
                }
                int j = i;
                while (j + 1 < toks.size() && !quoted[j + 1] && !taken[j + 1] && isProperNoun(toks.get(j + 1))) {
                    j++;
                }
                boolean verbBefore = i > 0 && !quoted[i - 1] && isSpeechVerb(toks.get(i - 1));
                boolean verbAfter = j + 1 < toks.size() && !quoted[j + 1] && isSpeechVerb(toks.get(j + 1));
                if (verbBefore || verbAfter) {
                    Span span = Span.of(toks.get(i).start(), toks.get(j).end());
                    String surface = span.coveredText(text);
                    out.add(new Cand(i, j, span, surface, CandKind.PERSON, surface));
                    persons.add(new PersonRef(s, span, surface, surface, verbAfter));
                    for (int k = i; k <= j; k++) {
                        taken[k] = true;
                    }
                }
                i = j;
            }
            // 3. subject pronouns
            for (int i = 0; i < toks.size(); i++) {
                String w = toks.get(i).text().toLowerCase(Locale.ROOT);
                if (!quoted[i] && SUBJECT_PRONOUNS.contains(w)) {
                    Token t = toks.get(i);
                    out.add(new Cand(i, i, Span.of(t.start(), t.end()), t.text(), CandKind.PRONOUN, null));
                }
            }
            // Keep the widest candidate where a role phrase contains an entity ("... at the United Nations").
            List<Cand> kept = new ArrayList<>();
            for (Cand c : out) {
                boolean inside = false;
                for (Cand o : out) {
                    if (o != c && o.first <= c.first && o.last >= c.last && (o.last - o.first) > (c.last - c.first)) {
                        inside = true;
                        break;
                    }
                }
                if (!inside) {
                    kept.add(c);
                }
            }
            kept.sort((a, b) -> Integer.compare(a.first, b.first));
            return kept;
        }

        private int extendLeft(List<Token> toks, boolean[] quoted, boolean[] taken, int i) {
            int first = i;
            int steps = 0;
            while (first - 1 >= 0 && steps < 6 && !quoted[first - 1]) {
                Token p = toks.get(first - 1);
                String w = p.text().toLowerCase(Locale.ROOT);
                String pos = p.pos() == null ? "" : p.pos();
                boolean modifier = pos.startsWith("JJ") || pos.startsWith("NN") || pos.equals("CD")
                        || pos.equals("POS") || pos.equals("HYPH") || w.equals("-") || p.entity() == EntityType.MISC
                        || p.entity() == EntityType.NATIONALITY || p.entity() == EntityType.LOCATION
                        || p.entity() == EntityType.ORGANIZATION;
                boolean determiner = pos.equals("DT") || pos.equals("PRP$") || w.equals("a") || w.equals("an")
                        || w.equals("the");
                if (taken[first - 1] && p.entity() == EntityType.PERSON) {
                    break;
                }
                if (determiner) {
                    first--;
                    break;
                }
                if (!modifier) {
                    break;
                }
                first--;
                steps++;
            }
            return first;
        }

        private int extendRight(List<Token> toks, boolean[] quoted, int head) {
            int j = head + 1;
            if (j < toks.size() && !quoted[j] && PP_HEADS.contains(toks.get(j).text().toLowerCase(Locale.ROOT))) {
                int k = j + 1;
                if (k < toks.size() && toks.get(k).text().equalsIgnoreCase("the")) {
                    k++;
                }
                int last = -1;
                while (k < toks.size() && !quoted[k] && k - j <= 7) {
                    Token t = toks.get(k);
                    boolean named = t.entity() == EntityType.ORGANIZATION || t.entity() == EntityType.LOCATION
                            || (!t.text().isEmpty() && Character.isUpperCase(t.text().charAt(0))
                            && t.pos() != null && t.pos().startsWith("NNP"));
                    if (!named) {
                        break;
                    }
                    last = k;
                    k++;
                }
                if (last > 0) {
                    return last;
                }
            }
            return head;
        }

        private void addTitle(String person, List<Token> toks, int first, int head) {
            List<String> t = titles.computeIfAbsent(person, k -> new ArrayList<>());
            for (int i = first; i <= head; i++) {
                t.add(toks.get(i).text().toLowerCase(Locale.ROOT));
            }
        }

        /**
         * Gender as the text states it: Mr/Ms before a mention, or a he/his/she/her (outside quotations) in a
         * sentence where this person is the only one named. A pronoun in a later sentence is not used: that is
         * what resolution has to decide.
         */
        private void assignGenders() {
            for (PersonRef ref : persons) {
                if (gender.containsKey(ref.canonical)) {
                    continue;
                }
                Character g = honorific(ref);
                if (g == null && onlyPersonIn(ref)) {
                    g = pronounGenderIn(ref.sentence);
                }
                if (g != null) {
                    gender.put(ref.canonical, g);
                }
            }
        }

        private boolean onlyPersonIn(PersonRef ref) {
            for (PersonRef o : persons) {
                if (o.sentence == ref.sentence && !o.canonical.equals(ref.canonical)) {
                    return false;
                }
            }
            return true;
        }

        private Character pronounGenderIn(int s) {
            List<Token> toks = tokens(s);
            Character found = null;
            for (int i = 0; i < toks.size(); i++) {
                if (inQuote.get(s)[i]) {
                    continue;
                }
                Character g = pronounGender.get(toks.get(i).text().toLowerCase(Locale.ROOT));
                if (g != null && (g == 'm' || g == 'f')) {
                    if (found != null && !found.equals(g)) {
                        return null; // both genders: no evidence
                    }
                    found = g;
                }
            }
            return found;
        }

        private Character honorific(PersonRef ref) {
            List<Token> toks = tokens(ref.sentence);
            for (int i = 0; i < toks.size(); i++) {
                if (toks.get(i).end() <= ref.span.start() && i + 1 < toks.size()
                        && toks.get(i + 1).start() >= ref.span.start() - 1
                        && toks.get(i + 1).start() <= ref.span.start()) {
                    String w = toks.get(i).text().toLowerCase(Locale.ROOT);
                    if (HONORIFIC_M.contains(w)) {
                        return 'm';
                    }
                    if (HONORIFIC_F.contains(w)) {
                        return 'f';
                    }
                }
            }
            return null;
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Attribution

    @Override
    public List<Attribution> attribute(AttributionInput input) {
        List<Attribution> out = new ArrayList<>(input.quotes().size());
        if (input.quotes().isEmpty()) {
            return out;
        }
        Doc doc = new Doc(input);
        Attribution previousInParagraphChain = null;
        for (QuoteFinder.Found f : input.quotes()) {
            int s = sentenceOf(input.sentences(), f.content().start());
            Quote quote = new Quote(input.article().id(), f.content(), f.content().coveredText(doc.text),
                    Math.max(s, 0));
            Attribution a;
            if (s < 0) {
                a = none(quote, NoSpeakerReason.NO_CANDIDATE, "no-sentence");
            } else if (TRANSCRIPT.matcher(quote.text()).lookingAt()) {
                a = attributeOne(doc, f, quote, s);
            } else if (f.continuesPrevious() && previousInParagraphChain != null
                    && previousInParagraphChain.hasSpeaker()) {
                a = inherit(quote, previousInParagraphChain, "continuation");
            } else {
                a = attributeOne(doc, f, quote, s);
            }
            if (a.hasSpeaker() && s >= 0) {
                doc.sentenceSpeaker.putIfAbsent(s, a);
            }
            if (!a.hasSpeaker() && a.noSpeakerReason() == NoSpeakerReason.DOCUMENT_TEXT && s >= 0) {
                doc.documentSentences.add(s);
            }
            out.add(a);
            previousInParagraphChain = a;
        }
        // the confidence of each finished attribution: the trained model reads the rule and how it resolved
        out.replaceAll(a -> a.withConfidence(confidence.of(a)));
        return out;
    }

    private Attribution attributeOne(Doc doc, QuoteFinder.Found f, Quote quote, int s) {
        List<Token> toks = doc.tokens(s);
        boolean[] quoted = doc.inQuote.get(s);
        int openTok = firstTokenAtOrAfter(toks, f.open());
        int closeTok = f.close() >= 0 ? firstTokenAtOrAfter(toks, f.close() + 1) : toks.size();
        int words = wordCount(quote.text());

        // 0. a transcript line: "PENCE: Well, look ..."
        java.util.regex.Matcher tr = TRANSCRIPT.matcher(quote.text());
        if (tr.lookingAt()) {
            String name = tr.group(1);
            int at = quote.span().start() + tr.start(1);
            return Attribution.speaker(quote, name, name, Span.of(at, at + name.length()), SpeakerKind.PERSON,
                    confidence.of("transcript"), "transcript");
        }
        // 1. nearest speech verb to the left, and its subject
        boolean framedByNonSpeaker = false;
        for (int v = openTok - 1; v >= 0; v--) {
            if (quoted[v] || !isSpeechVerb(toks.get(v))) {
                continue;
            }
            if (toks.get(v).text().toLowerCase(Locale.ROOT).startsWith("continu") && v + 2 < toks.size()
                    && !quoted[v + 1] && toks.get(v + 1).text().equalsIgnoreCase("to")
                    && "VB".equals(toks.get(v + 2).pos())) {
                // "Rubio will continue to be 'a champion'": aspectual, a verb of the reported clause, not a frame
                // ("officials claim to have 'concrete evidence'" still frames its quotation)
                continue;
            }
            Cand subj = subjectOf(doc, s, v);
            if (subj != null && subj.kind == CandKind.GROUP && !doc.cands.get(s).contains(subj)) {
                // "Ryan said the spate of shootings and protests demands that ... 'Q'": an unnamed phrase before an
                // inner verb; the outer speech verb with a real speaker frames the quotation
                for (int u = subj.npFirst - 1; u >= 0; u--) {
                    if (!quoted[u] && isSpeechVerb(toks.get(u))) {
                        Cand outer = subjectOf(doc, s, u);
                        if (outer != null && doc.cands.get(s).contains(outer)) {
                            subj = outer;
                            v = u;
                        }
                        break;
                    }
                }
            }
            if (subj != null) {
                Attribution a = resolve(doc, s, subj, quote, words, openTok - v <= 3 ? "quote-intro-verb"
                        : "reported-speech");
                if (a != null) {
                    return a;
                }
                framedByNonSpeaker = true;
            }
            break;
        }
        // 2. "Q," said S / "Q," S said -- in the sentence where the quotation closes, which is a later one when
        // the quotation holds several sentences ("Why won't he? I think not," she said.)
        int cs = f.close() >= 0 ? sentenceOf(doc.in.sentences(), f.close()) : s;
        if (cs >= s && cs - s <= 5) {
            List<Token> ctoks = doc.tokens(cs);
            boolean[] cquoted = doc.inQuote.get(cs);
            int j = cs == s ? closeTok : firstTokenAtOrAfter(ctoks, f.close() + 1);
            boolean dash = false;
            while (j < ctoks.size() && isPunct(ctoks.get(j))) {
                dash |= isDash(ctoks.get(j).text());
                j++;
            }
            if (j >= ctoks.size() && cs + 1 < doc.in.sentences().size()
                    && doc.in.sentences().get(cs + 1).paragraph() == doc.in.sentences().get(cs).paragraph()) {
                // the quotation ended its sentence: "Q?" | Graham asked. -- look at the start of the next one
                cs = cs + 1;
                ctoks = doc.tokens(cs);
                cquoted = doc.inQuote.get(cs);
                j = 0;
                while (j < ctoks.size() && isPunct(ctoks.get(j)) && !cquoted[j]) {
                    dash |= isDash(ctoks.get(j).text());
                    j++;
                }
            }
            if (j < ctoks.size() && !cquoted[j]) {
                Cand c = null;
                String trailingRule = "trailing-said";
                if (isSpeechVerb(ctoks.get(j))) {
                    c = candStartingAt(doc.cands.get(cs), j + 1);
                    if (c == null) {
                        c = personWithin(doc, cs, j + 2, j + 8, false); // "said 9/11 widow Terry Strada"
                    }
                    if (c == null) {
                        Attribution a = trailingPhrase(doc, cs, j + 1, false, quote, words);
                        if (a != null) {
                            return a;
                        }
                    }
                } else {
                    Cand k = candStartingAt(doc.cands.get(cs), j);
                    if (k == null && isDeterminer(ctoks.get(j))) {
                        k = candStartingAt(doc.cands.get(cs), j + 1); // "the Times wrote"
                        if (k != null && k.last + 1 < ctoks.size() && isCommonNoun(ctoks.get(k.last + 1))) {
                            k = null; // "the IMF report stated": the phrase, not the name inside it
                        }
                    }
                    // "Tulsa police" + "Chief Chuck Jordan": the name that follows a group phrase speaks
                    Cand next = k == null ? null : candStartingAt(doc.cands.get(cs), k.last + 1);
                    if (next != null && next.kind == CandKind.PERSON) {
                        k = next;
                    }
                    if (k != null && (skipToVerb(ctoks, cquoted, k.last + 1) >= 0 || dash)) {
                        c = k; // "Q," S said / "Q" -- S (a signature)
                    } else if (k != null && k.kind != CandKind.LOC && appositiveThenVerb(ctoks, cquoted, k.last + 1)) {
                        c = k; // "Q," Scott Pruitt, the attorney general of Oklahoma, said
                    } else if (k != null && k.kind != CandKind.LOC && k.kind != CandKind.GROUP
                            && runsOn(doc, f, quote) && k.last + 1 < ctoks.size()
                            && !cquoted[k.last + 1] && isPastOrThirdPerson(ctoks.get(k.last + 1))) {
                        // "Q?" Hannity pressed. / "Q," Maddow repeated.: a quotation that runs on into its
                        // sentence, then a speaker and a verb, whatever the verb
                        c = k;
                        trailingRule = "trailing-verb";
                    } else if (k == null && isProperNoun(ctoks.get(j))) {
                        // a name the tagger missed, then a verb: "Q," Toomey fumed. / "Q," Blunt, after a pause, said
                        int e = j;
                        while (e + 1 < ctoks.size() && !cquoted[e + 1] && isProperNoun(ctoks.get(e + 1))) {
                            e++;
                        }
                        if (e + 1 < ctoks.size() && !cquoted[e + 1] && (skipToVerb(ctoks, cquoted, e + 1) >= 0
                                || appositiveThenVerb(ctoks, cquoted, e + 1)
                                || (runsOn(doc, f, quote) && isPastOrThirdPerson(ctoks.get(e + 1))))) {
                            Span span = Span.of(ctoks.get(j).start(), ctoks.get(e).end());
                            String surface = span.coveredText(doc.text);
                            c = new Cand(j, e, span, surface, CandKind.PERSON, surface);
                            trailingRule = "trailing-verb";
                        }
                    } else if (k == null) {
                        // "Q," retired Air Force general Lloyd Newton said: the name a few words on
                        c = personWithin(doc, cs, j + 1, j + 6, true);
                    }
                }
                if (c != null) {
                    Attribution a = resolve(doc, cs, c, quote, words, trailingRule);
                    if (a != null) {
                        return a;
                    }
                } else if (!isSpeechVerb(ctoks.get(j))) {
                    Attribution a = trailingPhrase(doc, cs, j, true, quote, words);
                    if (a != null) {
                        return a;
                    }
                }
            }
        }
        // 3. the sentence ends in a speech tag: "..., Lavrov said."
        Cand tag = sentenceTag(doc, s);
        if (tag != null) {
            Attribution a = resolve(doc, s, tag, quote, words, "sentence-tag");
            if (a != null) {
                return a;
            }
        }
        // 4. according to S
        for (int i = 0; i + 1 < openTok; i++) {
            if (!quoted[i] && toks.get(i).text().equalsIgnoreCase("according")
                    && toks.get(i + 1).text().equalsIgnoreCase("to")) {
                Cand c = candStartingAt(doc.cands.get(s), i + 2);
                if (c == null && i + 2 < toks.size() && isDeterminer(toks.get(i + 2))) {
                    c = candStartingAt(doc.cands.get(s), i + 3);
                }
                if (c != null) {
                    Attribution a = resolve(doc, s, c, quote, words, "according-to");
                    if (a != null) {
                        return a;
                    }
                }
            }
        }
        // 5. a possessive speaker and a noun of speech: "Trump's claim that ... 'Q'"
        for (int i = openTok - 1; i >= 1; i--) {
            // only the reported-speech construction "S's claim that ...": a bare "S's remarks" is often the object
            // of someone else's verb ("Hollande denounced Trump's remarks as ...")
            if (quoted[i] || !speechNouns.contains(toks.get(i).text()) || i + 1 >= toks.size()
                    || !(toks.get(i + 1).text().equalsIgnoreCase("that") || toks.get(i + 1).text().equals(":"))) {
                continue;
            }
            int k = i - 1;
            while (k > 0 && toks.get(k).pos() != null && toks.get(k).pos().startsWith("JJ")) {
                k--;
            }
            boolean possessive = toks.get(k).text().equals("'s") || toks.get(k).text().equals("\u2019s")
                    || "POS".equals(toks.get(k).pos());
            Cand owner = possessive ? candEndingAt(doc.cands.get(s), k - 1) : null;
            if (owner == null && k >= 0) {
                owner = candEndingAt(doc.cands.get(s), k); // the tagger kept "'s" inside the name
            }
            if (owner != null && owner.kind != CandKind.LOC) {
                Attribution a = resolve(doc, s, owner, quote, words, "possessive-speech-noun");
                if (a != null) {
                    return a;
                }
            }
            break;
        }
        // 6. no speech frame
        if (isDocumentText(doc, s, openTok)) {
            return none(quote, NoSpeakerReason.DOCUMENT_TEXT, "document-text");
        }
        if (isHeadline(doc, s, f)) {
            return none(quote, NoSpeakerReason.HEADLINE, "headline");
        }
        boolean wholeSentence = f.open() <= doc.in.sentences().get(s).start() + 1
                && ".!?".indexOf(lastLetterOrPunct(quote.text())) >= 0;
        if (!framedByNonSpeaker && (words >= 4 || wholeSentence) && isFloating(doc, s, f, quote)) {
            if (continuesDocumentText(doc, s)) {
                return none(quote, NoSpeakerReason.DOCUMENT_TEXT, "document-text"); // "...," the statement said.
            }
            Attribution prev = previousSpeaker(doc, s);
            if (prev != null) {
                return inherit(quote, prev, "floating");
            }
        }
        if (words <= 6 && isTitleCase(quote.text()) && openTok > 0) {
            return none(quote, NoSpeakerReason.TITLE_OR_TERM, "title-or-term");
        }
        if (words <= 3) {
            return none(quote, NoSpeakerReason.SCARE_QUOTE, "scare-quote");
        }
        return none(quote, NoSpeakerReason.NO_CANDIDATE, "no-candidate");
    }

    /** The subject of the speech verb at token {@code v}, or null. */
    private Cand subjectOf(Doc doc, int s, int v) {
        List<Token> toks = doc.tokens(s);
        List<Cand> cands = doc.cands.get(s);
        // passive: "characterized by S as"
        Token verb = toks.get(v);
        if ("VBN".equals(verb.pos())) {
            for (int j = v + 1; j < Math.min(toks.size(), v + 3); j++) {
                if (toks.get(j).text().equalsIgnoreCase("by")) {
                    Cand agent = candStartingAt(cands, j + 1);
                    if (agent != null) {
                        return agent;
                    }
                }
            }
        }
        // ", saying 'Q'": a participle after a comma speaks for the main clause's subject
        if ("VBG".equals(verb.pos()) && v >= 1 && toks.get(v - 1).text().equals(",")) {
            for (int k = v - 2; k >= 0; k--) {
                String pos = toks.get(k).pos();
                if (doc.inQuote.get(s)[k] || toks.get(k).text().equals(";")) {
                    break;
                }
                if (isPastOrThirdPerson(toks.get(k)) || "VBP".equals(pos)) {
                    Cand main = subjectOf(doc, s, k); // the finite verb the participle hangs on
                    if (main != null) {
                        return main;
                    }
                    break;
                }
            }
            Cand main = mainSubject(toks, cands, v);
            if (main != null) {
                return main;
            }
        }
        // a passive without its agent names no speaker: "what is typically called 'regenerative medicine'"
        if ("VBN".equals(verb.pos()) && v >= 1) {
            int k = v - 1;
            while (k >= 0 && toks.get(k).pos() != null && toks.get(k).pos().startsWith("RB")) {
                k--;
            }
            String aux = k >= 0 ? toks.get(k).text().toLowerCase(Locale.ROOT) : "";
            if (Set.of("is", "are", "was", "were", "be", "been", "being", "'s", "\u2019s").contains(aux)) {
                return null;
            }
        }
        // "Christie, who has campaigned for Trump since ..., blasted": the phrase before the relative clause
        if (v >= 1 && toks.get(v - 1).text().equals(",")) {
            for (int k = v - 2; k >= 1 && v - k <= 30; k--) {
                String w = toks.get(k).text().toLowerCase(Locale.ROOT);
                if ((w.equals("who") || w.equals("which")) && toks.get(k - 1).text().equals(",")) {
                    Cand head = k >= 2 ? candEndingAt(cands, k - 2) : null;
                    if (head != null) {
                        return head;
                    }
                    break;
                }
            }
        }
        int j = v - 1;
        while (j >= 0) {
            Token t = toks.get(j);
            String w = t.text().toLowerCase(Locale.ROOT);
            Cand ending = candEndingAt(cands, j);
            if (ending != null) {
                return ending;
            }
            if (AUX.contains(w) || (t.pos() != null && t.pos().startsWith("RB"))) {
                j--;
                continue;
            }
            if (w.equals(",")) {
                Cand appositive = j >= 1 ? candEndingAt(cands, j - 1) : null;
                if (appositive != null && appositive.kind != CandKind.LOC) {
                    return appositive;
                }
                int k = j - 1;
                while (k >= 0 && j - k <= 6 && !toks.get(k).text().equals(",") && !isVerb(toks.get(k))) {
                    k--;
                }
                if (k >= 0 && toks.get(k).text().equals(",") && j - k <= 6) {
                    j = k - 1; // skip a parenthetical: "Lavrov, in turn, praised"
                    continue;
                }
                // a longer phrase in commas after the subject: "Sanders, celebrating a victory in his home state
                // of Vermont, is pledging"
                for (k = j - 1; k >= 1 && j - k <= 25; k--) {
                    String x = toks.get(k).text();
                    if (x.equals(".") || x.equals(";") || doc.inQuote.get(s)[k]) {
                        break;
                    }
                    if (x.equals(",")) {
                        Cand head = candEndingAt(cands, k - 1);
                        if (head != null && head.kind != CandKind.LOC && !inObjectPosition(toks, head)) {
                            return head;
                        }
                        break;
                    }
                }
            }
            break;
        }
        // an unnamed subject right before the verb: "one questioner claimed", "the announcer said"
        Cand np = j >= 0 ? nounPhraseEndingAt(doc, s, j) : null;
        if (np != null && np.first > 0 && "IN".equals(toks.get(np.first - 1).pos())) {
            // the phrase is a preposition's object ("Protesters marching through the streets chanted"): the
            // subject is the phrase before the preposition and any participle
            int k = np.first - 2;
            while (k >= 0 && toks.get(k).pos() != null && (toks.get(k).pos().equals("VBG")
                    || toks.get(k).pos().equals("VBN") || toks.get(k).pos().startsWith("RB"))) {
                k--;
            }
            Cand outer = k >= 0 ? candEndingAt(cands, k) : null;
            if (outer == null && k >= 0 && k < np.first - 2) {
                outer = nounPhraseEndingAt(doc, s, k);
            }
            np = outer;
        }
        if (np != null) {
            return np;
        }
        // coordinated or distant subject: nearest candidate left of the verb not in object position, a person,
        // organisation or group before a place
        Cand best = null;
        Cand place = null;
        for (Cand c : cands) {
            if (c.last >= v) {
                break;
            }
            if (inObjectPosition(toks, c) || possessive(toks, c)) {
                continue;
            }
            if (c.kind == CandKind.LOC) {
                place = c;
            } else {
                best = c;
            }
        }
        if (best == null) {
            best = place;
        }
        if (best != null && hasClauseBreakBetween(toks, best.last, v)) {
            best = null;
        }
        if (best == null) {
            // inverted: "said S, "Q"" -- S then punctuation or the quotation, not "said Clinton was ..."
            int k = v + 1;
            Cand after = candStartingAt(cands, k);
            if (after != null && after.kind != CandKind.PRONOUN && (after.last + 1 >= toks.size()
                    || isPunct(toks.get(after.last + 1)) || doc.inQuote.get(s)[after.last + 1])) {
                return after;
            }
        }
        return best;
    }

    /**
     * The first named person starting at a token in [{@code from}, {@code to}) of sentence {@code s}, before any
     * punctuation or quotation; with {@code verbAfter}, only one followed by a speech verb. Null when none.
     */
    private Cand personWithin(Doc doc, int s, int from, int to, boolean verbAfter) {
        List<Token> toks = doc.tokens(s);
        boolean[] quoted = doc.inQuote.get(s);
        for (int m = from; m < Math.min(toks.size(), to); m++) {
            if (quoted[m] || isPunct(toks.get(m))) {
                return null;
            }
            Cand named = candStartingAt(doc.cands.get(s), m);
            if (named != null && named.kind == CandKind.PERSON
                    && (!verbAfter || skipToVerb(toks, quoted, named.last + 1) >= 0)) {
                return named;
            }
        }
        return null;
    }

    /**
     * Who an organisational "it" or "they" in sentence {@code s} is: the organisation or group that spoke last
     * before it, else {@code otherwise} (the pronoun itself).
     */
    private String organisationBefore(Doc doc, int s, String otherwise) {
        Attribution prev = previousSpeaker(doc, s);
        return prev != null && prev.kind() != SpeakerKind.PERSON ? prev.canonicalSpeaker() : otherwise;
    }

    /** A finite verb in the past or the third person present ("fumed", "says"): what follows a speaker's name. */
    private static boolean isPastOrThirdPerson(Token t) {
        return "VBD".equals(t.pos()) || "VBZ".equals(t.pos());
    }

    /**
     * True when the quotation ends in a comma, question or exclamation mark inside its closing mark ("Q,"): the
     * sentence runs on after it, so what follows is its tag.
     */
    private static boolean runsOn(Doc doc, QuoteFinder.Found f, Quote quote) {
        if (f.close() > f.open()) {
            for (int i = f.close() - 1; i > f.open(); i--) {
                char c = doc.text.charAt(i);
                if (!Character.isWhitespace(c)) {
                    return ",?!".indexOf(c) >= 0;
                }
            }
        }
        return ",?!".indexOf(lastLetterOrPunct(quote.text())) >= 0;
    }

    /** True when an appositive in commas starts at {@code i} and a speech verb follows it: ", the X of Y, said". */
    private boolean appositiveThenVerb(List<Token> toks, boolean[] quoted, int i) {
        if (i >= toks.size() || !toks.get(i).text().equals(",")) {
            return false;
        }
        for (int m = i + 1; m < Math.min(toks.size(), i + 25); m++) {
            String w = toks.get(m).text();
            if (quoted[m] || w.equals(".") || w.equals(";") || w.equals(":")) {
                return false;
            }
            if (w.equals(",") && m > i + 1) {
                return skipToVerb(toks, quoted, m + 1) >= 0 || appositiveThenVerb(toks, quoted, m);
            }
        }
        return false;
    }

    /**
     * The main clause's subject for a participle at {@code v}: the earliest candidate before it that is neither an
     * object nor a possessive nor a place, with a verb between it and the participle. Null when there is none.
     */
    private static Cand mainSubject(List<Token> toks, List<Cand> cands, int v) {
        for (Cand c : cands) {
            if (c.last >= v) {
                break;
            }
            if (c.kind == CandKind.LOC || inObjectPosition(toks, c) || possessive(toks, c)) {
                continue;
            }
            for (int i = c.last + 1; i < v; i++) {
                if (isVerb(toks.get(i)) && toks.get(i).pos() != null) {
                    return c;
                }
            }
            return null;
        }
        return null;
    }

    /**
     * A noun phrase without a name that ends at token {@code j} ("one questioner", "the groups"), as a group
     * speaker; null when {@code j} is no common noun, or names a document (a treaty "speaks" its wording).
     */
    private Cand nounPhraseEndingAt(Doc doc, int s, int j) {
        List<Token> toks = doc.tokens(s);
        if (!isCommonNoun(toks.get(j)) || doc.inQuote.get(s)[j] || documentNouns.contains(toks.get(j).text())) {
            return null;
        }
        int first = j;
        while (first > 0 && first > j - 4 && !doc.inQuote.get(s)[first - 1] && isNounPhraseWord(toks.get(first - 1))) {
            first--;
        }
        Span span = Span.of(toks.get(first).start(), toks.get(j).end());
        String surface = span.coveredText(doc.text);
        return new Cand(first, j, span, surface, CandKind.GROUP, surface);
    }

    /**
     * A speaker after the quotation that is no name: "it added", "the article read", "the groups said", or after
     * the verb: "said the ruling". A phrase headed by a document noun makes the quotation document text (no speaker:
     * the words are written, not spoken); "it" is the organisation or outlet speaking before it, else itself.
     *
     * @param from       first token of the phrase in sentence {@code s}
     * @param verbAfter  true for "Q," PHRASE VERB (a speech verb must follow the phrase); false for "Q," VERB PHRASE
     * @return the attribution, or null when no such phrase is there
     */
    private Attribution trailingPhrase(Doc doc, int s, int from, boolean verbAfter, Quote quote, int words) {
        List<Token> toks = doc.tokens(s);
        boolean[] quoted = doc.inQuote.get(s);
        if (from >= toks.size() || quoted[from]) {
            return null;
        }
        Token first = toks.get(from);
        if (verbAfter && first.text().equalsIgnoreCase("it") && skipToVerb(toks, quoted, from + 1) >= 0) {
            return Attribution.speaker(quote, first.text(), organisationBefore(doc, s, first.text()),
                    Span.of(first.start(), first.end()),
                    SpeakerKind.ORGANIZATION, confidence.of("trailing-said+it"), "trailing-said+it");
        }
        int e = from;
        while (e < toks.size() && e - from < 10 && !quoted[e] && (isNounPhraseWord(toks.get(e))
                || isNoun(toks.get(e)) || "POS".equals(toks.get(e).pos())
                || (toks.get(e).text().equals("and") && e > from && e + 1 < toks.size()
                && isNoun(toks.get(e - 1)) && (isNoun(toks.get(e + 1)) || isNounPhraseWord(toks.get(e + 1)))))) {
            e++; // "the Florida senator and Republican presidential candidate said"
        }
        if (e == from || !isNoun(toks.get(e - 1)) || isPunct(toks.get(e - 1))) {
            return null;
        }
        String head = toks.get(e - 1).text();
        boolean document = documentNouns.contains(head.toLowerCase(Locale.ROOT));
        if (verbAfter) {
            boolean reads = e < toks.size() && document
                    && toks.get(e).text().toLowerCase(Locale.ROOT).matches("reads?|states?|stated");
            if (!reads && skipToVerb(toks, quoted, e) < 0) {
                return null;
            }
        } else if (e < toks.size() && !isPunct(toks.get(e))) {
            return null; // "said the group was ...": a clause, not a speaker
        }
        if (document) {
            return none(quote, NoSpeakerReason.DOCUMENT_TEXT, "document-text");
        }
        Cand inside = null;
        for (Cand c : doc.cands.get(s)) {
            if (c.first >= from && c.last < e && c.kind != CandKind.LOC) {
                inside = c;
            }
        }
        if (inside != null && inside.last == e - 1) {
            return resolve(doc, s, inside, quote, words, "trailing-said");
        }
        Span span = Span.of(toks.get(from).start(), toks.get(e - 1).end());
        String surface = span.coveredText(doc.text);
        return Attribution.speaker(quote, surface, surface, span, SpeakerKind.GROUP,
                confidence.of("trailing-said+phrase"), "trailing-said+phrase");
    }

    /** A sentence-final speech tag: ", S said." or ", said S." / ", reports S." */
    private Cand sentenceTag(Doc doc, int s) {
        List<Token> toks = doc.tokens(s);
        boolean[] quoted = doc.inQuote.get(s);
        int e = toks.size() - 1;
        while (e >= 0 && (isPunct(toks.get(e)) || quoted[e])) {
            if (quoted[e] && !isPunct(toks.get(e))) {
                return null; // the sentence ends inside a quotation
            }
            e--;
        }
        if (e < 1) {
            return null;
        }
        List<Cand> cands = doc.cands.get(s);
        if (isSpeechVerb(toks.get(e))) {
            Cand c = candEndingAt(cands, e - 1);
            if (c == null) {
                c = nounPhraseEndingAt(doc, s, e - 1); // "..., the groups say."
            }
            if (c != null && c.npFirst > 0 && toks.get(c.npFirst - 1).text().equals(",")) {
                return c;
            }
        }
        Cand c = candEndingAt(cands, e);
        if (c != null && c.npFirst >= 2 && isSpeechVerb(toks.get(c.npFirst - 1))
                && toks.get(c.npFirst - 2).text().equals(",")) {
            return c;
        }
        return null;
    }

    /**
     * Turns a candidate into an attribution, resolving pronouns and definite roles; null when the candidate cannot
     * speak this quotation (a place for a short quote, an unresolved pronoun).
     */
    private Attribution resolve(Doc doc, int s, Cand c, Quote quote, int words, String rule) {
        return switch (c.kind) {
            case PERSON -> Attribution.speaker(quote, c.text, c.canonical, c.span, SpeakerKind.PERSON,
                    confidence.of(rule), rule);
            case ORG -> Attribution.speaker(quote, c.text, c.canonical, c.span, SpeakerKind.ORGANIZATION,
                    confidence.of(rule), rule);
            case GROUP -> Attribution.speaker(quote, c.text, c.text, c.span, SpeakerKind.GROUP,
                    confidence.of(rule), rule);
            case LOC -> words >= 4 ? Attribution.speaker(quote, c.text, c.canonical, c.span,
                    SpeakerKind.ORGANIZATION, confidence.of(rule + "+place"), rule + "+place") : null;
            case PRONOUN -> {
                PersonRef p = resolvePronoun(doc, s, c);
                if (p == null) {
                    // nobody to resolve to: the pronoun itself is still who spoke, said at the site
                    boolean plural = c.text.equalsIgnoreCase("they") || c.text.equalsIgnoreCase("we");
                    // "they" after an organisation spoke is that organisation; "I" and "we" are the writer(s)
                    String who = c.text.equalsIgnoreCase("they") ? organisationBefore(doc, s, c.text) : c.text;
                    yield Attribution.speaker(quote, c.text, who, c.span,
                            plural ? SpeakerKind.GROUP : SpeakerKind.PERSON,
                            confidence.of(rule + "+pronoun-unresolved"), rule + "+pronoun-unresolved");
                }
                // the speaker as named at the attribution site is the pronoun; who it is goes in canonical
                yield Attribution.speaker(quote, c.text, p.canonical, c.span, SpeakerKind.PERSON,
                        confidence.of(rule + "+pronoun"), rule + "+pronoun");
            }
            case ROLE_DEF -> {
                PersonRef p = resolveRole(doc, s, c);
                yield p == null
                        ? Attribution.speaker(quote, c.text, c.text, c.span, SpeakerKind.GROUP,
                        confidence.of(rule), rule)
                        : Attribution.speaker(quote, c.text, p.canonical, c.span, SpeakerKind.PERSON,
                        confidence.of(rule + "+role"), rule + "+role");
            }
        };
    }

    private PersonRef resolvePronoun(Doc doc, int s, Cand pronoun) {
        Character want = pronounGender.get(pronoun.text.toLowerCase(Locale.ROOT));
        if (want == null || (want != 'm' && want != 'f')) {
            return null;
        }
        // Nearest preceding person (within two paragraphs) whose stated gender matches; failing that, the nearest
        // whose gender the text does not state. Within the sentence of the nearest such person, a subject is
        // preferred to an object or a possessive ("Obama said after meeting Putin. He ..." is Obama; "Clinton says
        // she appreciated Machado's courage through what she calls ..." is Clinton).
        int paragraph = doc.in.sentences().get(s).paragraph();
        PersonRef known = null;
        PersonRef unknown = null;
        for (PersonRef p : doc.persons) {
            if (p.span.start() >= pronoun.span.start()) {
                continue;
            }
            int para = doc.in.sentences().get(p.sentence).paragraph();
            if (paragraph - para > 2) {
                continue;
            }
            Character g = doc.gender.get(p.canonical);
            if (g == null) {
                if (unknown == null || better(p, unknown)) {
                    unknown = p;
                }
            } else if (g == want && (known == null || better(p, known))) {
                known = p;
            }
        }
        return known != null ? known : unknown;
    }

    /** A later sentence wins; in the same sentence a subject wins over a non-subject, then the later mention. */
    private static boolean better(PersonRef p, PersonRef than) {
        if (p.sentence != than.sentence) {
            return p.sentence > than.sentence;
        }
        if (p.subject != than.subject) {
            return p.subject;
        }
        return p.span.start() > than.span.start();
    }

    private PersonRef resolveRole(Doc doc, int s, Cand role) {
        String head = role.text.toLowerCase(Locale.ROOT);
        String[] words = head.split("\\s+");
        String headNoun = words[words.length - 1];
        PersonRef titled = null;
        PersonRef nearest = null;
        for (PersonRef p : doc.persons) {
            if (p.sentence >= s) {
                continue; // persons in the role's own sentence are its objects, not its antecedent
            }
            List<String> t = doc.titles.getOrDefault(p.canonical, List.of());
            if (t.contains(headNoun)) {
                if (titled == null || p.span.start() > titled.span.start()) {
                    titled = p;
                }
            } else if (t.isEmpty() || !hasConflictingTitle(t)) {
                if (nearest == null || p.span.start() > nearest.span.start()) {
                    nearest = p;
                }
            }
        }
        if (titled == null && nearest == null) {
            // nobody before it (a headline): a person the article introduces later with this title
            for (PersonRef p : doc.persons) {
                if (doc.titles.getOrDefault(p.canonical, List.of()).contains(headNoun)) {
                    return p;
                }
            }
        }
        return titled != null ? titled : nearest;
    }

    private boolean hasConflictingTitle(List<String> titleWords) {
        for (String w : titleWords) {
            if (roleNouns.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** The speaker of the nearest earlier sentence in this or the previous paragraph that has one. */
    private Attribution previousSpeaker(Doc doc, int s) {
        int paragraph = doc.in.sentences().get(s).paragraph();
        for (int p = s - 1; p >= 0 && s - p <= 3; p--) {
            if (paragraph - doc.in.sentences().get(p).paragraph() > 1) {
                break;
            }
            Attribution a = doc.sentenceSpeaker.get(p);
            if (a != null) {
                return a;
            }
            Cand frame = speechFrame(doc, p);
            if (frame != null) {
                Quote dummy = new Quote(doc.in.article().id(), frame.span, frame.text, p);
                Attribution f = resolve(doc, p, frame, dummy, 4, "frame");
                if (f != null) {
                    return f;
                }
            }
        }
        return null;
    }

    /**
     * True when the nearest earlier sentence (this or the previous paragraph, at most three back) that quoted
     * anything quoted document text and nobody speaking.
     */
    private boolean continuesDocumentText(Doc doc, int s) {
        int paragraph = doc.in.sentences().get(s).paragraph();
        for (int p = s - 1; p >= 0 && s - p <= 3; p--) {
            if (paragraph - doc.in.sentences().get(p).paragraph() > 1) {
                return false;
            }
            if (doc.sentenceSpeaker.containsKey(p)) {
                return false;
            }
            if (doc.documentSentences.contains(p)) {
                return true;
            }
        }
        return false;
    }

    /** The speaker of a sentence without a quotation: its final tag, else the subject of its first speech verb. */
    private Cand speechFrame(Doc doc, int s) {
        Cand tag = sentenceTag(doc, s);
        if (tag != null) {
            return tag;
        }
        List<Token> toks = doc.tokens(s);
        for (int v = 0; v < toks.size(); v++) {
            if (!doc.inQuote.get(s)[v] && isSpeechVerb(toks.get(v))) {
                return subjectOf(doc, s, v);
            }
        }
        return null;
    }

    private boolean isFloating(Doc doc, int s, QuoteFinder.Found f, Quote quote) {
        Sentence sent = doc.in.sentences().get(s);
        int quotedChars = 0;
        for (QuoteFinder.Found q : doc.in.quotes()) {
            if (q.content().start() >= sent.start() && q.content().end() <= sent.end()) {
                quotedChars += q.content().length();
            }
        }
        int sentenceChars = sent.span().length();
        boolean mostlyQuote = quotedChars * 2 >= sentenceChars;
        boolean startsWithQuote = f.open() <= sent.start() + 1;
        boolean firstPerson = quote.text().matches("(?is).*\\b(we|our|us|i|my|me)\\b.*");
        return mostlyQuote || startsWithQuote || firstPerson;
    }

    private boolean isDocumentText(Doc doc, int s, int openTok) {
        List<Token> toks = doc.tokens(s);
        boolean[] quoted = doc.inQuote.get(s);
        for (int i = 0; i < openTok; i++) {
            if (quoted[i]) {
                continue;
            }
            String w = toks.get(i).text().toLowerCase(Locale.ROOT);
            if (documentVerbs.contains(w) && isVerb(toks.get(i))) {
                return true;
            }
            if (documentNouns.contains(w) && i + 1 < toks.size()
                    && (documentVerbs.contains(toks.get(i + 1).text()) || isSpeechVerb(toks.get(i + 1)))) {
                return true; // "the treaty says"
            }
        }
        return false;
    }

    /**
     * A headline: a one-sentence paragraph of at most 160 characters that ends without final punctuation (closing
     * quote marks ignored), or a short first paragraph that is mostly the quotation.
     */
    private boolean isHeadline(Doc doc, int s, QuoteFinder.Found f) {
        Sentence sent = doc.in.sentences().get(s);
        int paragraph = sent.paragraph();
        boolean alone = (s == 0 || doc.in.sentences().get(s - 1).paragraph() != paragraph)
                && (s + 1 >= doc.in.sentences().size() || doc.in.sentences().get(s + 1).paragraph() != paragraph);
        if (!alone) {
            return false;
        }
        Span para = doc.in.article().paragraphs().get(paragraph);
        String p = para.coveredText(doc.text).strip();
        if (p.length() > 160) {
            return false;
        }
        int e = p.length();
        while (e > 0 && (isQuoteMark(p.charAt(e - 1)) || Character.isWhitespace(p.charAt(e - 1)))) {
            e--;
        }
        boolean terminal = e > 0 && ".!?".indexOf(p.charAt(e - 1)) >= 0;
        // a first paragraph that ends in a full stop is a title only when it is mostly the quotation itself
        // (Fact check: "...")
        return !terminal || (paragraph == 0 && 2 * f.content().length() >= p.length());
    }

    private static boolean isQuoteMark(char c) {
        return "\"'\u201C\u201D\u2018\u2019\u00AB\u00BB\u201E\u300D".indexOf(c) >= 0;
    }

    private Attribution inherit(Quote quote, Attribution from, String rule) {
        return Attribution.speaker(quote, from.speaker(), from.canonicalSpeaker(), from.speakerSpan(), from.kind(),
                confidence.of(rule), rule);
    }

    private Attribution none(Quote quote, NoSpeakerReason reason, String rule) {
        return Attribution.none(quote, reason, confidence.of(rule), rule);
    }

    // ---------------------------------------------------------------------------------------------------------
    // Token helpers

    private boolean isSpeechVerb(Token t) {
        return speechVerbs.contains(t.text()) && isVerb(t);
    }

    private static boolean isVerb(Token t) {
        return t.pos() == null || t.pos().startsWith("VB");
    }

    private static boolean isNoun(Token t) {
        return t.pos() == null || t.pos().startsWith("NN");
    }

    private boolean isProperNoun(Token t) {
        String w = t.text();
        return t.pos() != null && t.pos().startsWith("NNP") && t.entity() == EntityType.NONE && w.length() > 1
                && Character.isUpperCase(w.charAt(0)) && !titleWords.contains(w) && !MONTHS_AND_DAYS.contains(w);
    }

    private static boolean isCommonNoun(Token t) {
        return t.pos() != null && (t.pos().equals("NN") || t.pos().equals("NNS"))
                && t.entity() == EntityType.NONE;
    }

    private static boolean isNounPhraseWord(Token t) {
        String pos = t.pos() == null ? "" : t.pos();
        return pos.equals("DT") || pos.startsWith("JJ") || pos.equals("CD") || pos.equals("NN") || pos.equals("NNS")
                || pos.equals("PRP$");
    }

    private static boolean isDeterminer(Token t) {
        String w = t.text().toLowerCase(Locale.ROOT);
        return w.equals("the") || w.equals("a") || w.equals("an") || "DT".equals(t.pos());
    }

    private static boolean isDash(String w) {
        return w.equals("\u2015") || w.equals("\u2014") || w.equals("\u2013") || w.equals("--") || w.equals("-");
    }

    private static boolean isPunct(Token t) {
        String w = t.text();
        for (int i = 0; i < w.length(); i++) {
            if (Character.isLetterOrDigit(w.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * From {@code i}, skips a parenthesis ("(D-Wis.)") and time words ("on Friday"), at most six tokens; returns the
     * index of the speech verb that follows, or -1.
     */
    private int skipToVerb(List<Token> toks, boolean[] quoted, int i) {
        int depth = 0;
        int skipped = 0;
        while (i < toks.size() && !quoted[i] && skipped <= 6) {
            Token t = toks.get(i);
            String w = t.text();
            if (depth == 0 && isSpeechVerb(t)) {
                return i;
            }
            if (w.equals("(") || w.equals("-LRB-")) {
                depth++;
            } else if (w.equals(")") || w.equals("-RRB-")) {
                depth--;
            } else if (depth == 0 && !TIME_WORDS.contains(w.toLowerCase(Locale.ROOT))
                    && !(t.pos() != null && t.pos().startsWith("RB"))) {
                return -1;
            }
            i++;
            skipped++;
        }
        return -1;
    }

    private static boolean inObjectPosition(List<Token> toks, Cand c) {
        if (c.npFirst == 0) {
            return false;
        }
        Token before = toks.get(c.npFirst - 1);
        String pos = before.pos() == null ? "" : before.pos();
        String w = before.text().toLowerCase(Locale.ROOT);
        if (w.equals("with") || SUBORDINATORS.contains(w)) {
            return false; // "with X suggesting", "though she called": X starts a clause of its own
        }
        return pos.startsWith("VB") || pos.equals("IN") || pos.equals("TO");
    }

    /**
     * For pronoun resolution: a mention that can be a clause's subject, i.e. neither a possessive nor right after a
     * verb or a preposition ("after meeting with Putin" is no subject, even where {@link #inObjectPosition} lets
     * "with X suggesting" start a clause).
     */
    private static boolean subjectPosition(List<Token> toks, Cand c) {
        if (possessive(toks, c)) {
            return false;
        }
        int k = c.npFirst - 1;
        while (k >= 0 && toks.get(k).pos() != null && toks.get(k).pos().startsWith("NNP")
                && toks.get(k).entity() == EntityType.NONE) {
            k--; // a title before the name: "with President Vladimir Putin"
        }
        if (k < 0) {
            return true;
        }
        String pos = toks.get(k).pos() == null ? "" : toks.get(k).pos();
        return !(pos.startsWith("VB") || pos.equals("IN") || pos.equals("TO"));
    }

    private static boolean possessive(List<Token> toks, Cand c) {
        if (c.last + 1 >= toks.size()) {
            return c.text.endsWith("'s") || c.text.endsWith("\u2019s");
        }
        Token next = toks.get(c.last + 1);
        return "POS".equals(next.pos()) || next.text().equals("'s") || next.text().equals("\u2019s")
                || c.text.endsWith("'s") || c.text.endsWith("\u2019s");
    }

    private static boolean hasClauseBreakBetween(List<Token> toks, int from, int to) {
        for (int i = from + 1; i < to; i++) {
            String w = toks.get(i).text();
            if (w.equals(";") || w.equals(":")) {
                return true;
            }
        }
        return false;
    }

    private static Cand candEndingAt(List<Cand> cands, int tok) {
        for (Cand c : cands) {
            if (c.last == tok) {
                return c;
            }
        }
        return null;
    }

    /** The candidate whose name or whole phrase starts at {@code tok}; a named person wins over a group phrase. */
    private static Cand candStartingAt(List<Cand> cands, int tok) {
        Cand best = null;
        for (Cand c : cands) {
            if (c.first == tok || c.npFirst == tok) {
                if (best == null || (c.kind == CandKind.PERSON && best.kind != CandKind.PERSON)) {
                    best = c;
                }
            }
        }
        return best;
    }

    private static int[] tokenRange(List<Token> toks, Span span) {
        int first = -1;
        int last = -1;
        for (int i = 0; i < toks.size(); i++) {
            Token t = toks.get(i);
            if (t.end() > span.start() && t.start() < span.end()) {
                if (first < 0) {
                    first = i;
                }
                last = i;
            }
        }
        return first < 0 ? null : new int[] {first, last};
    }

    private static int firstTokenAtOrAfter(List<Token> toks, int offset) {
        for (int i = 0; i < toks.size(); i++) {
            if (toks.get(i).start() >= offset) {
                return i;
            }
        }
        return toks.size();
    }

    static int sentenceOf(List<Sentence> sentences, int offset) {
        for (int i = 0; i < sentences.size(); i++) {
            Sentence s = sentences.get(i);
            if (offset >= s.start() && offset < s.end()) {
                return i;
            }
            if (offset < s.start()) {
                return i; // between sentences: the next one
            }
        }
        return -1;
    }

    private static char lastLetterOrPunct(String s) {
        for (int i = s.length() - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && "\"'\u201C\u201D\u2019".indexOf(c) < 0) {
                return c;
            }
        }
        return ' ';
    }

    static int wordCount(String s) {
        int n = 0;
        boolean in = false;
        for (int i = 0; i < s.length(); i++) {
            boolean w = Character.isLetterOrDigit(s.charAt(i));
            if (w && !in) {
                n++;
            }
            in = w;
        }
        return n;
    }

    private static boolean isTitleCase(String s) {
        String[] words = s.strip().split("\\s+");
        int capital = 0;
        int content = 0;
        for (String w : words) {
            if (w.isEmpty() || !Character.isLetter(w.charAt(0))) {
                continue;
            }
            if (w.length() <= 3 && Character.isLowerCase(w.charAt(0))) {
                continue; // of, the, and
            }
            content++;
            if (Character.isUpperCase(w.charAt(0))) {
                capital++;
            }
        }
        return content >= 2 && capital == content;
    }
}
