package io.claimlens.train;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BagOfWordsHeadTest {

    private static final String[] FILLER = {"the", "report", "said", "officials", "claim", "week", "state", "city",
        "video", "photo", "post", "people"};

    /** Texts of three classes: each class has its own cue word among shared filler words. */
    private static List<String> texts(int n, int[] labels, long seed) {
        Random rnd = new Random(seed);
        String[] cue = {"confirmed", "doctored", "unclear"};
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            labels[i] = rnd.nextInt(3);
            StringBuilder b = new StringBuilder();
            for (int k = 0; k < 8; k++) {
                b.append(FILLER[rnd.nextInt(FILLER.length)]).append(' ');
            }
            // the cue is there four times in five: the head must learn it, not look it up
            b.append(rnd.nextInt(5) > 0 ? cue[labels[i]] : FILLER[rnd.nextInt(FILLER.length)]);
            out.add(b.toString());
        }
        return out;
    }

    @Test
    void learnsCueWordsAndGivesLogProbabilities() {
        int[] y = new int[300];
        List<String> train = texts(300, y, 1);
        BagOfWordsHead h = BagOfWordsHead.fit(train, y, 3);
        assertTrue(h.vocabularySize() >= FILLER.length + 3, "words and frequent word pairs: " + h.vocabularySize());
        double[] lp = h.logProbabilities("The officials said the video was doctored");
        double sum = 0;
        for (double v : lp) {
            sum += Math.exp(v);
        }
        assertEquals(1, sum, 1e-9);
        assertTrue(lp[1] > lp[0] && lp[1] > lp[2], java.util.Arrays.toString(lp));
        // a text of unknown words only falls back on the bias: no class is strongly preferred
        double[] none = h.logProbabilities("zebra quantum");
        for (double v : none) {
            assertTrue(Math.exp(v) < 0.6, java.util.Arrays.toString(none));
        }
    }

    @Test
    void outOfFoldFeaturesAreDeterministicAndCarryTheCue() {
        int[] y = new int[200];
        List<String> train = texts(200, y, 2);
        int[] fold = new int[200];
        for (int i = 0; i < fold.length; i++) {
            fold[i] = i % 5;
        }
        double[][] a = BagOfWordsHead.outOfFold(train, y, 3, fold, 5);
        double[][] b = BagOfWordsHead.outOfFold(train, y, 3, fold, 5);
        for (int i = 0; i < a.length; i++) {
            assertArrayEquals(a[i], b[i]);
        }
        int right = 0;
        for (int i = 0; i < a.length; i++) {
            int best = 0;
            for (int c = 1; c < 3; c++) {
                best = a[i][c] > a[i][best] ? c : best;
            }
            right += best == y[i] ? 1 : 0;
        }
        // the cue is there in 80% of rows and filler carries nothing: held out, about 0.8 + 0.2/3 are right
        assertTrue(right / 200.0 > 0.7, "out-of-fold accuracy " + right / 200.0);
    }
}
