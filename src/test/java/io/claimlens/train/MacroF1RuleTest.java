package io.claimlens.train;

import io.claimlens.datasets.Averitec;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MacroF1RuleTest {

    private static final boolean[] THREE = {true, true, true};

    @Test
    void alphaZeroIsTheArgmaxAndSkipsGradesWithoutPrior() {
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.priorCorrection(new double[] {0.7, 0.2, 0.1, 0}, 0);
        assertEquals(1, r.decide(new double[] {0.3, 0.5, 0.2, 0.0}));
        // a grade the dataset lacks (prior 0) is never named, even with the highest probability
        assertEquals(0, r.decide(new double[] {0.3, 0.1, 0.1, 0.5}));
    }

    @Test
    void aFixedRuleSaysItWasNotChosenOnRows() {
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.priorCorrection(new double[] {0.7, 0.3}, 0);
        assertEquals(VerdictFit.MacroF1Rule.Estimate.NONE, r.estimate());
        assertEquals("log p - 0.00 log prior (fixed, not chosen on rows)", r.describe());
    }

    @Test
    void alphaOneDividesThePriorOut() {
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.priorCorrection(new double[] {0.8, 0.1, 0.1}, 1);
        // 0.6/0.8 = 0.75 < 0.3/0.1 = 3: the rare grade is named
        assertEquals(1, r.decide(new double[] {0.6, 0.3, 0.1}));
    }

    /**
     * A rare grade whose calibrated probability rises with the truth but never tops the common grade's: the argmax
     * never names it (its F1 is 0), so the rule chosen for macro-F1 must move off alpha = 0 and score better on the
     * rows it was chosen on.
     */
    @Test
    void aRareGradeThatArgmaxNeverNamesPullsAlphaUp() {
        Random rnd = new Random(7);
        int n = 2000;
        double[][] probs = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            gold[i] = rnd.nextDouble() < 0.1 ? 1 : (rnd.nextDouble() < 0.3 ? 2 : 0);
            double rare = gold[i] == 1 ? 0.30 + 0.1 * rnd.nextDouble() : 0.05 + 0.1 * rnd.nextDouble();
            double third = gold[i] == 2 ? 0.45 : 0.1;
            probs[i] = new double[] {1 - rare - third, rare, third};
        }
        double[] priors = VerdictFit.priors(gold, THREE);
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.fitMacroF1(probs, gold, priors, false);
        assertTrue(r.alpha() > 0, "alpha " + r.alpha());
        assertTrue(r.heldOutMacroF1() > r.heldOutMacroF1Argmax() + 0.1, r.describe());
        int namedRare = 0;
        for (double[] p : probs) {
            namedRare += r.decide(p) == 1 ? 1 : 0;
        }
        assertTrue(namedRare > 0);
    }

    /**
     * Two rare grades that need opposite pushes: grade 2 never tops the common grade and needs a push of more than
     * log(0.7 / 0.3), while grade 1 is already named right and any push above log(0.55 / 0.45) also names it for
     * half of the common grade's rows. One alpha moves both together; per-grade offsets separate them.
     */
    @Test
    void perGradeOffsetsSeparateWhatOneAlphaCannot() {
        int n = 100;
        double[][] probs = new double[n][];
        int[] gold = new int[n];
        for (int i = 0; i < n; i++) {
            if (i < 60) {
                gold[i] = 0;
                probs[i] = i % 2 == 0 ? new double[] {0.55, 0.45, 0.0} : new double[] {0.9, 0.0, 0.1};
            } else if (i < 80) {
                gold[i] = 1;
                probs[i] = new double[] {0.45, 0.55, 0.0};
            } else {
                gold[i] = 2;
                probs[i] = new double[] {0.7, 0.0, 0.3};
            }
        }
        double[] priors = VerdictFit.priors(gold, THREE);
        VerdictFit.MacroF1Rule alphaOnly = VerdictFit.MacroF1Rule.fitMacroF1(probs, gold, priors, false);
        VerdictFit.MacroF1Rule withOffsets = VerdictFit.MacroF1Rule.fitMacroF1(probs, gold, priors, true);
        assertTrue(alphaOnly.heldOutMacroF1() < 0.8, alphaOnly.describe());
        assertEquals(1.0, withOffsets.heldOutMacroF1(), 1e-12, withOffsets.describe());
        assertEquals(0, withOffsets.offsets()[0], "the most common grade keeps offset 0");
        assertTrue(withOffsets.offsets()[1] < 0, withOffsets.describe());
        assertEquals(n, withOffsets.rows());
        for (int i = 0; i < n; i++) {
            assertEquals(gold[i], withOffsets.decide(probs[i]), "row " + i);
        }
    }

    @Test
    void balancedWellSeparatedRowsKeepTheArgmax() {
        double[][] probs = {{0.9, 0.05, 0.05}, {0.1, 0.8, 0.1}, {0.1, 0.1, 0.8}, {0.85, 0.1, 0.05}};
        int[] gold = {0, 1, 2, 0};
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.fitMacroF1(probs, gold,
                VerdictFit.priors(gold, THREE), true);
        assertEquals(0, r.alpha(), "ties keep the plainer rule");
        assertEquals(1.0, r.heldOutMacroF1(), 1e-12);
    }

    /** With one-hot probabilities the expectation is the count: expected macro-F1 equals the observed one. */
    @Test
    void expectedMacroF1OfCertainRowsIsTheObservedMacroF1() {
        int[] gold = {0, 0, 1, 2, 2, 0, 1};
        int[] pred = {0, 1, 1, 2, 0, 0, 2};
        double[][] oneHot = new double[gold.length][3];
        for (int i = 0; i < gold.length; i++) {
            oneHot[i][gold[i]] = 1;
        }
        double observed = io.claimlens.ml.Metrics.macroF1(io.claimlens.ml.Metrics.confusion(gold, pred, 3));
        assertEquals(observed, VerdictFit.MacroF1Rule.expectedMacroF1(oneHot, pred, new double[] {0.4, 0.3, 0.3}),
                1e-12);
    }

    /**
     * Rows whose grades are drawn from their own probabilities (calibrated by construction), a rare grade the argmax
     * never names: the rule chosen by expected macro-F1 reads no grade, yet names the rare grade, and its expected
     * macro-F1 predicts what it scores on a fresh draw of the same kind of rows.
     */
    @Test
    void theExpectedRuleReadsNoGradeAndPredictsItsScore() {
        double[][] fit = calibratedRows(new Random(3), 3000);
        double[] priors = {0.6, 0.1, 0.3};
        VerdictFit.MacroF1Rule r = VerdictFit.MacroF1Rule.fitExpectedMacroF1(fit, priors, true);
        assertEquals(VerdictFit.MacroF1Rule.Estimate.EXPECTED, r.estimate());
        assertTrue(r.describe().startsWith("log p - ") && r.describe().contains(String.format(java.util.Locale.ROOT,
                "(chosen on %,d held-out rows: expected macro-F1 %.4f vs argmax", r.rows(), r.heldOutMacroF1())),
                r.describe());
        assertTrue(r.heldOutMacroF1() > r.heldOutMacroF1Argmax() + 0.05, r.describe());
        assertTrue(r.describe().contains("expected macro-F1"), r.describe());
        Random draw = new Random(11);
        double[][] test = calibratedRows(draw, 3000);
        int[] gold = new int[test.length];
        int[] pred = new int[test.length];
        int namedRare = 0;
        for (int i = 0; i < test.length; i++) {
            double u = draw.nextDouble();
            gold[i] = u < test[i][0] ? 0 : u < test[i][0] + test[i][1] ? 1 : 2;
            pred[i] = r.decide(test[i]);
            namedRare += pred[i] == 1 ? 1 : 0;
        }
        assertTrue(namedRare > 0);
        double observed = io.claimlens.ml.Metrics.macroF1(io.claimlens.ml.Metrics.confusion(gold, pred, 3));
        assertEquals(r.heldOutMacroF1(), observed, 0.03, r.describe());
    }

    /** Probabilities of three grades; grade 1 is rare and never the most probable. */
    private static double[][] calibratedRows(Random rnd, int n) {
        double[][] probs = new double[n][];
        for (int i = 0; i < n; i++) {
            double rare = rnd.nextDouble() < 0.15 ? 0.3 + 0.15 * rnd.nextDouble() : 0.02 + 0.08 * rnd.nextDouble();
            double third = (1 - rare) * (rnd.nextDouble() < 0.3 ? 0.55 : 0.1);
            probs[i] = new double[] {1 - rare - third, rare, third};
        }
        return probs;
    }

    @Test
    void answerShapeReadsSharesOfTheAnswers() {
        // 3 questions, 4 answers: 1 unanswerable, yes + no, 1 extractive
        double[] x = VerdictData.answerShape(new Averitec.AnswerShape(3, 4, 1, 1, 1, 0, 0, 1));
        assertEquals(VerdictData.ANSWER_SHAPE_NAMES.size(), x.length);
        assertArrayEquals(new double[] {Math.log(4), Math.log(5), 0.25, 1, 0, 0.25, 0.25, 1, 0, 0.5, 0, 0.25}, x,
                1e-12);
        double[] none = VerdictData.answerShape(new Averitec.AnswerShape(2, 2, 2, 0, 0, 0, 0, 0));
        assertEquals(1, none[VerdictData.ANSWER_SHAPE_NAMES.indexOf("all_unanswerable")]);
    }
}
