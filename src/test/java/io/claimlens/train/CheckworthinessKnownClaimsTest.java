package io.claimlens.train;

import io.claimlens.claims.detect.CheckworthinessModel;
import io.claimlens.datasets.CheckThat;
import io.claimlens.testing.FakeEncoder;
import org.junit.jupiter.api.Test;

import java.io.PrintStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The known-claims design's memory: what it holds, and that cross-validation never shows a fold its own claims. */
class CheckworthinessKnownClaimsTest {

    private static CheckThat.Debate debate(String name, String... lines) {
        List<CheckThat.Line> out = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            boolean claim = lines[i].startsWith("*");
            out.add(new CheckThat.Line(i + 1, "A", claim ? lines[i].substring(1) : lines[i], claim ? 1 : 0));
        }
        return new CheckThat.Debate(name, Path.of(name + ".tsv"), out);
    }

    @Test
    void knownClaimsAreTheOtherFoldsDistinctCheckWorthyLines() throws Exception {
        List<CheckThat.Debate> ts = List.of(
                debate("d0", "Thank you.", "*Crime doubled in Chicago.", "*Taxes rose by 9 percent."),
                debate("d1", "*Exports fell by half.", "Good evening."),
                debate("d2", "*Crime doubled in Chicago.", "*We built 400 miles of wall."));
        CheckworthinessData.Assembled data = new CheckworthinessData.Assembled(ts, new int[] {0, 1, 2}, List.of(),
                new int[0], List.of(), List.of(), List.of(), List.of());
        List<String> texts = new ArrayList<>();
        ts.forEach(d -> d.lines().forEach(l -> texts.add(l.text())));
        FakeEncoder enc = new FakeEncoder();
        EmbeddingTable emb = EmbeddingTable.build(enc, texts, null, new PrintStream(OutputStream.nullOutputStream()));
        CheckworthinessTrainer.Inputs inputs = new CheckworthinessTrainer.Inputs(emb);

        List<float[]> all = CheckworthinessTrainer.knownClaims(data, -1, inputs);
        assertEquals(4, all.size(), "distinct texts: the repeated crime line once");
        assertArrayEquals(emb.get("Crime doubled in Chicago."), all.get(0));
        assertArrayEquals(emb.get("We built 400 miles of wall."), all.get(3));

        List<float[]> notFold1 = CheckworthinessTrainer.knownClaims(data, 1, inputs);
        assertEquals(3, notFold1.size());
        for (float[] v : notFold1) {
            assertTrue(v != emb.get("Exports fell by half."), "fold 1's own claim is not known while it is held out");
        }
        // Held out, fold 2's lines are compared with folds 0 and 1 only: its repeated crime line still matches fold
        // 0's copy (a repeated talking point), its wall line matches nothing exactly.
        CheckworthinessModel.KnownClaims k = CheckworthinessModel.KnownClaims.of(1,
                CheckworthinessTrainer.knownClaims(data, 2, inputs));
        assertEquals(1.0, k.maxSimilarity(emb.get("Crime doubled in Chicago.")), 1e-6);
        assertTrue(k.maxSimilarity(emb.get("We built 400 miles of wall.")) < 0.999);
    }
}
