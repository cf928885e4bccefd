package io.claimlens.datasets;

import io.claimlens.ingest.Paragraphs;
import io.claimlens.model.Article;
import io.claimlens.model.Span;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * PolNeAR (political news attribution relations, brat standoff): articles and their attribution relations.
 *
 * <p>Some articles were annotated twice; the annotation file whose name sorts first is used, so each article counts
 * once. Discontinuous spans ({@code 752 760;769 800}) are kept as several spans.
 */
public final class PolNear {

    /** One attribution relation: content, cue and (optionally) source spans with their surface text. */
    public record Relation(List<Span> content, String contentText, List<Span> source, String sourceText,
                           List<Span> cue) {

        public boolean hasSource() {
            return !source.isEmpty();
        }
    }

    /** An article with its relations. */
    public record Doc(Article article, List<Relation> relations) {
    }

    private static final java.util.regex.Pattern TEXT_BOUND =
            java.util.regex.Pattern.compile("T\\d+\t\\S+ \\d+ \\d+(;\\d+ \\d+)*(\t|$)");
    private static final java.util.regex.Pattern EVENT =
            java.util.regex.Pattern.compile("E\\d+\t(\\S+:[TE]\\d+\\s*)+");

    private PolNear() {
    }

    /** Reads {@code root/data/<split>/text/*.txt} and their first annotation file, in file-name order. */
    public static List<Doc> read(Path root, String split) throws IOException {
        Path base = root.resolve("data").resolve(split);
        Path textDir = base.resolve("text");
        Path annDir = base.resolve("attributions");
        if (!Files.isDirectory(textDir) || !Files.isDirectory(annDir)) {
            throw new IOException("PolNeAR split not found: " + base + " (expected text/ and attributions/)");
        }
        Map<String, Path> firstAnn = new HashMap<>();
        try (Stream<Path> s = Files.list(annDir)) {
            for (Path p : s.sorted().toList()) {
                String name = p.getFileName().toString();
                if (name.endsWith(".ann")) {
                    firstAnn.putIfAbsent(name.replaceFirst("_[0-9a-f]+\\.ann$", ""), p);
                }
            }
        }
        List<Doc> out = new ArrayList<>();
        try (Stream<Path> s = Files.list(textDir)) {
            for (Path t : s.sorted().toList()) {
                String stem = t.getFileName().toString().replaceFirst("\\.txt$", "");
                Path ann = firstAnn.get(stem);
                if (ann == null) {
                    continue;
                }
                String text = Files.readString(t, StandardCharsets.UTF_8);
                Article a = new Article(stem, t.toString(), null, null, null, null, text, Paragraphs.split(text));
                out.add(new Doc(a, relations(ann)));
            }
        }
        return out;
    }

    static List<Relation> relations(Path ann) throws IOException {
        Map<String, List<Span>> spans = new HashMap<>();
        Map<String, String> surface = new HashMap<>();
        List<Map<String, String>> edges = new ArrayList<>();
        for (String line : Files.readAllLines(ann, StandardCharsets.UTF_8)) {
            // a span's surface text may run over several lines: only lines shaped like records are records
            if (TEXT_BOUND.matcher(line).lookingAt()) {
                String[] c = line.split("\t", 3);
                String[] typeAndOffsets = c[1].split(" ", 2);
                List<Span> ss = new ArrayList<>();
                for (String part : typeAndOffsets[1].split(";")) {
                    String[] se = part.trim().split(" ");
                    ss.add(Span.of(Integer.parseInt(se[0]), Integer.parseInt(se[1])));
                }
                spans.put(c[0], ss);
                surface.put(c[0], c.length > 2 ? c[2] : "");
            } else if (EVENT.matcher(line).matches()) {
                Map<String, String> e = new HashMap<>();
                for (String kv : line.split("\t", 2)[1].trim().split("\\s+")) {
                    String[] x = kv.split(":");
                    e.put(x[0], x[1]);
                }
                edges.add(e);
            }
        }
        List<Relation> out = new ArrayList<>();
        for (Map<String, String> e : edges) {
            String c = e.get("Content");
            if (c == null || !spans.containsKey(c)) {
                continue;
            }
            String s = e.get("Source");
            String q = e.get("Cue");
            out.add(new Relation(spans.get(c), surface.get(c), s == null ? List.of() : spans.getOrDefault(s, List.of()),
                    s == null ? null : surface.get(s), q == null ? List.of() : spans.getOrDefault(q, List.of())));
        }
        return out;
    }
}
