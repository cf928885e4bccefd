package io.claimlens.ingest;

import io.claimlens.model.Article;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcCompression;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRequest;
import org.netpreserve.jwarc.WarcResponse;
import org.netpreserve.jwarc.WarcTruncationReason;
import org.netpreserve.jwarc.WarcWriter;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WarcArticlesTest {

    @TempDir
    Path dir;

    private static final String PAGE_A = "<html><head><title>Ministers meet in Norvik</title></head><body>"
            + "<p>The foreign ministers of Norland and Estovia met in Norvik on Monday.</p>"
            + "<p>\u201CWe are brothers in every storm,\u201D said Ambassador Ilse Marrow.</p></body></html>";
    private static final String PAGE_B = "<html><head><meta charset=\"ISO-8859-1\"><title>Caf\u00e9 talks</title>"
            + "</head><body><p>The caf\u00e9 talks in Estovia ended without a statement.</p></body></html>";

    private void write(Path file, WarcCompression compression) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             WarcWriter w = new WarcWriter(ch, compression)) {
            w.write(new WarcRequest.Builder("https://news.example/a").date(Instant.EPOCH)
                    .body(MediaType.HTTP_REQUEST, "GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n"
                            .getBytes(StandardCharsets.US_ASCII)).build());
            w.write(response("https://news.example/a", 200, "text/html; charset=utf-8",
                    PAGE_A.getBytes(StandardCharsets.UTF_8), 1));
            // no charset in the header: the page's meta tag says Latin-1
            w.write(response("https://news.example/b", 200, "text/html", PAGE_B.getBytes(StandardCharsets.ISO_8859_1),
                    2));
            w.write(response("https://news.example/logo.png", 200, "image/png", new byte[] {1, 2, 3}, 3));
            w.write(response("https://news.example/gone", 404, "text/html",
                    "<html><body>Not found</body></html>".getBytes(StandardCharsets.UTF_8), 4));
            HttpResponse http = new HttpResponse.Builder(200, "OK").body(MediaType.parse("text/html"),
                    "<html><body><p>Half a page</p></body></html>".getBytes(StandardCharsets.UTF_8)).build();
            w.write(new WarcResponse.Builder("https://news.example/cut").recordId(uuid(5)).date(Instant.EPOCH)
                    .truncated(WarcTruncationReason.LENGTH).body(http).build());
        }
    }

    private static WarcResponse response(String uri, int status, String type, byte[] body, int n) throws IOException {
        HttpResponse http = new HttpResponse.Builder(status, status == 200 ? "OK" : "Not Found")
                .body(MediaType.parse(type), body).build();
        return new WarcResponse.Builder(uri).recordId(uuid(n)).date(Instant.EPOCH).body(http).build();
    }

    private static UUID uuid(int n) {
        return new UUID(0x1234L, n);
    }

    @Test
    void htmlResponsesBecomeArticlesAndTheRestIsPassedOver() throws IOException {
        for (WarcCompression c : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            Path file = dir.resolve(c == WarcCompression.GZIP ? "crawl.warc.gz" : "crawl.warc");
            write(file, c);
            ArticleReader.Collected got = new ArticleReader().readAll(List.of(file));
            assertEquals(2, got.articles().size(), c + ": " + got);
            Article a = got.articles().get(0);
            assertEquals("urn:uuid:00000000-0000-1234-0000-000000000001", a.id());
            assertEquals("https://news.example/a", a.url());
            assertEquals("Ministers meet in Norvik", a.title());
            assertTrue(a.text().contains("\u201CWe are brothers in every storm,\u201D said Ambassador Ilse Marrow."),
                    a.text());
            assertTrue(a.origin().startsWith(file + "#"), a.origin());
            assertEquals(2, a.paragraphs().size());
            // the page's own charset declaration decodes the Latin-1 bytes
            assertTrue(got.articles().get(1).text().contains("caf\u00e9 talks"), got.articles().get(1).text());
            // the crawler-truncated page is reported, not silently indexed
            assertEquals(1, got.problems().size(), got.problems().toString());
            assertTrue(got.problems().get(0).message().contains("truncated"), got.problems().toString());
            assertTrue(got.problems().get(0).describe().startsWith(file.toString()));
        }
    }

    @Test
    void aCutOffFileKeepsTheArticlesBeforeTheCutAndSaysWhere() throws IOException {
        for (WarcCompression c : List.of(WarcCompression.NONE, WarcCompression.GZIP)) {
            Path whole = dir.resolve("whole-" + c + ".warc" + (c == WarcCompression.GZIP ? ".gz" : ""));
            write(whole, c);
            byte[] bytes = Files.readAllBytes(whole);
            // cut inside the third record (the Latin-1 page)
            long third;
            long fourth;
            try (WarcReader r = new WarcReader(whole)) {
                r.next();
                r.next();
                third = r.next().orElseThrow().position();
                fourth = r.next().orElseThrow().position();
            }
            Path cut = dir.resolve("cut-" + whole.getFileName());
            Files.write(cut, Arrays.copyOf(bytes, (int) (third + fourth) / 2));
            ArticleReader.Collected got = new ArticleReader().readAll(List.of(cut));
            assertEquals(1, got.articles().size(), c + ": " + got);
            assertEquals("https://news.example/a", got.articles().get(0).url());
            assertEquals(1, got.problems().size(), got.problems().toString());
            String p = got.problems().get(0).describe();
            assertTrue(p.startsWith(cut.toString()) && p.contains("truncated") && p.contains("rest of the file"), p);
        }
    }

    @Test
    void garbageIsAProblemNotACrash() throws IOException {
        Path bad = dir.resolve("bad.warc");
        Files.writeString(bad, "this is not a web archive\n");
        ArticleReader.Collected got = new ArticleReader().readAll(List.of(bad));
        assertEquals(0, got.articles().size());
        assertEquals(1, got.problems().size());
        assertTrue(got.problems().get(0).message().contains("malformed"), got.problems().toString());
    }
}
