package io.claimlens.ingest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

/**
 * Counts the items of a collection cheaply, for progress bars: one per text or HTML file, one per non-blank JSONL
 * line. Reads JSONL as bytes, parses nothing. WARC files would have to be parsed to be counted, so a collection
 * with one has no known size.
 */
public final class CollectionSize {

    private CollectionSize() {
    }

    /** The number of items {@link ArticleReader#read} will yield (good or bad), or -1 if it cannot be told. */
    public static long estimate(List<Path> paths, IngestOptions options) {
        long total = 0;
        for (Path p : paths) {
            long n = estimate(p, options);
            if (n < 0) {
                return -1;
            }
            total += n;
        }
        return total;
    }

    private static long estimate(Path path, IngestOptions options) {
        if (!Files.exists(path)) {
            return 1; // one problem
        }
        if (!Files.isDirectory(path)) {
            return count(path);
        }
        long[] total = {0};
        try (Stream<Path> walk = Files.walk(path)) {
            walk.filter(Files::isRegularFile)
                    .filter(p -> !ArticleReader.isHidden(path, p))
                    .filter(p -> ArticleReader.formatOf(p) != ArticleReader.Format.UNSUPPORTED)
                    .filter(p -> !(options.skipDocFiles() && ArticleReader.isDocFile(p)))
                    .forEach(p -> {
                        if (total[0] >= 0) {
                            long n = count(p);
                            total[0] = n < 0 ? -1 : total[0] + n;
                        }
                    });
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
        return total[0];
    }

    private static long count(Path file) {
        return switch (ArticleReader.formatOf(file)) {
            case TEXT, HTML, UNSUPPORTED -> 1;
            case WARC -> -1;
            case JSONL, JSONL_GZ -> lines(file, ArticleReader.formatOf(file) == ArticleReader.Format.JSONL_GZ);
        };
    }

    private static long lines(Path file, boolean gz) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gz ? new GZIPInputStream(raw, 1 << 16) : raw;
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1), 1 << 16)) {
            long n = 0;
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    n++;
                }
            }
            return Math.max(1, n);
        } catch (IOException e) {
            return 1;
        }
    }
}
