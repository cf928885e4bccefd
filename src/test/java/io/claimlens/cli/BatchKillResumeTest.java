package io.claimlens.cli;

import io.claimlens.batch.BatchListener;
import io.claimlens.batch.BatchOptions;
import io.claimlens.batch.BatchRunner;
import io.claimlens.batch.BatchSummary;
import io.claimlens.engine.ClaimEngine;
import io.claimlens.nlp.NlpMode;
import io.claimlens.testing.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * kill -9 in the middle of a batch, then --resume: nothing lost, nothing duplicated, every record byte-equal to an
 * uninterrupted run's. The batch runs in a child JVM (the real CLI), killed with SIGKILL once some results are on
 * disk; a torn half record is added to the end as an interrupted write would leave it. The rest is finished with
 * the runner behind {@code batch --resume}. FAST NLP keeps the child's start-up short: this test is about the
 * batch's bookkeeping, which does not depend on the NLP depth.
 */
class BatchKillResumeTest {

    @TempDir
    Path dir;

    private static final String[] SUBJECTS = {"The Norvik bridge", "The new harbour", "The Estovian rail line",
        "The city library", "The trade office", "The border crossing"};
    private static final String[] MONTHS = {"January", "March", "May", "July", "September", "November"};

    @Test
    void killedBatchResumesToTheSameResults() throws Exception {
        Path claims = dir.resolve("claims.jsonl");
        List<String> lines = new ArrayList<>();
        for (String s : SUBJECTS) {
            for (String m : MONTHS) {
                lines.add("{\"claim\": \"" + s + " will open in " + m + ".\"}");
            }
        }
        lines.add("{\"claim\": \"Norland and Estovia are 'brothers in every storm,' says ambassador.\"}");
        Files.write(claims, lines, StandardCharsets.UTF_8);
        int total = lines.size();

        Path out = dir.resolve("killed");
        List<String> common = List.of("batch", "--claims", claims.toString(), "--articles",
                Fixtures.examples().toString(), "--mode", "fast");
        List<String> cmd = new ArrayList<>(List.of(javaBinary(), "-Xmx1g", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName()));
        cmd.addAll(common);
        cmd.addAll(List.of("--out", out.toString(), "--threads", "1"));
        Path log = dir.resolve("child.log");
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Path results = out.resolve("results.jsonl");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        int atKill = -1;
        while (System.nanoTime() < deadline) {
            if (!child.isAlive()) {
                fail("the batch ended (exit " + child.exitValue() + ") before it could be killed:\n"
                        + Files.readString(log));
            }
            if (Files.exists(results) && countLines(results) >= 3) {
                child.destroyForcibly(); // SIGKILL on Linux: no shutdown hooks, no flushing
                child.waitFor(30, TimeUnit.SECONDS);
                atKill = countLines(results);
                break;
            }
            Thread.sleep(5);
        }
        assertTrue(atKill >= 3, "killed after some results; child log:\n" + Files.readString(log));
        assertTrue(atKill < total, "killed before the end (" + atKill + " of " + total + ")");
        assertEquals(137, child.exitValue(), "killed by SIGKILL");

        // an interrupted write: half a record at the end, no newline
        String first = Files.readAllLines(results).get(0);
        Files.writeString(results, first.substring(0, first.length() / 2), StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);

        // the resumed and the uninterrupted runs share one in-process FAST engine (the shared test encoder): the
        // resume's fingerprint check confirms it is configured exactly as the killed CLI's was
        try (ClaimEngine engine = ClaimEngine.builder().optNlpMode(NlpMode.FAST).optEncoder(Fixtures.encoder())
                .build()) {
            BatchOptions.Builder base = BatchOptions.builder().setClaims(claims.toString())
                    .setArticles(List.of(Fixtures.examples())).optThreads(2);
            BatchSummary resumed = BatchRunner.run(engine, base.setOut(out).optResume(true).build(),
                    BatchListener.NONE);
            assertEquals(atKill, resumed.claimsResumed(), "what was on disk at the kill is kept");
            assertEquals(total - atKill, resumed.claimsChecked());
            BatchRunner.run(engine, base.setOut(dir.resolve("uninterrupted")).optResume(false).build(),
                    BatchListener.NONE);
        }
        Path fresh = dir.resolve("uninterrupted");

        List<String> resumed = Files.readAllLines(results);
        List<String> reference = Files.readAllLines(fresh.resolve("results.jsonl"));
        assertEquals(total, reference.size());
        assertEquals(total, resumed.size(), "every claim exactly once");
        Set<String> ids = new HashSet<>();
        for (String r : resumed) {
            assertTrue(ids.add(r.substring(0, r.indexOf(','))), "duplicate " + r.substring(0, 40));
        }
        assertEquals(new TreeSet<>(reference), new TreeSet<>(resumed), "byte-equal records");
    }

    private static int countLines(Path file) throws IOException {
        int n = 0;
        for (byte b : Files.readAllBytes(file)) {
            if (b == '\n') {
                n++;
            }
        }
        return n;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
