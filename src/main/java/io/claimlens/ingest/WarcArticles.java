package io.claimlens.ingest;

import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.MessageBody;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResource;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTargetRecord;
import org.netpreserve.jwarc.WarcTruncationReason;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Articles from web archives ({@code .warc}, {@code .warc.gz}, read with jwarc): every {@code response} record
 * with HTTP status 200 and an HTML payload, and every {@code resource} record of type HTML, is one article.
 *
 * <ul>
 *   <li>id: the WARC-Record-ID without angle brackets ({@code urn:uuid:...}); url: WARC-Target-URI; title: the
 *       page's {@code <title>}; text: {@link HtmlText} extraction, the charset from the HTTP header, else from the
 *       page, else UTF-8; origin (for reports): {@code file#offset}, the record's byte offset in the file.</li>
 *   <li>Other records (requests, metadata, images, redirects, error pages) are not articles and are passed over
 *       silently; but a file that yields no article at all (empty, not a WARC file, or without one HTML page) is
 *       reported, so that no input disappears without a word.</li>
 *   <li>A record the crawler marked truncated (WARC-Truncated), a body larger than the article limit allows, or
 *       an undecodable body becomes a problem naming the file and offset, and reading goes on. A malformed or
 *       truncated file (bad header, cut-off gzip member) becomes a problem too; records after it cannot be found
 *       reliably, so the rest of that file is skipped, and the articles before it are kept.</li>
 * </ul>
 *
 * <p>Lazy: one record in memory at a time.
 */
final class WarcArticles {

    private WarcArticles() {
    }

    static Stream<Ingested> read(Path file, ArticleReader articles) throws IOException {
        if (java.nio.file.Files.size(file) == 0) {
            return Stream.of(ArticleReader.problem(file, 0, null, "empty file"));
        }
        WarcReader reader = new WarcReader(file);
        // jwarc warns about recoverable oddities (e.g. a bad digest); they do not stop an article being read.
        reader.onWarning(w -> { });
        long maxBytes = 4L * articles.options().maxArticleChars() + 65_536;
        Iterator<Ingested> it = new Iterator<>() {
            Ingested next;
            boolean done;
            long lastGood;
            int records;
            int found;

            @Override
            public boolean hasNext() {
                while (next == null && !done) {
                    Optional<WarcRecord> record;
                    try {
                        record = reader.next();
                    } catch (IOException | RuntimeException e) {
                        next = ArticleReader.problem(file, 0, null, "malformed or truncated WARC data after byte "
                                + lastGood + " (" + e.getMessage() + "); the rest of the file is skipped");
                        done = true;
                        break;
                    }
                    if (record.isEmpty()) {
                        done = true;
                        if (found == 0) { // nothing came out of the file: say so rather than pass it over
                            next = ArticleReader.problem(file, 0, null, records == 0
                                    ? "no WARC record found; is this a WARC file?"
                                    : "no article: none of its " + records + " WARC records is an HTML page "
                                    + "(a 200 response or resource of type text/html)");
                        }
                        break;
                    }
                    records++;
                    lastGood = record.get().position();
                    next = toArticle(file, record.get(), articles, maxBytes);
                    if (next != null) {
                        found++;
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
                        // closing a file we only read from: nothing to recover
                    }
                });
    }

    /** The article in a record, a problem, or {@code null} when the record holds no article. */
    private static Ingested toArticle(Path file, WarcRecord record, ArticleReader articles, long maxBytes) {
        if (!(record instanceof WarcResponse) && !(record instanceof WarcResource)) {
            return null;
        }
        WarcTargetRecord target = (WarcTargetRecord) record;
        String where = "WARC record at byte " + record.position() + " (" + target.target() + ")";
        try {
            MediaType type;
            MessageBody body;
            if (record instanceof WarcResponse response) {
                if (!response.contentType().base().equals(MediaType.HTTP)) {
                    return null;
                }
                HttpResponse http = response.http();
                if (http.status() != 200) {
                    return null;
                }
                type = http.contentType();
                body = http.bodyDecoded();
            } else {
                type = record.contentType();
                body = record.body();
            }
            if (!isHtml(type)) {
                return null;
            }
            if (record.truncated() != WarcTruncationReason.NOT_TRUNCATED) {
                return ArticleReader.problem(file, 0, null, where + ": the crawler truncated it (WARC-Truncated: "
                        + record.truncated().name().toLowerCase(Locale.ROOT) + "); its text may be incomplete, so it"
                        + " is skipped");
            }
            byte[] bytes;
            try (InputStream in = body.stream()) {
                bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
            }
            if (bytes.length > maxBytes) {
                return ArticleReader.problem(file, 0, null, where + ": page larger than " + maxBytes
                        + " bytes (limit from --max-article-chars)");
            }
            String charset = knownCharset(type.parameters().get("charset"));
            HtmlText.Extracted x = HtmlText.extract(new ByteArrayInputStream(bytes), charset, target.target());
            String id = record.id().toString();
            return articles.toArticle(file, 0, file + "#" + record.position(), id, x.title(), target.target(),
                    null, null, x.text());
        } catch (IOException | RuntimeException e) {
            return ArticleReader.problem(file, 0, null, where + ": cannot read its content: " + e.getMessage());
        }
    }

    /** The charset if Java knows it; else null, so that the page's own declaration (or UTF-8) is used. */
    private static String knownCharset(String name) {
        try {
            return name != null && java.nio.charset.Charset.isSupported(name) ? name : null;
        } catch (java.nio.charset.IllegalCharsetNameException e) {
            return null;
        }
    }

    private static boolean isHtml(MediaType type) {
        String t = type.base().toString().toLowerCase(Locale.ROOT);
        return t.equals("text/html") || t.equals("application/xhtml+xml");
    }
}
