package io.claimlens.reliability;

import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.engine.IndexListener;
import io.claimlens.engine.IndexResult;
import io.claimlens.ml.ModelStore;
import io.claimlens.model.InputProblem;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import io.claimlens.testing.FakeEncoder;
import io.claimlens.testing.Fixtures;
import io.claimlens.testing.LightEngines;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Faults from outside the input: a full disk, an unwritable output directory, a corrupted model file, a damaged
 * index. Each ends in a clear error naming what failed, never in a hang or a silently wrong result. (kill -9 in the
 * middle of a batch is {@code BatchKillResumeTest}.)
 */
class FaultInjectionTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static ClaimEngine engine;

    @BeforeAll
    static void engine() throws IOException {
        engine = LightEngines.fast(shared);
    }

    @AfterAll
    static void close() {
        engine.close();
    }

    private Path claims(String... lines) throws IOException {
        Path f = dir.resolve("claims.jsonl");
        Files.write(f, List.of(lines));
        return f;
    }

    @Test
    void aDamagedIndexIsRefusedNamingItsDirectoryAndCanBeRebuilt() throws IOException {
        Path index = dir.resolve("index");
        engine.index(List.of(Fixtures.examples()), index, IndexListener.NONE).corpus().close();
        Path biggest;
        try (Stream<Path> files = Files.list(index)) {
            biggest = files.filter(p -> !p.getFileName().toString().equals("write.lock"))
                    .max(Comparator.comparingLong(FaultInjectionTest::size)).orElseThrow();
        }
        byte[] b = Files.readAllBytes(biggest);
        for (int i = b.length / 2; i < b.length / 2 + 8; i++) {
            b[i] ^= (byte) 0x5A; // a few flipped bytes in the middle: the kind of damage nothing else notices
        }
        Files.write(biggest, b);

        CorpusWriter.DamagedIndexException e = assertThrows(CorpusWriter.DamagedIndexException.class,
                () -> CorpusWriter.open(index));
        assertTrue(e.getMessage().contains(index.toString()) && e.getMessage().contains("rebuild"), e.getMessage());
        assertThrows(CorpusWriter.DamagedIndexException.class,
                () -> engine.index(List.of(Fixtures.examples()), index, IndexListener.NONE));

        // deleting the directory is the rebuild the message asks for
        try (Stream<Path> files = Files.list(index)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        try (Corpus c = engine.index(List.of(Fixtures.examples()), index, IndexListener.NONE).corpus()) {
            assertTrue(c.articleCount() > 0);
        }
    }

    @Test
    void aSentenceOverTheLengthCapIsIndexedWithANoticeNotDroppedOrCountedAsAProblem() throws IOException {
        Path articles = Files.createDirectories(dir.resolve("long"));
        Path f = Files.writeString(articles.resolve("runon.txt"), "and then the minister spoke again ".repeat(500));
        Files.writeString(articles.resolve("ok.txt"), "The bridge will open in May, the mayor said.");
        List<InputProblem> notices = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        IndexResult r = engine.index(List.of(articles), null, new IndexListener() {
            @Override
            public void notice(InputProblem notice) {
                notices.add(notice);
            }
        });
        try (Corpus c = r.corpus()) {
            assertEquals(2, c.articleCount());
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertEquals(1, notices.size(), notices.toString());
            assertTrue(notices.get(0).describe().contains(f.getFileName().toString())
                    && notices.get(0).describe().contains("over the cap"), notices.get(0).describe());
        }
    }

    @Test
    void aMissingOrEmptyIndexIsNamedAsMissingNotDamaged() throws IOException {
        Path missing = dir.resolve("no-such-index");
        IOException e = assertThrows(IOException.class, () -> CorpusWriter.open(missing));
        assertFalse(e instanceof CorpusWriter.DamagedIndexException, e.toString());
        assertTrue(e.getMessage().contains("no index directory") && e.getMessage().contains("claimlens index"),
                e.getMessage());
        assertFalse(Files.exists(missing), "opening for search must not create the directory");
        Path empty = Files.createDirectories(dir.resolve("empty-index"));
        IOException e2 = assertThrows(IOException.class, () -> CorpusWriter.open(empty));
        assertFalse(e2 instanceof CorpusWriter.DamagedIndexException, e2.toString());
        assertTrue(e2.getMessage().contains("no index in this directory"), e2.getMessage());
    }

    @Test
    void aTruncatedCommitPointIsRefused() throws IOException {
        Path index = dir.resolve("index");
        engine.index(List.of(Fixtures.examples()), index, IndexListener.NONE).corpus().close();
        Path segments;
        try (Stream<Path> files = Files.list(index)) {
            segments = files.filter(p -> p.getFileName().toString().startsWith("segments_")).findFirst()
                    .orElseThrow();
        }
        byte[] b = Files.readAllBytes(segments);
        Files.write(segments, java.util.Arrays.copyOf(b, b.length / 2));
        IOException e = assertThrows(IOException.class, () -> CorpusWriter.open(index));
        assertTrue(e.getMessage().contains(index.toString()), e.getMessage());
    }

    @Test
    void aCorruptedModelFileIsRefusedWithTheModelsNameBeforeAnythingHeavyLoads() throws IOException {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        for (String f : List.of("card.json", "model.json")) {
            try (InputStream in = getClass().getClassLoader()
                    .getResourceAsStream("models/attribution-confidence-v2/" + f)) {
                Files.write(model.resolve(f), in.readAllBytes());
            }
        }
        byte[] b = Files.readAllBytes(model.resolve("model.json"));
        b[b.length / 2] ^= 1; // one bit
        Files.write(model.resolve("model.json"), b);
        // LIGHT mode would load CoreNLP for seconds: the model check comes first, so this fails at once
        ModelStore.ModelIntegrityException e = assertThrows(ModelStore.ModelIntegrityException.class,
                () -> ClaimEngine.builder().optNlpMode(io.claimlens.nlp.NlpMode.LIGHT).optEncoder(new FakeEncoder())
                        .optModels(model.toString(), null).build());
        assertTrue(e.getMessage().contains("attribution-confidence-v2") && e.getMessage().contains("model.json")
                && e.getMessage().contains("SHA-256"), e.getMessage());

        Files.writeString(model.resolve("card.json"), "{\"id\": \"stripped-v1\", \"kind\": \"stance\"}");
        e = assertThrows(ModelStore.ModelIntegrityException.class, () -> ModelStore.load(model.toString()));
        assertTrue(e.getMessage().contains("stripped-v1"), e.getMessage());
    }

    @Test
    void aFullDiskStopsTheBatchWithAMessageNamingTheFile() throws IOException {
        Path full = Path.of("/dev/full");
        assumeTrue(Files.exists(full), "no /dev/full on this system");
        Path out = dir.resolve("out");
        Files.createDirectories(out);
        Files.createSymbolicLink(out.resolve("errors.jsonl"), full); // every write there fails with ENOSPC
        Path bad = dir.resolve("articles");
        Files.createDirectories(bad);
        Files.write(bad.resolve("binary.txt"), new byte[] {0, 1, 2, 0});
        BatchOptions o = BatchOptions.builder().setClaims(claims("{\"claim\": \"The bridge opens in May.\"}")
                .toString()).setArticles(List.of(Fixtures.examples(), bad)).setOut(out).optThreads(1).build();
        UncheckedIOException e = assertThrows(UncheckedIOException.class,
                () -> BatchRunner.run(engine, o, BatchListener.NONE));
        assertTrue(e.getMessage().contains("errors.jsonl"), e.getMessage());
        assertTrue(String.valueOf(e.getCause().getMessage()).contains("No space left"), e.getCause().toString());
    }

    @Test
    void anUnwritableOutputDirectoryIsAClearErrorNamingIt() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "not a directory");
        Path out = file.resolve("out");
        BatchOptions o = BatchOptions.builder().setClaims(claims("{\"claim\": \"The bridge opens in May.\"}")
                .toString()).setArticles(List.of(Fixtures.examples())).setOut(out).optThreads(1).build();
        IOException e = assertThrows(IOException.class, () -> BatchRunner.run(engine, o, BatchListener.NONE));
        assertTrue(e.getMessage().contains("a-file"), e.toString());
    }

    @Test
    void anArticleOverItsTimeLimitIsAnErrorLineNotAHang() throws IOException {
        Path articles = dir.resolve("articles");
        Files.createDirectories(articles);
        // ~600 KB: its analysis takes far longer than the 1 ms allowed
        Files.writeString(articles.resolve("big.txt"), "The minister said trade grew by 12 percent in March. "
                .repeat(12_000));
        Path out = dir.resolve("out");
        BatchOptions o = BatchOptions.builder().setClaims(claims("{\"claim\": \"Trade grew in March.\"}").toString())
                .setArticles(List.of(articles)).setOut(out).optThreads(1)
                .optArticleTimeout(java.time.Duration.ofMillis(1)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> BatchRunner.run(engine, o, BatchListener.NONE));
        assertTrue(e.getMessage().contains("no article could be read"), e.getMessage());
        String errors = Files.readString(out.resolve("errors.jsonl"));
        assertTrue(errors.contains("big.txt") && errors.contains("did not finish within 1 ms"), errors);
        assertEquals(1, errors.lines().count());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return -1;
        }
    }
}
