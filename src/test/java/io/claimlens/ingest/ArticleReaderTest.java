package io.claimlens.ingest;

import io.claimlens.model.Article;
import io.claimlens.model.InputProblem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ArticleReaderTest {

    @TempDir
    Path dir;

    private final ArticleReader reader = new ArticleReader();

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text, StandardCharsets.UTF_8);
        return p;
    }

    @Test
    void readsDirectoriesRecursivelyInSortedOrderAndSkipsReadmes() throws IOException {
        write("b.txt", "Second article.");
        write("sub/a.md", "First article.");
        write("README.md", "About this collection.");
        write("notes.pdf", "not an article");
        write(".hidden/c.txt", "hidden");
        ArticleReader.Collected c = reader.readAll(List.of(dir));
        assertEquals(List.of("Second article.", "First article."),
                c.articles().stream().map(Article::text).toList());
        assertTrue(c.problems().isEmpty());
    }

    @Test
    void idsAreContentHashesUnlessGiven() throws IOException {
        Path a = write("a.txt", "Same text.");
        Path b = write("b.txt", "Same text.");
        ArticleReader.Collected c = reader.readAll(List.of(a, b));
        assertEquals(c.articles().get(0).id(), c.articles().get(1).id());
        Path j = write("x.jsonl", "{\"id\": \"given-1\", \"text\": \"Same text.\"}\n{\"id\": 7, \"text\": \"t\"}\n");
        ArticleReader.Collected cj = reader.readAll(List.of(j));
        assertEquals(List.of("given-1", "7"), cj.articles().stream().map(Article::id).toList());
    }

    @Test
    void jsonlCarriesMetadataAndHtml() throws IOException {
        Path j = write("x.jsonl", "{\"id\":\"a\",\"title\":\"T\",\"url\":\"https://e.org\",\"published\":\"2025-01-01\","
                + "\"source\":\"Wire\",\"html\":\"<p>One.</p><p>Two.</p>\"}\n");
        Article a = reader.readAll(List.of(j)).articles().get(0);
        assertEquals("T", a.title());
        assertEquals("https://e.org", a.url());
        assertEquals("Wire", a.source());
        assertEquals("One.\n\nTwo.", a.text());
        assertEquals(2, a.paragraphs().size());
        assertEquals(j + ":1", a.origin());
    }

    @Test
    void badInputIsNamedByFileLineAndFieldAndTheRestIsRead() throws IOException {
        Path empty = write("empty.txt", "");
        Path blank = write("blank.txt", "  \n\n ");
        Path binary = dir.resolve("image.txt");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3});
        Path latin1 = dir.resolve("latin1.txt");
        Files.write(latin1, "caf\u00e9 ol\u00e9".getBytes(StandardCharsets.ISO_8859_1));
        Path jsonl = write("mixed.jsonl", "{\"text\": \"Good one.\"}\n{\"text\": \"broken\"\n\n{\"title\": \"no text\"}\n"
                + "[1,2]\n{\"text\": 5}\n{\"text\": \"Good two.\"}\n");
        Path good = write("good.txt", "Fine article.");
        ArticleReader.Collected c = reader.readAll(List.of(empty, blank, binary, latin1, jsonl, good,
                dir.resolve("missing.txt")));
        assertEquals(List.of("Good one.", "Good two.", "Fine article."),
                c.articles().stream().map(Article::text).toList());
        List<String> problems = c.problems().stream().map(InputProblem::describe).toList();
        assertEquals(9, problems.size(), problems.toString());
        assertTrue(problems.get(0).endsWith("empty.txt: empty file"), problems.get(0));
        assertTrue(problems.get(1).contains("blank.txt: no text"), problems.get(1));
        assertTrue(problems.get(2).contains("image.txt: binary file"), problems.get(2));
        assertTrue(problems.get(3).contains("latin1.txt: not valid UTF-8"), problems.get(3));
        assertTrue(problems.get(4).contains("mixed.jsonl:2: malformed JSON"), problems.get(4));
        assertTrue(problems.get(5).contains("mixed.jsonl:4: field 'text': missing"), problems.get(5));
        assertTrue(problems.get(6).contains("mixed.jsonl:5: expected a JSON object"), problems.get(6));
        assertTrue(problems.get(7).contains("mixed.jsonl:6: field 'text': expected a string"), problems.get(7));
        assertTrue(problems.get(8).endsWith("missing.txt: no such file or directory"), problems.get(8));
        assertTrue(problems.get(4).endsWith("malformed JSON at column 18: Unexpected end-of-input: expected close "
                + "marker for Object"), problems.get(4));
    }

    @Test
    void missingPathsAreProblemsNotExceptions() {
        ArticleReader.Collected c = reader.readAll(List.of(dir.resolve("nope")));
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).message().contains("no such file"));
    }

    @Test
    void gzippedJsonlIsReadAndATruncatedOneReportsItsLine() throws IOException {
        Path gz = dir.resolve("a.jsonl.gz");
        byte[] full;
        try (var bos = new java.io.ByteArrayOutputStream(); OutputStream out = new GZIPOutputStream(bos)) {
            for (int i = 0; i < 200; i++) {
                out.write(("{\"text\": \"Article number " + i + " is here.\"}\n").getBytes(StandardCharsets.UTF_8));
            }
            out.close();
            full = bos.toByteArray();
        }
        Files.write(gz, full);
        assertEquals(200, reader.readAll(List.of(gz)).articles().size());
        Path cut = dir.resolve("cut.jsonl.gz");
        Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
        ArticleReader.Collected c = reader.readAll(List.of(cut));
        assertTrue(c.articles().size() < 200);
        assertEquals(1, c.problems().size());
        assertTrue(c.problems().get(0).message().contains("truncated or corrupt"), c.problems().toString());
    }

    @Test
    void overLongArticlesAreRejectedWithTheLimitNamed() throws IOException {
        ArticleReader small = new ArticleReader(new IngestOptions(100, true));
        Path big = write("big.txt", "word ".repeat(100));
        ArticleReader.Collected c = small.readAll(List.of(big));
        assertTrue(c.articles().isEmpty());
        assertTrue(c.problems().get(0).message().contains("limit 100"), c.problems().toString());
    }

    @Test
    void aByteOrderMarkIsDropped() throws IOException {
        Path p = write("bom.txt", "\uFEFFText after a BOM.");
        Article a = reader.readAll(List.of(p)).articles().get(0);
        assertEquals("Text after a BOM.", a.text());
        assertNull(a.title());
    }
}
