package io.claimlens.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.claimlens.model.Article;
import io.claimlens.model.ContentHash;
import io.claimlens.model.InputProblem;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

/**
 * Reads article collections: directories (recursively, in sorted path order), single files and JSONL.
 *
 * <p>Formats by extension: {@code .txt}, {@code .md} (plain text), {@code .html}/{@code .htm} (jsoup text
 * extraction), {@code .jsonl} and {@code .jsonl.gz} (one JSON object per line with {@code id}, {@code title},
 * {@code url}, {@code published}, {@code source} and {@code text} or {@code html}), {@code .warc} and
 * {@code .warc.gz} (web archives: each HTML response or resource record is an article, see {@link WarcArticles}).
 *
 * <p>The stream is lazy: a collection is never loaded whole, and each JSONL file is read line by line. Close the
 * returned stream (try-with-resources) to release open files if it is not consumed to the end.
 *
 * <p>Bad input never stops the stream: an empty or binary file, invalid UTF-8, text without a letter or digit, a
 * malformed JSONL line (including trailing content after the object) or a missing field becomes an
 * {@link Ingested.Rejected} naming the file, line and field, and reading goes on. Every file yields at least one
 * item: a file with nothing in it is a problem, never silence.
 *
 * <p>Thread-safety: instances are immutable and may be shared; each returned stream is for one consumer.
 */
public final class ArticleReader {

    /** Bounded JSON: strings, nesting and numbers have limits, and a line holds one value, nothing after it. */
    static final ObjectMapper JSON = new ObjectMapper(JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder()
                    .maxStringLength(20_000_000).maxNestingDepth(64).maxNumberLength(100).build())
            .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final IngestOptions options;

    public ArticleReader(IngestOptions options) {
        this.options = options;
    }

    public ArticleReader() {
        this(IngestOptions.defaults());
    }

    IngestOptions options() {
        return options;
    }

    /** Reads every path; directories are walked recursively. */
    public Stream<Ingested> read(List<Path> paths) {
        return paths.stream().flatMap(this::expand).flatMap(this::readFile);
    }

    /**
     * The files {@link #read} visits for {@code paths}, in the same order, and the problems with paths that cannot
     * be listed; for jobs that hand files to several workers.
     */
    public Listing list(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        paths.stream().flatMap(this::expand).forEachOrdered(o -> {
            if (o instanceof Path p) {
                files.add(p);
            } else {
                problems.add(((Ingested.Rejected) o).problem());
            }
        });
        return new Listing(List.copyOf(files), List.copyOf(problems));
    }

    /** Files and problems from {@link #list}. */
    public record Listing(List<Path> files, List<InputProblem> problems) {
    }

    /**
     * Reads one file (as listed by {@link #list}). Unlike {@link #read}, whose records come through a
     * {@code flatMap}, the returned stream's {@code iterator()} is lazy too: one record in memory at a time.
     */
    public Stream<Ingested> readFile(Path file) {
        return readFile((Object) file);
    }

    /** Reads everything and collects it; for small collections and tests. */
    public Collected readAll(List<Path> paths) {
        List<Article> articles = new ArrayList<>();
        List<InputProblem> problems = new ArrayList<>();
        try (Stream<Ingested> s = read(paths)) {
            s.forEach(i -> {
                if (i instanceof Ingested.Read r) {
                    articles.add(r.article());
                } else if (i instanceof Ingested.Rejected x) {
                    problems.add(x.problem());
                }
            });
        }
        return new Collected(List.copyOf(articles), List.copyOf(problems));
    }

    /** Articles and problems from {@link #readAll}. */
    public record Collected(List<Article> articles, List<InputProblem> problems) {
    }

    private Stream<Object> expand(Path path) {
        if (!Files.exists(path)) {
            return Stream.of(problem(path, 0, null, "no such file or directory"));
        }
        if (!Files.isDirectory(path)) {
            return Stream.of(path);
        }
        try (Stream<Path> walk = Files.walk(path)) {
            List<Object> files = new ArrayList<>(walk
                    .filter(Files::isRegularFile)
                    .filter(p -> !isHidden(path, p))
                    .filter(p -> formatOf(p) != Format.UNSUPPORTED)
                    .filter(p -> !(options.skipDocFiles() && isDocFile(p)))
                    .sorted()
                    .toList());
            return files.stream();
        } catch (IOException | UncheckedIOException e) {
            return Stream.of(problem(path, 0, null, "cannot list directory: " + e.getMessage()));
        }
    }

    private Stream<Ingested> readFile(Object item) {
        if (item instanceof Ingested i) {
            return Stream.of(i);
        }
        Path file = (Path) item;
        Format format = formatOf(file);
        try {
            return switch (format) {
                case TEXT -> Stream.of(readText(file, false));
                case HTML -> Stream.of(readText(file, true));
                case JSONL, JSONL_GZ -> readJsonl(file, format == Format.JSONL_GZ);
                case WARC -> WarcArticles.read(file, this);
                case UNSUPPORTED -> Stream.of(problem(file, 0, null, "unsupported file type (expected .txt, .md,"
                        + " .html, .htm, .jsonl, .jsonl.gz, .warc or .warc.gz)"));
            };
        } catch (IOException e) {
            return Stream.of(problem(file, 0, null, "cannot read: " + e.getMessage()));
        }
    }

    private Ingested readText(Path file, boolean html) throws IOException {
        long size = Files.size(file);
        if (size == 0) {
            return problem(file, 0, null, "empty file");
        }
        // UTF-8 needs at most 3 bytes per UTF-16 char in the BMP; a cheap bound before reading giant files.
        if (size > 4L * options.maxArticleChars() + 1024) {
            return problem(file, 0, null, "file too large (" + size + " bytes; limit "
                    + options.maxArticleChars() + " characters)");
        }
        byte[] bytes = Files.readAllBytes(file);
        String bad = binaryReason(bytes);
        if (bad != null) {
            return problem(file, 0, null, bad);
        }
        String raw;
        try {
            raw = decodeUtf8(bytes);
        } catch (CharacterCodingException e) {
            return problem(file, 0, null, "not valid UTF-8 (first bad byte near offset " + firstBadUtf8(bytes)
                    + "); re-encode the file as UTF-8");
        }
        String title = null;
        String text = raw;
        if (html) {
            HtmlText.Extracted x = HtmlText.extract(raw);
            title = x.title();
            text = x.text();
        }
        return toArticle(file, 0, null, title, null, null, null, text);
    }

    private Stream<Ingested> readJsonl(Path file, boolean gz) throws IOException {
        if (Files.size(file) == 0) {
            return Stream.of(problem(file, 0, null, "empty file"));
        }
        InputStream in = Files.newInputStream(file);
        BufferedReader reader;
        try {
            InputStream source = gz ? new GZIPInputStream(in, 1 << 16) : in;
            CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            reader = new BufferedReader(new InputStreamReader(source, dec), 1 << 16);
        } catch (IOException e) {
            in.close();
            return Stream.of(problem(file, 0, null, "not a readable gzip file: " + e.getMessage()));
        }
        Iterator<Ingested> it = new Iterator<>() {
            int lineNo = 0;
            int records = 0;
            Ingested next;
            boolean done;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    String line;
                    try {
                        line = reader.readLine();
                    } catch (CharacterCodingException e) {
                        next = problem(file, lineNo + 1, null, "not valid UTF-8; re-encode the file as UTF-8");
                        done = true;
                        break;
                    } catch (IOException e) {
                        next = problem(file, lineNo + 1, null, "read failed (truncated or corrupt file?): "
                                + e.getMessage());
                        done = true;
                        break;
                    }
                    if (line == null) {
                        done = true;
                        if (records == 0) {
                            next = problem(file, 0, null, "no records: the file has only blank lines");
                        }
                        break;
                    }
                    lineNo++;
                    if (!line.isBlank()) {
                        records++;
                        next = parseJsonLine(file, lineNo, line);
                    }
                }
                return next != null;
            }

            @Override
            public Ingested next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Ingested n = next;
                next = null;
                return n;
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.ORDERED), false)
                .onClose(() -> {
                    try {
                        reader.close();
                    } catch (IOException ignored) {
                        // closing a reader we only read from: nothing to recover
                    }
                });
    }

    private Ingested parseJsonLine(Path file, int line, String json) {
        if (line == 1 && json.startsWith("\uFEFF")) { // a byte-order mark that editors on Windows put first
            json = json.substring(1);
        }
        if (json.length() > 4L * options.maxArticleChars()) {
            return problem(file, line, null, "record too large (" + json.length() + " characters)");
        }
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            return problem(file, line, null, "malformed JSON" + (e.getLocation() == null ? "" : " at column "
                    + e.getLocation().getColumnNr()) + ": " + firstClause(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject()) {
            return problem(file, line, null, "expected a JSON object per line");
        }
        String id;
        try {
            id = optionalText(node, "id");
            String title = optionalText(node, "title");
            String url = optionalText(node, "url");
            String published = optionalText(node, "published");
            String source = optionalText(node, "source");
            String text = optionalText(node, "text");
            String html = optionalText(node, "html");
            if (text == null && html == null) {
                return problem(file, line, "text", "missing: each record needs \"text\" or \"html\"");
            }
            if (text == null) {
                HtmlText.Extracted x = HtmlText.extract(html);
                text = x.text();
                if (title == null) {
                    title = x.title();
                }
            }
            return toArticle(file, line, id, title, url, published, source, text);
        } catch (FieldException e) {
            return problem(file, line, e.field, e.getMessage());
        }
    }

    private Ingested toArticle(Path file, int line, String id, String title, String url, String published,
                               String source, String text) {
        return toArticle(file, line, line > 0 ? file + ":" + line : file.toString(), id, title, url, published,
                source, text);
    }

    /** An article from read text, or the problem with it; {@code origin} is where it came from, for reports. */
    Ingested toArticle(Path file, int line, String origin, String id, String title, String url, String published,
                       String source, String text) {
        String field = line > 0 ? "text" : null;
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        if (text.isBlank()) {
            return problem(file, line, field, line > 0 ? "empty text" : "no text (empty or whitespace only)");
        }
        if (!hasWord(text)) {
            return problem(file, line, field, "no words: only whitespace, punctuation, symbols or invisible "
                    + "characters (no letter or digit)");
        }
        if (text.length() > options.maxArticleChars()) {
            return problem(file, line, field, "article too long (" + text.length() + " characters; limit "
                    + options.maxArticleChars() + ", set with --max-article-chars)");
        }
        String articleId = id != null && !id.isBlank() ? id.strip() : ContentHash.articleId(text);
        return new Ingested.Read(new Article(articleId, origin, title, url, published, source, text,
                Paragraphs.split(text)));
    }

    /** True if the text has a letter or a digit somewhere: something a sentence could be made of. */
    static boolean hasWord(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                return true;
            }
            i += Character.charCount(cp);
        }
        return false;
    }

    /** Jackson's message up to its location note, which repeats what we already say. */
    private static String firstClause(String m) {
        int cut = m.indexOf(" (");
        int nl = m.indexOf('\n');
        int end = cut < 0 ? nl : nl < 0 ? cut : Math.min(cut, nl);
        return end < 0 ? m : m.substring(0, end);
    }

    private static String optionalText(JsonNode node, String field) throws FieldException {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (v.isTextual()) {
            return v.asText();
        }
        if (field.equals("id") && v.isIntegralNumber()) {
            return v.asText();
        }
        throw new FieldException(field, "expected a string, got " + v.getNodeType().name().toLowerCase(Locale.ROOT));
    }

    private static final class FieldException extends Exception {
        final String field;

        FieldException(String field, String message) {
            super(message);
            this.field = field;
        }
    }

    /** Null if the bytes look like text; else why not. */
    static String binaryReason(byte[] bytes) {
        int n = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return "binary file (contains NUL bytes), not text";
            }
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B)) {
                control++;
            }
        }
        return control * 10 > n ? "binary file (mostly control bytes), not text" : null;
    }

    private static String decodeUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static int firstBadUtf8(byte[] bytes) {
        CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(bytes.length + 1);
        dec.decode(in, out, true);
        return in.position();
    }

    static Ingested.Rejected problem(Path file, int line, String field, String message) {
        return new Ingested.Rejected(new InputProblem(file.toString(), line, field, "ingest", message));
    }

    static boolean isHidden(Path root, Path p) {
        for (Path part : root.relativize(p)) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    static boolean isDocFile(Path p) {
        String name = p.getFileName().toString().toUpperCase(Locale.ROOT);
        return name.startsWith("README") || name.startsWith("LICENSE") || name.startsWith("CHANGELOG")
                || name.startsWith("SOURCE.");
    }

    enum Format { TEXT, HTML, JSONL, JSONL_GZ, WARC, UNSUPPORTED }

    static Format formatOf(Path p) {
        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".txt") || name.endsWith(".md") || name.endsWith(".text")) {
            return Format.TEXT;
        }
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            return Format.HTML;
        }
        if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        if (name.endsWith(".jsonl.gz") || name.endsWith(".ndjson.gz")) {
            return Format.JSONL_GZ;
        }
        if (name.endsWith(".warc") || name.endsWith(".warc.gz")) {
            return Format.WARC;
        }
        return Format.UNSUPPORTED;
    }
}
