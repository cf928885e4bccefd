package io.claimlens.train;

import io.claimlens.datasets.CheckThat;
import io.claimlens.datasets.ClaimBuster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The data rules of the check-worthiness trainer, on a small synthetic copy of the datasets' layout. */
class CheckworthinessDataTest {

    @TempDir
    Path root;

    /** A transcript of n distinct sentences "<topic> sentence number k is about the budget.", every 5th labelled 1. */
    private static List<String> debate(String topic, int n, int labelShift) {
        List<String> lines = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int label = (k + labelShift) % 5 == 0 ? 1 : 0;
            lines.add((k + 1) + "\tSPEAKER\t" + topic + " sentence number " + k + " is about the budget.\t" + label);
        }
        return lines;
    }

    private void write(String dir, String name, List<String> lines) throws IOException {
        Path d = root.resolve(dir);
        Files.createDirectories(d);
        Files.write(d.resolve(name), lines);
    }

    @Test
    void testDebatesAreNeverTrainedOnAndRecurringDebatesKeepThe2020Labels() throws IOException {
        List<String> test2019 = debate("Tango", 20, 0);
        List<String> recurring = debate("Bravo", 20, 0);
        write(CheckworthinessData.TRAIN_2019, "20160101_alpha.tsv", debate("Alpha", 20, 0));
        write(CheckworthinessData.TRAIN_2019, "20160201_bravo.tsv", recurring);
        write(CheckworthinessData.TEST_2019, "20170101_tango.tsv", test2019);
        write(CheckworthinessData.TRAIN_2020, "20160202_Bravo_updated.tsv", debate("Bravo", 20, 1));
        write(CheckworthinessData.TRAIN_2020, "20170101_Tango_again.tsv", test2019);
        List<String> charlie = new ArrayList<>(debate("Charlie", 18, 0));
        charlie.add("19\tMOD\tUniform sentence number 3 is about the budget.\t1"); // a test sentence: dropped
        charlie.add("20\tSYSTEM\t(APPLAUSE)\t0"); // short and also in a test file: kept
        write(CheckworthinessData.TRAIN_2020, "20160301_charlie.tsv", charlie);
        List<String> uniform = new ArrayList<>(debate("Uniform", 20, 0));
        uniform.add("21\tSYSTEM\t(APPLAUSE)\t0");
        write(CheckworthinessData.TEST_2020, "20180101_uniform.tsv", uniform);
        Files.createDirectories(root.resolve("claimbuster"));
        List<String> cb = new ArrayList<>(List.of("sentence_id,screening,label,text"));
        for (int i = 0; i < 40; i++) {
            cb.add(i + ",-3," + (i % 4 == 0 ? 1 : 0) + ",\"We cut taxes by " + i + " percent, \"\"really\"\".\"");
        }
        cb.add("99,-3,1,Tango sentence number 7 is about the budget.");
        Files.write(root.resolve(CheckworthinessData.CLAIMBUSTER), cb);

        CheckworthinessData.Assembled a = CheckworthinessData.assemble(root, 42);
        List<String> names = new ArrayList<>();
        a.transcripts().forEach(d -> names.add(d.name()));
        assertEquals(List.of("20160101_alpha", "20160202_Bravo_updated", "20160301_charlie"), names,
                a.decisions().toString());
        assertTrue(a.decisions().stream().anyMatch(s -> s.contains("20170101_Tango_again") && s.contains("test")));
        assertTrue(a.decisions().stream().anyMatch(s -> s.contains("20160201_bravo") && s.contains("2020")));
        CheckThat.Debate charlieKept = a.transcripts().get(2);
        assertFalse(charlieKept.lines().stream().anyMatch(l -> l.text().startsWith("Uniform")));
        assertTrue(charlieKept.lines().stream().anyMatch(l -> l.text().equals("(APPLAUSE)")));
        assertEquals(3, a.transcriptFold().length);
        CheckThat.Debate bravo = a.transcripts().get(1);
        assertEquals(1, bravo.lines().get(4).label(), "labels come from the 2020 file");
        assertEquals(40, a.claimBuster().size(), "the ClaimBuster sentence equal to a test sentence is dropped");
        assertEquals("We cut taxes by 1 percent, \"really\".", a.claimBuster().get(1).text());
        assertEquals(1, a.test2019().size());
        assertEquals(21, a.test2020().get(0).lines().size());
        assertEquals(5, a.refs().size());
        assertTrue(a.refs().get(0).sha256().matches("[0-9a-f]{64}"));

        // Repeated cross-validation re-deals the same data: the assembling seed gives the same folds back,
        // other seeds other ClaimBuster folds (40 sentences: a clash of all of them is out of reach).
        CheckworthinessData.Assembled same = a.withFolds(42);
        assertEquals(java.util.Arrays.toString(a.transcriptFold()), java.util.Arrays.toString(same.transcriptFold()));
        assertEquals(java.util.Arrays.toString(a.claimBusterFold()),
                java.util.Arrays.toString(same.claimBusterFold()));
        CheckworthinessData.Assembled other = a.withFolds(43);
        assertFalse(java.util.Arrays.equals(a.claimBusterFold(), other.claimBusterFold()));
        assertEquals(a.transcripts(), other.transcripts());
        assertEquals(a.claimBuster(), other.claimBuster());
    }

    @Test
    void foldsAreStratifiedAndSeeded() {
        int[] labels = new int[100];
        for (int i = 0; i < 100; i++) {
            labels[i] = i < 20 ? 1 : 0;
        }
        int[] f = CheckworthinessData.stratifiedFolds(labels, 4, 7);
        int[] pos = new int[4];
        int[] all = new int[4];
        for (int i = 0; i < 100; i++) {
            all[f[i]]++;
            pos[f[i]] += labels[i];
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(25, all[k]);
            assertEquals(5, pos[k]);
        }
        assertEquals(java.util.Arrays.toString(f), java.util.Arrays.toString(
                CheckworthinessData.stratifiedFolds(labels, 4, 7)));
    }

    @Test
    void badLinesAreNamedByFileAndLine() throws IOException {
        Path f = root.resolve("bad.tsv");
        Files.write(f, List.of("1\tA\tFine sentence.\t0", "2\tB\tNo label here"));
        IOException e = assertThrows(IOException.class, () -> CheckThat.read(f));
        assertTrue(e.getMessage().contains("bad.tsv:2"), e.getMessage());
        Files.write(f, List.of("1\tA\tFine sentence.\tyes"));
        e = assertThrows(IOException.class, () -> CheckThat.read(f));
        assertTrue(e.getMessage().contains("label"), e.getMessage());
        Path c = root.resolve("cb.csv");
        Files.write(c, List.of("sentence_id,screening,label,text", "1,-3,1,\"unterminated"));
        e = assertThrows(IOException.class, () -> ClaimBuster.read(c));
        assertTrue(e.getMessage().contains("cb.csv:2"), e.getMessage());
        Files.write(f, List.of("1\tA\tWindows line end.\t1\r"));
        assertEquals(1, CheckThat.read(f).lines().get(0).label());
    }
}
