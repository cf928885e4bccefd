package io.claimlens.claims.detect;

import io.claimlens.model.ClaimGroup;
import io.claimlens.model.ContentHash;
import io.claimlens.model.DetectedClaim;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups near-duplicate detected claims: the same statement carried by several outlets, or repeated in one
 * article, becomes one {@link ClaimGroup} with all its appearances.
 *
 * <p><b>Rule.</b> Two claims are near-duplicates when, on their normalised claim strings,
 * <ol>
 *   <li>the Jaccard similarity of their content-word sets is at least {@link #threshold()} (0.6 by default;
 *       lower-cased, stop words dropped, plural "-s" stripped),</li>
 *   <li>they mention the same numbers (digit strings, separators removed), and</li>
 *   <li>their names (entities and speaker, lower-cased) differ by at most one: "Russia and North Korea are the
 *       closest of countries" and "China and North Korea are the closest of countries" share most words but
 *       are different claims.</li>
 * </ol>
 * Groups are the connected components of this relation, so they do not depend on input order. Candidate pairs
 * come from prefix filtering (each claim's rarest words; exact for the Jaccard threshold), so a collection of
 * 10,000 articles does not compare every pair.
 *
 * <p>Within a group the representative is the appearance with the highest score (ties: article id, then
 * offset); groups are returned by score, highest first, then by id. Thread-safe (stateless apart from the
 * threshold).
 */
public final class ClaimGrouper {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}'’]*");
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,.]*");
    private static final Set<String> STOP = Set.of("a", "an", "the", "of", "to", "in", "on", "at", "for", "and",
            "or", "but", "is", "are", "was", "were", "be", "been", "being", "by", "with", "as", "that", "this",
            "these", "those", "it", "its", "from", "has", "have", "had", "will", "would", "their", "there", "which",
            "who", "what", "than", "then", "so", "if", "into", "about", "also", "his", "her", "they", "he", "she",
            "we", "you", "i", "our", "your", "my", "them", "him", "do", "does", "did", "s", "says", "said", "say");

    private final double threshold;

    public ClaimGrouper() {
        this(0.6);
    }

    public ClaimGrouper(double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("Jaccard threshold must be in (0, 1]: " + threshold);
        }
        this.threshold = threshold;
    }

    public double threshold() {
        return threshold;
    }

    /** Content words of a claim string, as the rule reads them. */
    static Set<String> contentWords(String claim) {
        Set<String> out = new TreeSet<>();
        Matcher m = WORD.matcher(claim.toLowerCase(Locale.ROOT).replace('’', '\''));
        while (m.find()) {
            String w = m.group();
            if (w.endsWith("'s")) {
                w = w.substring(0, w.length() - 2);
            }
            if (STOP.contains(w) || w.isEmpty()) {
                continue;
            }
            if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
                w = w.substring(0, w.length() - 1);
            }
            out.add(w);
        }
        return out;
    }

    static Set<String> numbers(String claim) {
        Set<String> out = new TreeSet<>();
        Matcher m = NUMBER.matcher(claim);
        while (m.find()) {
            String n = m.group().replaceAll("[,.]+$", "").replace(",", "");
            out.add(n);
        }
        return out;
    }

    static Set<String> names(DetectedClaim c) {
        Set<String> out = new TreeSet<>();
        c.entities().forEach(e -> out.add(e.toLowerCase(Locale.ROOT)));
        if (c.speaker() != null) {
            out.add(c.speaker().toLowerCase(Locale.ROOT));
        }
        return out;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1;
        }
        int inter = 0;
        for (String w : a) {
            if (b.contains(w)) {
                inter++;
            }
        }
        return (double) inter / (a.size() + b.size() - inter);
    }

    /** True when the two claims are near-duplicates under the rule above. */
    public boolean nearDuplicates(DetectedClaim a, DetectedClaim b) {
        Set<String> wa = contentWords(a.claim());
        Set<String> wb = contentWords(b.claim());
        return !wa.isEmpty() && !wb.isEmpty() && jaccard(wa, wb) >= threshold
                && numbers(a.claim()).equals(numbers(b.claim())) && nameDifference(names(a), names(b)) <= 1;
    }

    private static int nameDifference(Set<String> a, Set<String> b) {
        int d = 0;
        for (String x : a) {
            d += b.contains(x) ? 0 : 1;
        }
        for (String x : b) {
            d += a.contains(x) ? 0 : 1;
        }
        return d;
    }

    /** Groups the claims; every claim is in exactly one group. */
    public List<ClaimGroup> group(List<DetectedClaim> claims) {
        int n = claims.size();
        List<Set<String>> words = new ArrayList<>(n);
        Map<String, Integer> df = new HashMap<>();
        for (DetectedClaim c : claims) {
            Set<String> w = contentWords(c.claim());
            words.add(w);
            for (String t : w) {
                df.merge(t, 1, Integer::sum);
            }
        }
        Comparator<String> rarestFirst = Comparator.comparingInt((String t) -> df.get(t)).thenComparing(t -> t);
        Map<String, List<Integer>> index = new HashMap<>();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            Set<String> w = words.get(i);
            if (w.isEmpty()) {
                continue;
            }
            List<String> sorted = new ArrayList<>(w);
            sorted.sort(rarestFirst);
            int prefix = w.size() - (int) Math.ceil(threshold * w.size() - 1e-9) + 1;
            Set<Integer> candidates = new HashSet<>();
            for (String t : sorted.subList(0, Math.min(prefix, sorted.size()))) {
                List<Integer> posting = index.computeIfAbsent(t, k -> new ArrayList<>());
                candidates.addAll(posting);
                posting.add(i);
            }
            for (int j : candidates) {
                if (find(parent, i) != find(parent, j) && nearDuplicates(claims.get(i), claims.get(j))) {
                    union(parent, i, j);
                }
            }
        }
        Map<Integer, List<DetectedClaim>> byRoot = new HashMap<>();
        for (int i = 0; i < n; i++) {
            byRoot.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(claims.get(i));
        }
        Comparator<DetectedClaim> representativeFirst = Comparator.comparingDouble((DetectedClaim c) -> -c.score())
                .thenComparing(DetectedClaim::articleId).thenComparingInt(c -> c.span().start())
                .thenComparingInt(c -> c.span().end());
        List<ClaimGroup> groups = new ArrayList<>();
        for (List<DetectedClaim> members : byRoot.values()) {
            members.sort(representativeFirst);
            DetectedClaim rep = members.get(0);
            List<DetectedClaim> appearances = new ArrayList<>();
            appearances.add(rep);
            List<DetectedClaim> rest = new ArrayList<>(members.subList(1, members.size()));
            rest.sort(Comparator.comparing(DetectedClaim::articleId).thenComparingInt(c -> c.span().start())
                    .thenComparingInt(c -> c.span().end()));
            appearances.addAll(rest);
            Set<String> speakers = new LinkedHashSet<>();
            Set<String> articles = new LinkedHashSet<>();
            List<String> ids = new ArrayList<>();
            for (DetectedClaim c : appearances) {
                if (c.source() != null) {
                    speakers.add(c.source());
                }
                articles.add(c.articleId());
                ids.add(c.id());
            }
            ids.sort(null);
            String id = "g" + ContentHash.sha256Hex(String.join(",", ids)).substring(0, 16);
            groups.add(new ClaimGroup(id, rep.claim(), rep.score(), rep.type(), List.copyOf(speakers),
                    List.copyOf(articles), appearances));
        }
        groups.sort(Comparator.comparingDouble((ClaimGroup g) -> -g.score()).thenComparing(ClaimGroup::id));
        return groups;
    }

    private static int find(int[] parent, int x) {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra != rb) {
            parent[Math.max(ra, rb)] = Math.min(ra, rb);
        }
    }
}
