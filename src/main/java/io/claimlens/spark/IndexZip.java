package io.claimlens.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * An index directory packed into one file, for {@code SparkContext.addFile}: a single file is served to every
 * executor by the driver on any cluster manager, whereas a directory is only fetched from a filesystem all nodes
 * share. Lucene's files are compressed already, so entries are stored, not deflated.
 */
final class IndexZip {

    private IndexZip() {
    }

    /** Packs the files of {@code dir} (flat, as a Lucene index is) into {@code zip}. */
    static void zip(Path dir, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        }
        try (OutputStream os = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(os)) {
            z.setLevel(0);
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
    }

    /** Unpacks {@code zip} into a new temporary directory and returns it. */
    static Path unzip(Path zip) throws IOException {
        Path dir = Files.createTempDirectory("claimlens-index");
        try (InputStream is = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(is)) {
            ZipEntry e;
            while ((e = z.getNextEntry()) != null) {
                Path target = dir.resolve(e.getName()).normalize();
                if (!target.getParent().equals(dir) || e.isDirectory()) {
                    throw new IOException("unexpected entry in an index zip: " + e.getName());
                }
                Files.copy(z, target);
            }
        }
        return dir;
    }

    static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // a temporary copy left behind is harmless
                }
            });
        } catch (IOException ignored) {
            // same
        }
    }
}
