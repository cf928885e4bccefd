package io.claimlens.engine;

import io.claimlens.model.Report;
import io.claimlens.report.JsonReports;
import io.claimlens.retrieve.Corpus;
import io.claimlens.retrieve.CorpusWriter;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An index built on several threads answers exactly like one built on one thread. */
class ParallelIndexTest {

    @TempDir
    Path dir;

    @Test
    void parallelIndexGivesTheSameReportsAsSequential() throws Exception {
        ClaimEngine engine = Fixtures.engine();
        List<Path> inputs = List.of(Fixtures.examples());
        List<String> claims = List.of(
                "Norland and Estovia are 'brothers in every storm,' says ambassador.",
                "The bridge will open in May.",
                "The ministry denied that the talks had failed.");
        List<String> sequential = new ArrayList<>();
        String checksum;
        try (Corpus c = engine.index(inputs, null, IndexListener.NONE, 1).corpus()) {
            checksum = c.checksum();
            for (String claim : claims) {
                sequential.add(json(engine.check(claim, c)));
            }
        }
        Path index = dir.resolve("index");
        IndexResult parallel = engine.index(inputs, index, IndexListener.NONE, 3);
        try (Corpus c = parallel.corpus()) {
            assertEquals(checksum, c.checksum());
            assertTrue(parallel.indexed() >= 6, "indexed " + parallel.indexed());
            for (int i = 0; i < claims.size(); i++) {
                assertEquals(sequential.get(i), json(engine.check(claims.get(i), c)), claims.get(i));
            }
        }
        // reopened from disk, and updated incrementally on 2 threads: nothing re-analysed, same answers
        IndexResult again = engine.index(inputs, index, IndexListener.NONE, 2);
        try (Corpus c = again.corpus()) {
            assertEquals(0, again.indexed());
            assertEquals(parallel.indexed(), again.skipped());
            assertEquals(sequential.get(0), json(engine.check(claims.get(0), c)));
        }
        try (Corpus c = CorpusWriter.open(index)) {
            assertEquals(checksum, c.checksum());
        }
    }

    private static String json(Report r) {
        return JsonReports.toJson(JsonReports.report(r, true), false);
    }
}
