package io.claimlens.claims;

import io.claimlens.model.Claim;
import io.claimlens.model.ClaimType;
import io.claimlens.model.Span;
import io.claimlens.nlp.Lexicon;
import io.claimlens.nlp.quotes.QuoteFinder;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a claim sentence into its parts: quoted phrases, speaker, entities, and whether it is an attribution
 * claim or a factual one.
 *
 * <p>Rules:
 * <ul>
 *   <li>A claim wrapped whole in quote marks is unwrapped first; quoted phrases are then the top-level quotations
 *       inside it, edge punctuation removed ("'closest of countries,'" → "closest of countries").</li>
 *   <li>A trailing speaker tag ({@code ..., says ambassador}, {@code ..., according to Lavrov}) names the speaker
 *       of a <b>factual</b> claim: the proposition before the tag is what is at stake.</li>
 *   <li>A description frame ({@code Y are described as / called / referred to as ...}) or a leading speech frame
 *       ({@code X said that ...}, {@code X described Y as ...}) makes an <b>attribution</b> claim: what is at stake
 *       is whether the words were said.</li>
 *   <li>A speaker is a role when it is lower-case or headed by a role noun ("ambassador", "the foreign minister"),
 *       a name otherwise.</li>
 * </ul>
 * Thread-safe if the entity finder is.
 */
public final class ClaimParser {

    private static final String SPEECH = "says|said|claims|claimed|states|stated|tweeted|writes|wrote|insists|"
            + "insisted|argues|argued|declares|declared|warns|warned|asserts|asserted|adds|added";
    private static final Pattern TRAILING_TAG = Pattern.compile(
            "^(?<prop>.+?)[,;:]?\\s+(?:(?<verb>" + SPEECH + ")|according\\s+to)\\s+(?<spk>[^,;:]{2,80}?)[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern TRAILING_TAG_INVERTED = Pattern.compile(
            "^(?<prop>.+?)[,;:]\\s+(?<spk>[^,;:]{2,60}?)\\s+(?:" + SPEECH + ")[.!]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern LEADING_FRAME = Pattern.compile(
            "^(?<spk>[^,;:]{2,80}?)\\s+(?:" + SPEECH + "|described|called|referred\\s+to|characteri[sz]ed|labell?ed|"
                    + "dubbed|termed|told\\s+\\w+)\\s+(?:that\\s+)?(?<prop>.+)$", Pattern.DOTALL);
    private static final Pattern DESCRIPTION_FRAME = Pattern.compile(
            "\\b(?:is|are|was|were|has\\s+been|have\\s+been|being)\\s+(?:publicly\\s+|repeatedly\\s+|often\\s+)?"
                    + "(?:described|called|referred\\s+to|characteri[sz]ed|labell?ed|dubbed|termed|hailed|touted|"
                    + "praised)(?:\\s+as)?\\b", Pattern.CASE_INSENSITIVE);

    private final Function<String, List<String>> entityFinder;
    private final Lexicon roleNouns = Lexicon.load("role-nouns");

    /**
     * @param entityFinder named entities of a text, in order (the NLP stage's NER; a simpler finder in FAST mode)
     */
    public ClaimParser(Function<String, List<String>> entityFinder) {
        this.entityFinder = Objects.requireNonNull(entityFinder);
    }

    public Claim parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("the claim is empty");
        }
        String text = raw.strip();
        String body = unwrap(text);
        List<String> phrases = quotedPhrases(body);

        String speaker = null;
        String proposition = body;
        ClaimType type = ClaimType.FACTUAL;

        Matcher desc = DESCRIPTION_FRAME.matcher(body);
        Matcher tag = TRAILING_TAG.matcher(body);
        Matcher inv = TRAILING_TAG_INVERTED.matcher(body);
        Matcher lead = LEADING_FRAME.matcher(body);
        if (desc.find()) {
            type = ClaimType.ATTRIBUTION;
            proposition = (body.substring(0, desc.start()) + "are " + body.substring(desc.end())).strip();
            Matcher by = Pattern.compile("\\bby\\s+(?<spk>[^,;:.]{2,80})").matcher(body.substring(desc.end()));
            if (by.find()) {
                speaker = by.group("spk").strip();
            }
        } else if (tag.matches() && plausibleSpeaker(tag.group("spk"))) {
            speaker = tag.group("spk").strip();
            proposition = tag.group("prop").strip();
        } else if (inv.matches() && plausibleSpeaker(inv.group("spk"))) {
            speaker = inv.group("spk").strip();
            proposition = inv.group("prop").strip();
        } else if (lead.matches() && plausibleSpeaker(lead.group("spk")) && startsWithNameOrRole(lead.group("spk"))) {
            speaker = lead.group("spk").strip();
            proposition = lead.group("prop").strip();
            type = ClaimType.ATTRIBUTION;
        }
        proposition = cleanProposition(proposition);
        boolean role = speaker != null && isRole(speaker);
        List<String> entities = new ArrayList<>(new LinkedHashSet<>(entityFinder.apply(body)));
        return new Claim(text, proposition, phrases, speaker, role, entities, type);
    }

    /** Removes quote marks around the whole claim: "\"X\"" → "X". */
    static String unwrap(String s) {
        if (s.length() >= 2) {
            List<QuoteFinder.Found> q = QuoteFinder.find(s, List.of(Span.of(0, s.length())));
            if (q.size() == 1 && q.get(0).open() == 0 && (q.get(0).close() == s.length() - 1
                    || (q.get(0).close() == s.length() - 2 && ".!?".indexOf(s.charAt(s.length() - 1)) >= 0))) {
                return s.substring(1, q.get(0).close()).strip();
            }
        }
        return s;
    }

    static List<String> quotedPhrases(String s) {
        List<String> out = new ArrayList<>();
        for (QuoteFinder.Found f : QuoteFinder.find(s, List.of(Span.of(0, s.length())))) {
            String p = stripEdgePunctuation(f.content().coveredText(s));
            if (!p.isEmpty() && !out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    static String stripEdgePunctuation(String s) {
        int a = 0;
        int b = s.length();
        while (a < b && !Character.isLetterOrDigit(s.charAt(a))) {
            a++;
        }
        while (b > a && !Character.isLetterOrDigit(s.charAt(b - 1))) {
            b--;
        }
        return s.substring(a, b);
    }

    /** The proposition without quote marks around phrases and without final punctuation. */
    static String cleanProposition(String p) {
        String s = p.replaceAll("[\u201C\u201D\u2018\u2019\"]|(?<![A-Za-z])'|'(?![A-Za-z])", "");
        s = s.replaceAll("\\s+,", ",").replaceAll("\\s{2,}", " ").strip();
        while (!s.isEmpty() && ",;:.!".indexOf(s.charAt(s.length() - 1)) >= 0) {
            s = s.substring(0, s.length() - 1).strip();
        }
        return s;
    }

    /** A speaker tag names someone in a few words; "that ..." starts reported content, not a speaker. */
    private boolean plausibleSpeaker(String s) {
        String t = s.strip();
        int words = t.split("\\s+").length;
        return !t.isEmpty() && words <= 6 && !t.toLowerCase(Locale.ROOT).startsWith("that ")
                && t.chars().noneMatch(c -> c == '"' || c == '\u201C' || c == '\u201D');
    }

    private boolean startsWithNameOrRole(String s) {
        String t = s.strip();
        return Character.isUpperCase(t.charAt(0)) || isRole(t);
    }

    private boolean isRole(String speaker) {
        String t = speaker.strip();
        if (Character.isLowerCase(t.charAt(0))) {
            return true;
        }
        String[] words = t.toLowerCase(Locale.ROOT).split("\\s+");
        return roleNouns.contains(words[words.length - 1]) && (words[0].equals("the") || words.length == 1);
    }
}
