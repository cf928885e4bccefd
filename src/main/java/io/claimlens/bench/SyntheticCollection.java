package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A synthetic news collection for speed and memory benchmarks, written from our own sentence templates about an
 * invented world (no third-party text): countries, cities, ministers, trade figures, projects, matches, with
 * quotations attributed in the forms news uses ("“...,” X said", "X said: “...”", "according to ...").
 *
 * <p>Deterministic: article {@code i} depends only on the seed and {@code i}, so the first 1,000 articles of a
 * 100,000-article collection are the 1,000-article collection. Articles are about 2-4 KB, like wire copy, written
 * as JSONL shards ({@code articles/articles-00000.jsonl.gz}, 10,000 per shard by default); {@code claims.jsonl},
 * beside the {@code articles} directory, holds claims about the same world: some restate a generated sentence,
 * some change a number or a name, some quote a phrase.
 */
public final class SyntheticCollection {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String[] COUNTRIES = {"Norland", "Estovia", "Valdria", "Korvenia", "Maristan", "Talvora",
        "Ostmark", "Belrune", "Caldera", "Durovia", "Elskar", "Fenwick Isles"};
    static final String[] CITIES = {"Norvik", "Estport", "Valmora", "Korvi", "Marisa", "Talby", "Ostholm",
        "Belgrath", "Calder Bay", "Duro", "Elsmouth", "Fenhaven", "Greywater", "Hollin", "Irwick", "Jorvale"};
    static final String[] FIRST = {"Ilse", "Tomas", "Marta", "Orin", "Petra", "Anselm", "Greta", "Lukas", "Nadia",
        "Emil", "Sora", "Viktor", "Helka", "Jonas", "Rhea", "Bastian", "Yara", "Kasimir", "Liv", "Dario"};
    static final String[] LAST = {"Marrow", "Kellen", "Vasko", "Lindqvist", "Ortega", "Halvorsen", "Brannick",
        "Dumont", "Esterhazy", "Fjeld", "Grunwald", "Ivanko", "Jessop", "Korhonen", "Laine", "Moravec", "Novak",
        "Oyelaran", "Prewitt", "Quill", "Rasmussen", "Sorel", "Tamm", "Ulrich", "Varga", "Whitlock"};
    static final String[] ROLES = {"foreign minister", "trade minister", "ambassador", "prime minister",
        "finance minister", "energy minister", "spokesperson for the ministry", "mayor"};
    static final String[] ORGS = {"the Central Statistics Office", "the Ministry of Trade", "the Harbour Authority",
        "the National Rail Company", "the Chamber of Commerce", "the Energy Regulator", "the Football Federation"};
    static final String[] PROJECTS = {"bridge", "harbour terminal", "rail line", "gas pipeline", "wind farm",
        "library", "stadium", "tunnel"};
    static final String[] MONTHS = {"January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December"};
    static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
    static final String[] GOODS = {"grain", "timber", "steel", "fish", "machinery", "natural gas", "textiles"};
    static final String[] PHRASES = {"brothers in every storm", "closest of friends", "a partnership for a"
            + " generation", "an unbreakable bond", "a new chapter", "neighbours who trust each other",
        "a bridge between our peoples", "the strongest of allies"};

    private SyntheticCollection() {
    }

    /** Writes {@code articles} articles and {@code claims} claims to {@code out}; returns the files written. */
    public static List<Path> write(Path out, int articles, int claims, long seed, int shardSize, boolean gzip,
                                   PrintStream log) throws IOException {
        Path articleDir = out.resolve("articles");
        Files.createDirectories(articleDir);
        List<Path> files = new ArrayList<>();
        Writer w = null;
        int shard = -1;
        long bytes = 0;
        try {
            for (int i = 0; i < articles; i++) {
                if (i / shardSize != shard) {
                    if (w != null) {
                        w.close();
                    }
                    shard = i / shardSize;
                    Path f = articleDir.resolve(String.format(Locale.ROOT, "articles-%05d.jsonl%s", shard,
                            gzip ? ".gz" : ""));
                    files.add(f);
                    OutputStream os = Files.newOutputStream(f);
                    w = new BufferedWriter(new OutputStreamWriter(gzip ? new GZIPOutputStream(os, 1 << 16) : os,
                            StandardCharsets.UTF_8), 1 << 16);
                }
                String line = JSON.writeValueAsString(article(seed, i));
                bytes += line.length();
                w.write(line);
                w.write('\n');
                if (log != null && (i + 1) % 10_000 == 0) {
                    log.printf(Locale.ROOT, "generated %,d articles%n", i + 1);
                }
            }
        } finally {
            if (w != null) {
                w.close();
            }
        }
        Path claimsFile = out.resolve("claims.jsonl");
        try (BufferedWriter cw = Files.newBufferedWriter(claimsFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < claims; i++) {
                ObjectNode c = JSON.createObjectNode();
                c.put("id", String.format(Locale.ROOT, "syn-claim-%05d", i));
                c.put("claim", claim(seed, i, Math.max(1, articles)));
                cw.write(JSON.writeValueAsString(c));
                cw.write('\n');
            }
        }
        files.add(claimsFile);
        if (log != null) {
            log.printf(Locale.ROOT, "%,d articles (%.1f MB of JSON) in %d shard(s) in %s, %,d claims in %s, seed %d%n",
                    articles, bytes / 1e6, shard + 1, articleDir, claims, claimsFile, seed);
        }
        return files;
    }

    /** Article {@code i} of the collection with {@code seed}, as a JSONL record. */
    static ObjectNode article(long seed, int i) {
        SplittableRandom r = new SplittableRandom(mix(seed, i));
        World w = new World(r);
        List<String> paragraphs = new ArrayList<>();
        int n = 10 + r.nextInt(9);
        java.util.Set<String> used = new java.util.HashSet<>();
        for (int p = 0; p < n; p++) {
            paragraphs.add(paragraph(w, r, used));
        }
        ObjectNode o = JSON.createObjectNode();
        o.put("id", String.format(Locale.ROOT, "syn-%d-%07d", seed, i));
        o.put("title", title(w, r));
        o.put("url", String.format(Locale.ROOT, "https://news.example/%d/%07d", seed, i));
        o.put("published", String.format(Locale.ROOT, "20%02d-%02d-%02d", 20 + r.nextInt(6), 1 + r.nextInt(12),
                1 + r.nextInt(28)));
        o.put("source", pick(r, new String[] {"Velmora Wire", "Northern Ledger", "Estport Herald",
            "Talvora Times"}));
        o.put("text", String.join("\n\n", paragraphs));
        return o;
    }

    /** Claim {@code i}: about the world of a generated article, true to it or changed. */
    static String claim(long seed, int i, int articles) {
        SplittableRandom r = new SplittableRandom(mix(seed ^ 0x5DEECE66DL, i));
        World w = new World(new SplittableRandom(mix(seed, r.nextInt(articles))));
        return switch (r.nextInt(6)) {
            case 0 -> w.c1 + " and " + w.c2 + " are '" + w.phrase + ",' says " + w.role1 + ".";
            case 1 -> "Trade between " + w.c1 + " and " + w.c2 + " rose " + (w.percent + (r.nextBoolean() ? 0
                    : 1 + r.nextInt(9))) + " percent in " + w.month + ".";
            case 2 -> "The " + w.project + " in " + w.city + " will open in " + pick(r, MONTHS) + ".";
            case 3 -> w.person1 + " said that " + w.c1 + " will cut " + w.goods + " exports.";
            case 4 -> w.c2 + " won the football match against " + w.c1 + " " + w.score + ".";
            default -> w.person2 + ", the " + w.role2 + " of " + w.c2 + ", resigned on " + w.day + ".";
        };
    }

    /** The cast of one article: drawn once, used by several sentences, so articles hang together. */
    private static final class World {
        final String c1;
        final String c2;
        final String city;
        final String person1;
        final String person2;
        final String role1;
        final String role2;
        final String org;
        final String project;
        final String month;
        final String day;
        final String goods;
        final String phrase;
        final int percent;
        final String score;

        World(SplittableRandom r) {
            int a = r.nextInt(COUNTRIES.length);
            int b = (a + 1 + r.nextInt(COUNTRIES.length - 1)) % COUNTRIES.length;
            c1 = COUNTRIES[a];
            c2 = COUNTRIES[b];
            city = pick(r, CITIES);
            person1 = pick(r, FIRST) + " " + pick(r, LAST);
            person2 = pick(r, FIRST) + " " + pick(r, LAST);
            role1 = pick(r, ROLES);
            role2 = pick(r, ROLES);
            org = pick(r, ORGS);
            project = pick(r, PROJECTS);
            month = pick(r, MONTHS);
            day = pick(r, DAYS);
            goods = pick(r, GOODS);
            phrase = pick(r, PHRASES);
            percent = 2 + r.nextInt(30);
            score = (r.nextInt(4) + 1) + "-" + r.nextInt(3);
        }

        String lastName1() {
            return person1.substring(person1.indexOf(' ') + 1);
        }

        String lastName2() {
            return person2.substring(person2.indexOf(' ') + 1);
        }
    }

    private static String title(World w, SplittableRandom r) {
        return switch (r.nextInt(4)) {
            case 0 -> w.c1 + " and " + w.c2 + " sign " + w.goods + " agreement in " + w.city;
            case 1 -> "Trade between " + w.c1 + " and " + w.c2 + " up " + w.percent + " percent";
            case 2 -> w.city + " " + w.project + " to open in " + w.month;
            default -> w.c2 + " beat " + w.c1 + " " + w.score + " in " + w.city;
        };
    }

    private static String paragraph(World w, SplittableRandom r, java.util.Set<String> used) {
        int sentences = 1 + r.nextInt(3);
        StringBuilder sb = new StringBuilder();
        for (int s = 0; s < sentences; s++) {
            String next = sentence(w, r);
            for (int tries = 0; tries < 5 && !used.add(next); tries++) {
                next = sentence(w, r); // no sentence twice in one article
            }
            if (s > 0) {
                sb.append(' ');
            }
            sb.append(next);
        }
        return sb.toString();
    }

    private static String sentence(World w, SplittableRandom r) {
        int n = 1 + r.nextInt(99);
        return switch (r.nextInt(16)) {
            case 0 -> "\u201C" + capitalise(w.c1) + " and " + w.c2 + " are " + w.phrase + ",\u201D " + w.person1
                    + ", the " + w.role1 + " of " + w.c1 + ", said on " + w.day + ".";
            case 1 -> w.person2 + " told reporters in " + w.city + ": \u201CWe will not accept new tariffs on "
                    + w.goods + ".\u201D";
            case 2 -> "Trade between " + w.c1 + " and " + w.c2 + " rose " + w.percent + " percent in " + w.month
                    + ", according to " + w.org + ".";
            case 3 -> "The " + w.project + " in " + w.city + " will open in " + w.month + ", " + pick(r, FIRST) + " "
                    + pick(r, LAST) + " of " + w.org + " said.";
            case 4 -> capitalise(w.org) + " said exports of " + w.goods + " reached " + n + " million crowns in "
                    + w.month + ".";
            case 5 -> w.lastName1() + " said the talks had been \u201C" + pick(r, new String[] {"frank",
                "constructive", "difficult", "useful"}) + "\u201D and would continue in " + w.city + ".";
            case 6 -> "\u201CThere is no crisis in " + w.c2 + ",\u201D said " + w.lastName2() + ". \u201CThe ministry"
                    + " has worked normally since " + w.day + ".\u201D";
            case 7 -> capitalise(w.c2) + " won the match against " + w.c1 + " " + w.score + " in front of " + n
                    + ",000 spectators in " + w.city + ".";
            case 8 -> "The " + w.role2 + " of " + w.c2 + ", " + w.person2 + ", arrived in " + w.city + " on "
                    + w.day + " for two days of meetings.";
            case 9 -> "Officials in " + w.c1 + " declined to comment on the " + w.project + ", which has cost "
                    + n + " million crowns so far.";
            case 10 -> "According to " + w.org + ", " + n + " percent of the " + w.goods + " shipped through "
                    + w.city + " was bound for " + w.c2 + ".";
            case 11 -> "Critics called the agreement \u201C" + pick(r, new String[] {"a gift to " + w.c2,
                "premature", "a first step", "unbalanced"}) + ",\u201D but the government defended it.";
            case 12 -> w.person1 + " denied reports that " + w.c1 + " would cut " + w.goods + " exports.";
            case 13 -> "The agreement between " + w.c1 + " and " + w.c2 + " runs for " + (2 + n % 9)
                    + " years and covers " + w.goods + ", energy and transport.";
            case 14 -> "Residents of " + w.city + " said they hoped the " + w.project + " would bring " + n * 10
                    + " jobs by " + pick(r, MONTHS) + ".";
            default -> "Talks between " + w.c1 + " and " + w.c2 + " resume in " + pick(r, MONTHS) + ", the "
                    + "ministry said in a statement on " + w.day + ".";
        };
    }

    private static String pick(SplittableRandom r, String[] from) {
        return from[r.nextInt(from.length)];
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static long mix(long seed, long i) {
        long z = seed * 0x9E3779B97F4A7C15L + i;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
