package io.claimlens.nlp;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Groups the spellings of person names across a collection ({@link Names#sameName}) and picks one canonical
 * spelling per group.
 *
 * <p>Groups are the connected components of the same-name relation, so they do not depend on the order names
 * are added. The canonical spelling is the most frequent one in the group; ties go to the lexicographically
 * smallest, so the choice is deterministic. Names are compared only within a block of the same first
 * normalised part, which keeps adding linear in practice.
 *
 * <p>Not thread-safe: build it on one thread, then read it from many.
 */
public final class NameClusters {

    private final Map<String, Integer> counts = new TreeMap<>();
    private final Map<String, String> parent = new HashMap<>();
    private final Map<String, List<String>> blocks = new HashMap<>();
    /** Canonical spelling per group root; rebuilt after adds (reads far outnumber adds). */
    private Map<String, String> canonicalByRoot;

    /** Records {@code count} occurrences of a full name (as written). */
    public void add(String name, int count) {
        if (Names.normalize(name).isEmpty()) {
            return;
        }
        canonicalByRoot = null;
        Integer old = counts.get(name);
        counts.merge(name, count, Integer::sum);
        if (old != null) {
            return;
        }
        parent.put(name, name);
        String block = Names.parts(name).get(0);
        List<String> members = blocks.computeIfAbsent(block, k -> new ArrayList<>());
        for (String other : members) {
            if (Names.sameName(name, other)) {
                union(name, other);
            }
        }
        members.add(name);
    }

    public void add(String name) {
        add(name, 1);
    }

    /** The canonical spelling of {@code name}'s group, or {@code name} itself if it was never added. */
    public String canonical(String name) {
        if (!parent.containsKey(name)) {
            for (String known : blocks.getOrDefault(firstPart(name), List.of())) {
                if (Names.sameName(name, known)) {
                    return canonical(known);
                }
            }
            return name;
        }
        if (canonicalByRoot == null) {
            Map<String, String> best = new HashMap<>();
            Map<String, Integer> bestCount = new HashMap<>();
            for (Map.Entry<String, Integer> e : counts.entrySet()) { // sorted: ties keep the smallest
                String root = find(e.getKey());
                if (e.getValue() > bestCount.getOrDefault(root, -1)) {
                    best.put(root, e.getKey());
                    bestCount.put(root, e.getValue());
                }
            }
            canonicalByRoot = best;
        }
        return canonicalByRoot.get(find(name));
    }

    /** All groups with more than one spelling, each sorted, canonical first. */
    public List<List<String>> variantGroups() {
        Map<String, List<String>> byRoot = new TreeMap<>();
        for (String n : counts.keySet()) {
            byRoot.computeIfAbsent(find(n), k -> new ArrayList<>()).add(n);
        }
        List<List<String>> out = new ArrayList<>();
        for (List<String> g : byRoot.values()) {
            if (g.size() > 1) {
                String c = canonical(g.get(0));
                List<String> sorted = new ArrayList<>();
                sorted.add(c);
                g.stream().filter(x -> !x.equals(c)).sorted().forEach(sorted::add);
                out.add(sorted);
            }
        }
        return out;
    }

    private static String firstPart(String name) {
        List<String> p = Names.parts(name);
        return p.isEmpty() ? "" : p.get(0);
    }

    private String find(String x) {
        String p = parent.get(x);
        while (!p.equals(parent.get(p))) {
            p = parent.get(p);
        }
        parent.put(x, p);
        return p;
    }

    private void union(String a, String b) {
        String ra = find(a);
        String rb = find(b);
        if (!ra.equals(rb)) {
            // attach the lexicographically larger root under the smaller: order-independent roots
            if (ra.compareTo(rb) < 0) {
                parent.put(rb, ra);
            } else {
                parent.put(ra, rb);
            }
        }
    }
}
