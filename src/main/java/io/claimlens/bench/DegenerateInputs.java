package io.claimlens.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcWriter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;

/**
 * Degenerate and hostile documents of the kinds a crawler drags in, written as files in every input format the
 * engine reads: empty and whitespace-only files, binary bytes, invalid UTF-8, a 5 MB single paragraph, 100,000 tiny
 * articles in one JSONL file, unbalanced, nested and mixed quotation marks, punctuation only, right-to-left and CJK
 * text, HTML with scripts, iframes, entity bombs and deep nesting, malformed and truncated JSONL, gzip and WARC.
 *
 * <p>Deterministic: input {@code i} depends only on the seed and {@code i}. The two giant kinds are rare (one of
 * each per thousand inputs) so that a run of N inputs stays proportional to N.
 *
 * <p>Each input says whether it {@linkplain Kind#mustBeReported must be reported}: inputs with nothing usable in
 * them, which a robust reader has to name in an error rather than pass over in silence.
 */
public final class DegenerateInputs {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The kinds of input, with the file extension used and whether every input of the kind must be reported. */
    public enum Kind {
        EMPTY(".txt", true),
        EMPTY_JSONL(".jsonl", true),
        EMPTY_WARC(".warc", true),
        WHITESPACE(".txt", true),
        BINARY(".txt", true),
        INVALID_UTF8(".txt", true),
        PUNCTUATION(".txt", true),
        HUGE_PARAGRAPH(".txt", true),
        LONG_RUN_ON(".txt", false),
        TINY_ARTICLES(".jsonl", false),
        QUOTE_MARKS(".txt", false),
        RTL_CJK(".txt", false),
        RANDOM_UNICODE(".jsonl", false),
        HOSTILE_HTML(".html", false),
        ENTITY_BOMB(".html", false),
        MALFORMED_JSONL(".jsonl", true),
        TRUNCATED_GZIP(".jsonl.gz", true),
        NOT_GZIP(".jsonl.gz", true),
        TRUNCATED_WARC(".warc.gz", true),
        GARBAGE_WARC(".warc", true),
        NEWS_WITH_NOISE(".txt", false);

        private final String extension;
        private final boolean mustBeReported;

        Kind(String extension, boolean mustBeReported) {
            this.extension = extension;
            this.mustBeReported = mustBeReported;
        }

        public String extension() {
            return extension;
        }

        /** True when the input holds something unusable that a reader must name in an error. */
        public boolean mustBeReported() {
            return mustBeReported;
        }
    }

    /** One generated input file. */
    public record Input(int index, Kind kind, Path file) {
    }

    private static final Kind[] COMMON = Arrays.stream(Kind.values())
            .filter(k -> k != Kind.HUGE_PARAGRAPH && k != Kind.TINY_ARTICLES && k != Kind.LONG_RUN_ON)
            .toArray(Kind[]::new);

    private static final String QUOTE_CHARS = "\"'\u00AB\u00BB\u201E\u201C\u201D\u2018\u2019\u201A\u2039\u203A"
            + "\u300C\u300D\u300E\u300F`=";
    private static final String[] WORDS = {"the", "minister", "said", "Norland", "trade", "grew", "by", "12",
        "percent", "in", "March", "according", "to", "officials", "Ilse", "Marrow", "told", "reporters", "we",
        "are", "brothers", "every", "storm", "closest", "of", "countries", "\u2014", "and", "not", "never"};

    private DegenerateInputs() {
    }

    /** The kind of input {@code i}: the giant kinds once per thousand, the rest drawn from the seed. */
    public static Kind kindOf(long seed, int i) {
        if (i % 1000 == 0) {
            return Kind.HUGE_PARAGRAPH;
        }
        if (i % 1000 == 500) {
            return Kind.TINY_ARTICLES;
        }
        if (i % 1000 == 250) {
            return Kind.LONG_RUN_ON;
        }
        return COMMON[new SplittableRandom(seed * 1_000_003L + i).nextInt(COMMON.length)];
    }

    /** Writes inputs {@code 0 .. count-1} into {@code dir} (created), named {@code 00042-kind.ext}. */
    public static List<Input> write(Path dir, int count, long seed) throws IOException {
        Files.createDirectories(dir);
        List<Input> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(writeOne(dir, i, seed));
        }
        return out;
    }

    /** Writes input {@code i}. */
    public static Input writeOne(Path dir, int i, long seed) throws IOException {
        Kind kind = kindOf(seed, i);
        Path file = dir.resolve(String.format(Locale.ROOT, "%05d-%s%s", i, kind.name().toLowerCase(Locale.ROOT)
                .replace('_', '-'), kind.extension()));
        Files.write(file, bytes(kind, new SplittableRandom(seed * 31 + i * 7919L)));
        return new Input(i, kind, file);
    }

    /** The bytes of one input of {@code kind}. */
    public static byte[] bytes(Kind kind, SplittableRandom r) throws IOException {
        return switch (kind) {
            case EMPTY, EMPTY_JSONL, EMPTY_WARC -> new byte[0];
            case WHITESPACE -> utf8(repeat(r, new String[] {" ", "\t", "\n", "\r\n", "\u00A0", "\u2028", "\u3000",
                "\u200B", "\uFEFF"}, 1 + r.nextInt(400), ""));
            case BINARY -> binary(r);
            case INVALID_UTF8 -> invalidUtf8(r);
            case PUNCTUATION -> utf8(repeat(r, new String[] {".", "!", "?", ",", ";", ":", "\u2026", "--", "\"",
                "\u201C", "\u201D", "\u00AB", "\u00BB", "(", ")", "*", "#", "\n\n", " "}, 1 + r.nextInt(3000), ""));
            case HUGE_PARAGRAPH -> utf8(repeat(r, WORDS, 5 * 1024 * 1024 / 6, " "));
            case LONG_RUN_ON -> utf8(repeat(r, WORDS, 40_000, " "));
            case TINY_ARTICLES -> tinyArticles(r, 100_000);
            case QUOTE_MARKS -> utf8(quoteMarks(r));
            case RTL_CJK -> utf8(rtlCjk(r));
            case RANDOM_UNICODE -> randomUnicodeJsonl(r);
            case HOSTILE_HTML -> utf8(hostileHtml(r));
            case ENTITY_BOMB -> utf8(entityBomb(r));
            case MALFORMED_JSONL -> utf8(malformedJsonl(r));
            case TRUNCATED_GZIP -> truncate(r, gzip(utf8(jsonLine("gz-" + r.nextInt(1000), news(r)) + "\n"
                    + jsonLine("gz2", news(r)) + "\n")));
            case NOT_GZIP -> utf8(jsonLine("plain", news(r)) + "\n");
            case TRUNCATED_WARC -> truncateEnd(r, warc(r, WarcCompression.GZIP));
            case GARBAGE_WARC -> r.nextBoolean() ? binary(r)
                    : utf8("WARC/1.1\r\nWARC-Type: response\r\nContent-Length: " + (r.nextInt(2) == 0 ? "-5" : "99999")
                    + "\r\n\r\nHTTP/1.1 200 OK\r\n" + news(r));
            case NEWS_WITH_NOISE -> utf8(news(r) + "\n\n" + quoteMarks(r) + "\n\n" + randomUnicode(r, 200, false));
        };
    }

    // ---------------------------------------------------------------------------------------------------------

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String repeat(SplittableRandom r, String[] parts, int n, String sep) {
        StringBuilder sb = new StringBuilder(n * 4);
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append(sep);
            }
            sb.append(parts[r.nextInt(parts.length)]);
        }
        return sb.toString();
    }

    private static byte[] binary(SplittableRandom r) {
        byte[] b = new byte[1 + r.nextInt(4096)];
        r.nextBytes(b);
        b[r.nextInt(b.length)] = 0;
        return b;
    }

    /** Mostly text, with bytes that are never valid UTF-8 (lone continuation, truncated sequence, overlong, 0xFF). */
    private static byte[] invalidUtf8(SplittableRandom r) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[][] bad = {{(byte) 0x80}, {(byte) 0xC3}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xFF},
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xE2, (byte) 0x82}};
        out.writeBytes(utf8(news(r)));
        int at = r.nextInt(3);
        byte[] b = bad[r.nextInt(bad.length)];
        ByteArrayOutputStream done = new ByteArrayOutputStream();
        byte[] text = out.toByteArray();
        int cut = at == 0 ? 0 : at == 1 ? text.length / 2 : text.length;
        done.write(text, 0, cut);
        done.writeBytes(b);
        done.write(text, cut, text.length - cut);
        return done.toByteArray();
    }

    private static String news(SplittableRandom r) {
        String[] who = {"Ilse Marrow", "Tomas Kellen", "the ministry", "a spokesperson", "Marta Vasko"};
        StringBuilder sb = new StringBuilder();
        int n = 2 + r.nextInt(5);
        for (int i = 0; i < n; i++) {
            String w = who[r.nextInt(who.length)];
            switch (r.nextInt(4)) {
                case 0 -> sb.append("\u201C").append(repeat(r, WORDS, 4 + r.nextInt(10), " ")).append(",\u201D ")
                        .append(w).append(" said on Monday.");
                case 1 -> sb.append(w).append(" said trade grew by ").append(r.nextInt(100)).append(" percent in ")
                        .append("March.");
                case 2 -> sb.append("According to ").append(w).append(", the two are \"the closest of countries\".");
                default -> sb.append("Norland and Estovia signed a ").append(r.nextInt(40)).append("-year deal.");
            }
            sb.append(r.nextInt(3) == 0 ? "\n\n" : " ");
        }
        return sb.toString();
    }

    /** Sentences with unbalanced, nested and mixed quotation marks. */
    private static String quoteMarks(SplittableRandom r) {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(30);
        for (int i = 0; i < n; i++) {
            if (r.nextInt(3) == 0) {
                sb.append(QUOTE_CHARS.charAt(r.nextInt(QUOTE_CHARS.length())));
            }
            sb.append(WORDS[r.nextInt(WORDS.length)]);
            int q = r.nextInt(4);
            for (int k = 0; k < q; k++) {
                sb.append(QUOTE_CHARS.charAt(r.nextInt(QUOTE_CHARS.length())));
            }
            sb.append(r.nextInt(8) == 0 ? ". " : r.nextInt(20) == 0 ? "\n\n" : " ");
        }
        if (r.nextBoolean()) {
            sb.append(" \"\"= \u00AB \u00BB \u201E \u201C \"said\" the minister \u201C\u201C\u201C");
        }
        return sb.toString();
    }

    private static String rtlCjk(SplittableRandom r) {
        String[] parts = {"\u0642\u0627\u0644 \u0627\u0644\u0648\u0632\u064A\u0631 \u0625\u0646 ",
            "\u05D4\u05E9\u05E8 \u05D0\u05DE\u05E8 ", "\u5916\u4EA4\u90E8\u957F\u8868\u793A\uFF0C",
            "\u300C\u6211\u4EEC\u662F\u6700\u4EB2\u5BC6\u7684\u56FD\u5BB6\u300D\u3002",
            "\u202E evil override \u202C", "\u200F\u200E", " Norland ", "\u201C", "\u201D", "\n\n",
            "\uD83D\uDE00", "e\u0301\u0301\u0301"};
        return repeat(r, parts, 5 + r.nextInt(200), "");
    }

    /** Random code points: letters of several scripts, marks, controls, quotes; lone surrogates when allowed. */
    private static String randomUnicode(SplittableRandom r, int n, boolean loneSurrogates) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int pick = r.nextInt(10);
            int cp = switch (pick) {
                case 0 -> 0x20 + r.nextInt(0x5F);
                case 1 -> 0x4E00 + r.nextInt(0x5000);
                case 2 -> 0x0600 + r.nextInt(0x100);
                case 3 -> 0x0300 + r.nextInt(0x70);
                case 4 -> 0x1F300 + r.nextInt(0x300);
                case 5 -> r.nextInt(0x20);
                case 6 -> QUOTE_CHARS.charAt(r.nextInt(QUOTE_CHARS.length()));
                case 7 -> loneSurrogates ? 0xD800 + r.nextInt(0x800) : 0x2000 + r.nextInt(0x70);
                default -> 'a' + r.nextInt(26);
            };
            sb.appendCodePoint(cp);
        }
        return sb.toString();
    }

    private static byte[] randomUnicodeJsonl(SplittableRandom r) throws IOException {
        StringBuilder sb = new StringBuilder();
        int n = 1 + r.nextInt(4);
        for (int i = 0; i < n; i++) {
            ObjectNode o = JSON.createObjectNode();
            o.put("id", "u" + i + randomUnicode(r, r.nextInt(4), false));
            o.put("title", randomUnicode(r, r.nextInt(30), true));
            o.put("text", randomUnicode(r, 1 + r.nextInt(600), true) + " " + news(r));
            // Jackson writes lone surrogates as \\u escapes, so the file is valid UTF-8 with invalid UTF-16 inside
            sb.append(JSON.writeValueAsString(o)).append('\n');
        }
        return utf8(sb.toString());
    }

    private static String hostileHtml(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("<html><head><title>");
        sb.append(r.nextBoolean() ? "<script>alert(1)</script>" : "T\u00EDtulo &amp; \"quotes\"");
        sb.append("</title><script>document.write('<p>injected</p>')</script><style>p{}</style></head><body>");
        int depth = r.nextInt(4) == 0 ? 3000 + r.nextInt(3000) : r.nextInt(50);
        sb.append("<div>".repeat(depth));
        sb.append("<p>").append(news(r)).append("</p>");
        sb.append("<iframe src=\"javascript:alert(1)\"><p>inside iframe</p></iframe>");
        sb.append("<p onclick=\"x()\">&#0; &#xD800; &#99999999; &bogus; &lt;script&gt; &amp;amp;amp;</p>");
        sb.append("<svg><script>alert(2)</script></svg><noscript>no</noscript><![CDATA[ cdata ]]>");
        sb.append("<!-- unterminated comment ").append(r.nextBoolean() ? "-->" : "");
        sb.append("<p>").append(quoteMarks(r));
        if (r.nextBoolean()) {
            sb.append("</div>".repeat(depth)).append("</body></html>");
        }
        return sb.toString();
    }

    /** Billion-laughs and external-entity declarations, which an HTML reader must neither expand nor fetch. */
    private static String entityBomb(SplittableRandom r) {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE html [\n"
                + "<!ENTITY xxe SYSTEM \"file:///etc/passwd\">\n<!ENTITY lol \"lol\">\n");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">\n");
        }
        sb.append("]>\n<html><body><p>&lol9; &xxe; ").append(news(r)).append("</p>");
        sb.append("<p>").append("&amp;".repeat(r.nextInt(20_000))).append("</p></body></html>");
        return sb.toString();
    }

    private static String jsonLine(String id, String text) {
        ObjectNode o = JSON.createObjectNode();
        o.put("id", id);
        o.put("text", text);
        return o.toString();
    }

    /**
     * Good lines, odd but valid lines (NUL escapes, a {@code ../} id, a byte-order mark, HTML with an unknown
     * entity), and at least one line that is wrong in one of the ways a line can be wrong.
     */
    private static String malformedJsonl(SplittableRandom r) {
        String[] wrong = {"{\"id\": \"a\", \"text\": \"unterminated", "[1, 2, 3]", "\"just a string\"", "null",
            "{\"id\": {\"nested\": true}, \"text\": \"x\"}", "{\"text\": 42}", "{\"title\": \"no text\"}",
            "{\"text\": \"\"}", "{\"text\": \"   \"}", "{\"text\": \"ok\", \"html\": [1]}", "{'single': 'quotes'}",
            "[".repeat(200) + "]".repeat(200), "{\"text\": \"x\", \"id\": 1e999999}", "{\"text\": \"x\"} trailing",
            "{\"text\": " + "9".repeat(500) + "}", "{\"text\": \"!!! ... ???\"}"};
        String[] odd = {"\uFEFF{\"text\": \"bom\"}", "{\"id\": \"../../etc/passwd\", \"text\": \""
                + "ok ".repeat(5) + "\"}", "{\"text\": \"nul \\u0000 inside\", \"id\": \"n\\u0000ul\"}",
            "{\"html\": \"<p>&lol;<script>x</script></p>\"}"};
        StringBuilder sb = new StringBuilder();
        int n = 2 + r.nextInt(8);
        int mustBeWrong = r.nextInt(n);
        for (int i = 0; i < n; i++) {
            int pick = i == mustBeWrong ? 2 : r.nextInt(3);
            sb.append(switch (pick) {
                case 0 -> jsonLine("m" + i, news(r));
                case 1 -> odd[r.nextInt(odd.length)];
                default -> wrong[r.nextInt(wrong.length)];
            });
            sb.append(r.nextInt(5) == 0 ? "\r\n" : "\n");
        }
        return sb.toString();
    }

    private static byte[] tinyArticles(SplittableRandom r, int n) {
        String[] texts = {"Ok.", "x", "\u201CYes,\u201D he said.", "12", "Norland.", "a b c", "\u00BB\u00AB"};
        StringBuilder sb = new StringBuilder(n * 40);
        for (int i = 0; i < n; i++) {
            sb.append("{\"id\":\"t").append(i).append("\",\"text\":\"").append(texts[r.nextInt(texts.length)]
                    .replace("\"", "\\\"")).append("\"}\n");
        }
        return utf8(sb.toString());
    }

    private static byte[] gzip(byte[] b) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(b);
        }
        return out.toByteArray();
    }

    /** Cuts the bytes somewhere strictly inside, so that the format's end is missing. */
    private static byte[] truncate(SplittableRandom r, byte[] b) {
        return Arrays.copyOf(b, 1 + r.nextInt(Math.max(1, b.length - 12)));
    }

    /** Cuts the bytes within their last sixth (inside the last record of a WARC file). */
    private static byte[] truncateEnd(SplittableRandom r, byte[] b) {
        return Arrays.copyOf(b, b.length - 1 - r.nextInt(Math.max(1, b.length / 6)));
    }

    private static byte[] warc(SplittableRandom r, WarcCompression compression) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (WarcWriter w = new WarcWriter(Channels.newChannel(out), compression)) {
            for (int i = 0; i < 3; i++) {
                byte[] page = utf8("<html><head><title>Page " + i + "</title></head><body><p>" + news(r)
                        + "</p></body></html>");
                HttpResponse http = new HttpResponse.Builder(200, "OK")
                        .body(MediaType.parse("text/html; charset=utf-8"), page).build();
                w.write(new WarcResponse.Builder("https://news.example/" + i).recordId(new UUID(7, r.nextLong()))
                        .date(Instant.EPOCH).body(http).build());
            }
        }
        return out.toByteArray();
    }
}
