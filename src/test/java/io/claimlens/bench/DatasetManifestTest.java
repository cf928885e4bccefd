package io.claimlens.bench;

import io.claimlens.datasets.DataFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetManifestTest {

    @TempDir
    Path dir;

    @Test
    void aFileWithOtherBytesIsRefused() throws IOException {
        Path f = dir.resolve("set/data.tsv");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "a\tb\n");
        DatasetManifest m = DatasetManifest.parse("# comment\n" + DataFiles.sha256(f) + "  set/data.tsv\n");
        assertDoesNotThrow(() -> m.verify(dir, "set/data.tsv"));
        Files.writeString(f, "a\tc\n");
        IOException e = assertThrows(IOException.class, () -> m.verify(dir, "set/data.tsv"));
        assertTrue(e.getMessage().contains("refusing"), e.getMessage());
        assertThrows(IOException.class, () -> m.verify(dir, "set/other.tsv"));
    }

    @Test
    void theShippedManifestMatchesTheSharedData() throws IOException {
        Path root = Path.of("../shared/datasets");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isDirectory(root), "../shared/datasets not present");
        DatasetManifest m = DatasetManifest.load();
        m.verify(root, "liar/test.tsv");
        m.verify(root, "sick/SICK_trial.txt");
    }
}
