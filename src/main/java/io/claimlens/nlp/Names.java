package io.claimlens.nlp;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Personal-name normalisation and the rules that say when two spellings name the same person.
 *
 * <p>The rules, in order (each is tested, including the pairs it must keep apart):
 * <ol>
 *   <li><b>Same normalised form.</b> Lower case, diacritics removed, hyphens, apostrophes and dots read as spaces,
 *       possessive {@code 's} dropped: "Choe Son Hui" = "Choe Son-hui"; "Kim Jong Un" = "Kim Jong-un". Also equal
 *       when the parts, joined, are equal ("Son Hui" = "Sonhui").</li>
 *   <li><b>One romanisation variant.</b> Same number of parts (two or more), the first part equal, exactly one
 *       other part different, and that part starts with the same letter and is within edit distance 1, or 2 when
 *       both spellings have at most 4 letters (romanised syllables: "hui"/"hye"): "Choe Son Hui" = "Choe Son-hye";
 *       "Volodymyr Zelensky" = "Volodymyr Zelenskyy". Kept apart: "Kim Jong Un" / "Kim Jong Il" (other initial),
 *       "John Smith" / "Joan Smith" (first part differs).</li>
 * </ol>
 * Short forms ("Choe", "Zelensky") are resolved inside one article only ({@link #isShortFormOf}), where the
 * article itself says who is meant.
 */
public final class Names {

    private static final Pattern SEPARATORS = Pattern.compile("[\\-\u2010\u2011\u2012\u2013\u2014'\u2019.]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private Names() {
    }

    /** Lower-case, diacritic-free, separator-free form: "Choe Son-hui’s" → "choe son hui". */
    public static String normalize(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT).strip();
        if (s.endsWith("'s") || s.endsWith("\u2019s")) {
            s = s.substring(0, s.length() - 2);
        }
        s = SEPARATORS.matcher(s).replaceAll(" ");
        return SPACES.matcher(s).replaceAll(" ").strip();
    }

    public static List<String> parts(String name) {
        String n = normalize(name);
        return n.isEmpty() ? List.of() : Arrays.asList(n.split(" "));
    }

    /** True when the two spellings name the same person under the rules above. */
    public static boolean sameName(String a, String b) {
        String na = normalize(a);
        String nb = normalize(b);
        if (na.isEmpty() || nb.isEmpty()) {
            return false;
        }
        if (na.equals(nb) || na.replace(" ", "").equals(nb.replace(" ", ""))) {
            return true;
        }
        String[] pa = na.split(" ");
        String[] pb = nb.split(" ");
        if (pa.length != pb.length || pa.length < 2 || !pa[0].equals(pb[0])) {
            return false;
        }
        int diff = -1;
        for (int i = 1; i < pa.length; i++) {
            if (!pa[i].equals(pb[i])) {
                if (diff >= 0) {
                    return false;
                }
                diff = i;
            }
        }
        if (diff < 0) {
            return true;
        }
        String x = pa[diff];
        String y = pb[diff];
        if (x.charAt(0) != y.charAt(0)) {
            return false;
        }
        int limit = Math.max(x.length(), y.length()) <= 4 ? 2 : 1;
        return editDistance(x, y) <= limit;
    }

    /**
     * True when {@code shortName} is a short form of {@code fullName}: its parts are the first or last part(s) of
     * the full name ("Choe" of "Choe Son Hui", "Zelensky" of "Volodymyr Zelensky"), or it is the same name.
     */
    public static boolean isShortFormOf(String shortName, String fullName) {
        List<String> s = parts(shortName);
        List<String> f = parts(fullName);
        if (s.isEmpty() || s.size() > f.size()) {
            return false;
        }
        if (s.size() == f.size()) {
            return sameName(shortName, fullName);
        }
        return f.subList(0, s.size()).equals(s) || f.subList(f.size() - s.size(), f.size()).equals(s);
    }

    /** Levenshtein distance. */
    public static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
